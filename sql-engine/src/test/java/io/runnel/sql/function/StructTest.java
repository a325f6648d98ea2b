package io.runnel.sql.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructTest {

    @Test
    void shouldKeepFieldOrderAndAllowNullValues() {
        Struct s = Struct.builder().put("B", 1).put("A", null).build();
        assertThat(s.fields().keySet()).containsExactly("B", "A");
        assertThat(s.get("A")).isNull();
        assertThat(s).isEqualTo(Struct.of(List.of("B", "A"), Arrays.asList(1, null)));
        assertThat(s).isNotEqualTo(Struct.of(List.of("A", "B"), Arrays.asList(null, 1)));
    }

    @Test
    void shouldRejectUnknownAndDuplicateFields() {
        Struct s = Struct.builder().put("A", 1).build();
        assertThatThrownBy(() -> s.get("a")).hasMessageContaining("no field 'a'");
        assertThatThrownBy(() -> Struct.builder().put("A", 1).put("A", 2)).hasMessageContaining("duplicate");
    }
}
