package org.crmgraph.api.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.crmgraph.graph.security.ApiKeyStore;
import org.crmgraph.graph.security.Role;
import org.crmgraph.graph.validation.ErrorCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * HTTP security: {@code /graphql} needs an API key or (when an issuer is configured) a JWT; health and
 * info are open for probes, other actuator endpoints are for admins; static pages (GraphiQL, Neo4j
 * Browser's files) are open because they hold no data. Stateless: no session, no cookie, so no CSRF.
 * What each role may do inside GraphQL is decided per field ({@link FieldAccess}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    static final String DEVELOPMENT_CALLER = "local-development";

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            SecurityProperties settings,
            ApiKeyVerifier verifier,
            ObjectProvider<JwtDecoder> jwtDecoder,
            CallerRateLimiter rateLimiter)
            throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (!settings.enabled()) {
            return http.anonymous(a -> a.principal(DEVELOPMENT_CALLER).authorities(Caller.ROLE_PREFIX + "ADMIN"))
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .build();
        }
        http.addFilterBefore(new ApiKeyAuthenticationFilter(verifier), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimiter), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a
                        // a WebSocket handshake cannot carry headers from a browser: its connection_init does
                        // (WebSocketAuthentication), and nothing runs on the connection before that
                        .requestMatchers(request -> "GET".equals(request.getMethod())
                                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                                && "/graphql".equals(request.getRequestURI()))
                        .permitAll()
                        .requestMatchers("/graphql", "/graphql/**")
                        .authenticated()
                        // streaming ingest writes customers and their data: the roles that may import
                        .requestMatchers("/ingest/**")
                        .hasAnyRole("ADMIN", "DATA_STEWARD")
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, failure) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            JsonErrors.write(
                                    response,
                                    HttpServletResponse.SC_UNAUTHORIZED,
                                    ErrorCode.UNAUTHENTICATED.name(),
                                    "Authentication required: send an API key as 'Authorization: Bearer <key>' or '"
                                            + ApiKeyAuthenticationFilter.HEADER + ": <key>'.");
                        })
                        .accessDeniedHandler((request, response, denied) -> JsonErrors.write(
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                ErrorCode.FORBIDDEN.name(),
                                "This role may not use this endpoint.")));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(o ->
                    o.bearerTokenResolver(jwtOnly()).jwt(j -> j.jwtAuthenticationConverter(jwtRoles(settings.jwt()))));
        }
        return http.build();
    }

    /** Our own keys also come as bearer tokens; they must never be parsed as JWTs. */
    private static BearerTokenResolver jwtOnly() {
        var standard = new DefaultBearerTokenResolver();
        return request -> {
            String token = standard.resolve(request);
            return ApiKeyStore.looksLikeApiKey(token) ? null : token;
        };
    }

    /**
     * A valid signature is not enough: the token must be issued by the configured issuer for this service (its
     * audience), and its roles count only through the configured mapping. Anything else is refused (401) or grants
     * nothing.
     */
    static Converter<Jwt, AbstractAuthenticationToken> jwtRoles(SecurityProperties.Jwt settings) {
        var converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(settings.nameClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, settings));
        return jwt -> {
            if (settings.audience().isBlank() || !jwt.getAudience().contains(settings.audience())) {
                throw new InvalidBearerTokenException("The token is not issued for this service (aud).");
            }
            if (settings.issuer().isBlank()
                    || jwt.getIssuer() == null
                    || !settings.issuer().equals(jwt.getIssuer().toString())) {
                throw new InvalidBearerTokenException("The token is not from the configured issuer (iss).");
            }
            return converter.convert(jwt);
        };
    }

    private static Collection<GrantedAuthority> roles(Jwt jwt, SecurityProperties.Jwt settings) {
        Object value = jwt.getClaims().get(settings.rolesClaim());
        List<String> names = switch (value) {
            case null -> List.of();
            case Collection<?> list -> list.stream().map(String::valueOf).toList();
            default -> List.of(String.valueOf(value).split("[ ,]+"));
        };
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String name : names) {
            Role role = settings.roles().get(name.strip());
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority(Caller.ROLE_PREFIX + role.name()));
            }
        }
        return authorities;
    }
}
