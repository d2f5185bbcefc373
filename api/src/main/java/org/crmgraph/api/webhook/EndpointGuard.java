package org.crmgraph.api.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being aimed at the service's own network (server-side request forgery): an endpoint must be an
 * absolute {@code http(s)} URL without credentials whose host resolves only to public addresses, unless
 * {@code crm.webhooks.allow-private-addresses} is on. Checked when a webhook is registered and again before each
 * attempt, on the addresses the name resolves to then (the JVM caches lookups, so the attempt connects to what was
 * checked unless the cache expired in between).
 */
@Component
public class EndpointGuard {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean allowPrivate;

    public EndpointGuard(WebhookProperties properties) {
        this.allowPrivate = properties.allowPrivateAddresses();
    }

    /** What is wrong with {@code url} as a webhook endpoint, or empty when it may be used. */
    public Optional<String> problem(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("At most " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("Must be an absolute http:// or https:// URL.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("Has no host name.");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("Must not hold credentials; the receiver checks X-CRM-Signature instead.");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("Must not have a #fragment.");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of("The host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", a loopback, private or otherwise internal address; such endpoints are refused unless "
                        + "crm.webhooks.allow-private-addresses=true.");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code address} is on the public internet (not loopback, private, link-local, reserved...). */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 // "this network"
                    || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240); // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return false;
            }
            // addresses that carry an IPv4 address: judged by that one
            if (isNat64(b)) {
                return isPublic(ipv4(b, 12));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4 2002::/16
                return isPublic(ipv4(b, 2));
            }
            boolean compatible = true; // ::a.b.c.d
            for (int i = 0; i < 12; i++) {
                compatible &= b[i] == 0;
            }
            return !compatible;
        }
        return false;
    }

    private static boolean isNat64(byte[] b) {
        if ((b[0] & 0xff) != 0x00 || (b[1] & 0xff) != 0x64 || (b[2] & 0xff) != 0xff || (b[3] & 0xff) != 0x9b) {
            return false;
        }
        for (int i = 4; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int from) {
        try {
            return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
