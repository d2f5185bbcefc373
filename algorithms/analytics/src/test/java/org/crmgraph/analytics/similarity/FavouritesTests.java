package org.crmgraph.analytics.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.analytics.purchase.PurchaseHistory;
import org.junit.jupiter.api.Test;

class FavouritesTests {

    private final PurchaseHistory history = new PurchaseHistory(
            Map.of(
                    "a",
                    Set.of("tea", "cup"),
                    "b",
                    Set.of("tea", "cup", "pot"),
                    "c",
                    Set.of("tea", "saw"),
                    "d",
                    Set.of("tea", "saw")),
            Map.of("a", "GB", "b", "GB", "c", "DE", "d", "DE"));

    @Test
    void favouritesAreTheMostBoughtWithShareAndLift() {
        var byCountry = Favourites.byGroup(history, history.countries()::get, 2);
        assertThat(byCountry.get("GB")).extracting(Favourite::sku).containsExactly("cup", "tea");
        Favourite cup = byCountry.get("GB").getFirst();
        assertThat(cup.share()).isEqualTo(1.0);
        // half of everyone bought a cup, all of GB did
        assertThat(cup.lift()).isEqualTo(2.0);
    }

    @Test
    void whatEveryoneBuysDoesNotCharacteriseAGroup() {
        var characteristic = Favourites.characteristic(history, Map.of("a", 1, "b", 1, "c", 2, "d", 2), 10, 0.05);
        assertThat(characteristic.get(1)).extracting(Favourite::sku).containsExactly("cup");
        assertThat(characteristic.get(2)).extracting(Favourite::sku).containsExactly("saw");
        assertThat(characteristic.values())
                .flatExtracting(list -> List.copyOf(list))
                .extracting(f -> ((Favourite) f).sku())
                .doesNotContain("tea");
    }
}
