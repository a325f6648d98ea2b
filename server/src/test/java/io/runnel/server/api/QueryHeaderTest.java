package io.runnel.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryHeaderTest {

    @Test
    void shouldRenderTheSchemaAsKsqlDbWithKeyAndHeaderFlags() {
        QueryHeader header = new QueryHeader("q", List.of(new QueryHeader.Column("K", "INTEGER", true),
                new QueryHeader.Column("H", "BYTES", QueryHeader.Column.Namespace.HEADERS, Optional.of("abc")),
                new QueryHeader.Column("ALL", "ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>>",
                        QueryHeader.Column.Namespace.HEADERS, Optional.empty()),
                QueryHeader.Column.value("TEXT", "STRING")));

        assertThat(header.schema()).isEqualTo("`K` INTEGER KEY, `H` BYTES HEADER('abc'), "
                + "`ALL` ARRAY<STRUCT<`KEY` STRING, `VALUE` BYTES>> HEADERS, `TEXT` STRING");
    }

    @Test
    void shouldRejectAHeaderKeyOnANonHeaderColumn() {
        assertThatThrownBy(() -> new QueryHeader.Column("K", "BYTES", QueryHeader.Column.Namespace.KEY, Optional.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
