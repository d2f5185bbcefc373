package org.crmgraph.graph.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Base64;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class CursorTests {

    private static final CursorSeal SEAL = CursorSeal.withKey(CursorSeal.newKey());

    private static void assertInvalidCursor(Runnable decoding) {
        assertThatThrownBy(decoding::run).isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR);
            assertThat(e.argument()).isEqualTo("after");
        });
    }

    @Test
    void everyKeyTypeRoundTrips() {
        for (Object key :
                new Object[] {"Zoë | \n odd", 42L, 9.5, ZonedDateTime.parse("2025-01-01T10:15:30.123456789Z")}) {
            var cursor = new Cursor("x:asc", key, "id-1");
            assertThat(Cursor.decode(cursor.encode(SEAL), "x:asc", SEAL)).isEqualTo(cursor);
        }
    }

    @Test
    void aCursorShowsNothingOfWhatItHolds() {
        String encoded = new Cursor("customer.email:asc", "jane.doe@example.com", "c-42").encode(SEAL);
        String decoded = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("jane").doesNotContain("example").doesNotContain("c-42");
        assertThat(new Cursor("customer.email:asc", "jane.doe@example.com", "c-42").encode(SEAL))
                .as("the same position sealed twice looks different (a fresh nonce each time)")
                .isNotEqualTo(encoded);
    }

    @Test
    void anEditedCursorIsRefusedWhicheverByteChanged() {
        String encoded = new Cursor("customer.name:asc", "Mia", "c1").encode(SEAL);
        byte[] bytes = Base64.getUrlDecoder().decode(encoded);
        for (int i = 0; i < bytes.length; i++) {
            byte[] edited = bytes.clone();
            edited[i] ^= 0x01;
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(edited);
            assertInvalidCursor(() -> Cursor.decode(forged, "customer.name:asc", SEAL));
        }
    }

    @Test
    void aCursorSealedWithAnotherKeyOrForgedInTheOldPlainFormIsRefused() {
        CursorSeal other = CursorSeal.withKey(CursorSeal.newKey());
        String foreign = new Cursor("customer.name:asc", "Mia", "c1").encode(other);
        assertInvalidCursor(() -> Cursor.decode(foreign, "customer.name:asc", SEAL));
        // what cursors looked like before they were sealed: readable, so guessable and forgeable
        String plain = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("k1\ncustomer.name:asc\ns\nc1\nMia".getBytes(StandardCharsets.UTF_8));
        assertInvalidCursor(() -> Cursor.decode(plain, "customer.name:asc", SEAL));
    }

    @Test
    void aCursorOnlyFitsItsOwnOrdering() {
        String encoded = new Cursor("customer.name:asc", "a", "c1").encode(SEAL);
        assertInvalidCursor(() -> Cursor.decode(encoded, "customer.name:desc", SEAL));
    }

    @Test
    void garbageIsRejectedNotMisread() {
        for (String garbage : new String[] {
            "", "%%%", "aGVsbG8", new Cursor("o", 1L, "i").encode(SEAL).substring(3)
        }) {
            assertInvalidCursor(() -> Cursor.decode(garbage, "o", SEAL));
        }
        assertThat(Cursor.decode(null, "o", SEAL)).isNull();
    }

    @Test
    void aConfiguredSecretGivesTheSameKeyOnEveryInstanceAndMustNotBeShort() {
        String encoded = new Cursor("o", 1L, "i").encode(CursorSeal.fromSecret("a secret of twenty chars"));
        assertThat(Cursor.decode(encoded, "o", CursorSeal.fromSecret("a secret of twenty chars")))
                .isEqualTo(new Cursor("o", 1L, "i"));
        assertThatThrownBy(() -> CursorSeal.fromSecret("short")).hasMessageContaining("16 characters");
    }

    @Test
    void pageSizeIsBounded() {
        var paging = new Pages(PagingProperties.defaults(), SEAL);
        assertThat(paging.request(null, null, "o").first()).isEqualTo(20);
        assertThat(paging.request(100, null, "o").first()).isEqualTo(100);
        assertThat(paging.request(0, null, "o").first()).isZero();
        assertThatThrownBy(() -> paging.request(101, null, "o"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAGE_SIZE_EXCEEDED));
    }

    @Test
    void aCursorOfSeveralSortKeysRoundTripsWhateverTheKeysHold() {
        var keys = java.util.List.<Object>of(
                "GB", "line one\nline two: with a colon", 42L, 2.5, java.time.ZonedDateTime.parse("2025-02-01T10:00Z"));
        var cursor = new Cursor("a:asc,b:desc", keys, "c-9");
        assertThat(Cursor.decode(cursor.encode(SEAL), "a:asc,b:desc", SEAL)).isEqualTo(cursor);
        assertInvalidCursor(() -> Cursor.decode(cursor.encode(SEAL), "a:asc", SEAL));
    }
}
