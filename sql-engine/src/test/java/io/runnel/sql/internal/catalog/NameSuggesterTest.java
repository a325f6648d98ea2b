package io.runnel.sql.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameSuggesterTest {

    @Test
    void shouldCountAdjacentSwapAsOneEdit() {
        assertThat(NameSuggester.distance("FORM", "FROM")).isEqualTo(1);
        assertThat(NameSuggester.distance("KITTEN", "SITTING")).isEqualTo(3);
        assertThat(NameSuggester.distance("", "ABC")).isEqualTo(3);
    }

    @Test
    void shouldSuggestOnlyPlausibleNames() {
        List<String> names = List.of("USER_ID", "PAGE", "REGION_NAME");
        assertThat(NameSuggester.closest("USERID", names)).contains("USER_ID");
        assertThat(NameSuggester.closest("regoin_name", names)).contains("REGION_NAME");
        assertThat(NameSuggester.closest("TOTALLY_ELSE", names)).isEmpty();
        assertThat(NameSuggester.closest("P", names)).isEmpty();
    }

    @Test
    void shouldPreferTheClosestCandidate() {
        assertThat(NameSuggester.closest("COUNTS", List.of("COUNT", "COUNTS_2", "COUNTS"))).contains("COUNTS");
    }
}
