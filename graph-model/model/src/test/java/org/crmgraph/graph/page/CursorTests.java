package org.crmgraph.graph.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.crmgraph.graph.validation.ErrorCode;
import org.crmgraph.graph.validation.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class CursorTests {

    @Test
    void everyKeyTypeRoundTrips() {
        for (Object key :
                new Object[] {"Zoë | \n odd", 42L, 9.5, ZonedDateTime.parse("2025-01-01T10:15:30.123456789Z")}) {
            var cursor = new Cursor("x:asc", key, "id-1");
            assertThat(Cursor.decode(cursor.encode(), "x:asc")).isEqualTo(cursor);
        }
    }

    @Test
    void aCursorOnlyFitsItsOwnOrdering() {
        String encoded = new Cursor("customer.name:asc", "a", "c1").encode();
        assertThatThrownBy(() -> Cursor.decode(encoded, "customer.name:desc"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
    }

    @Test
    void garbageIsRejectedNotMisread() {
        for (String garbage : new String[] {
            "", "%%%", "aGVsbG8", new Cursor("o", 1L, "i").encode().substring(3)
        }) {
            assertThatThrownBy(() -> Cursor.decode(garbage, "o")).isInstanceOf(InvalidArgumentException.class);
        }
        assertThat(Cursor.decode(null, "o")).isNull();
    }

    @Test
    void pageSizeIsBounded() {
        var paging = PagingProperties.defaults();
        assertThat(paging.request(null, null, "o").first()).isEqualTo(20);
        assertThat(paging.request(100, null, "o").first()).isEqualTo(100);
        assertThat(paging.request(0, null, "o").first()).isZero();
        assertThatThrownBy(() -> paging.request(101, null, "o"))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PAGE_SIZE_EXCEEDED));
    }
}
