package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.internal.row.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void shouldFindFormatsByNameInAnyCase() {
        assertThat(Formats.of("json")).isSameAs(Formats.JSON);
        assertThat(Formats.of("Delimited")).isSameAs(Formats.DELIMITED);
        assertThat(Formats.of("KAFKA")).isSameAs(Formats.KAFKA);
        assertThat(Formats.of("none")).isSameAs(Formats.NONE);
    }

    @Test
    void shouldRejectUnknownFormatsAsKsqlDbDoes() {
        assertThatThrownBy(() -> Formats.of("foo"))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SqlErrorCode.INVALID_STATEMENT))
                .hasMessage("Unknown format: FOO");
        assertThatThrownBy(() -> Formats.of("AVRO")).hasMessageContaining("'AVRO' format is not supported by Runnel yet");
    }

    @Test
    void shouldAllowNoneOnlyWithoutColumns() {
        assertThatThrownBy(() -> Formats.NONE.validate(TestSchemas.key("K STRING"), FormatOptions.DEFAULTS))
                .hasMessage("The 'NONE' format can only be used when no columns are defined. Got: [`K` STRING KEY]");
        assertThatThrownBy(() -> Formats.NONE.validate(TestSchemas.value("FOO INT"), FormatOptions.DEFAULTS))
                .hasMessage("The 'NONE' format can only be used when no columns are defined. Got: [`FOO` INTEGER]");
    }

    @Test
    void shouldWriteNothingForNoneKeysAndIgnoreWhatIsRead() {
        SerdeSchema key = TestSchemas.key("");
        assertThat(Formats.NONE.serializer(key, FormatOptions.DEFAULTS).serialize("t", Row.EMPTY)).isNull();
        assertThat(Formats.NONE.deserializer(key, FormatOptions.DEFAULTS).deserialize("t", new byte[] {1})).isEqualTo(Row.EMPTY);
        assertThat(Formats.NONE.deserializer(key, FormatOptions.DEFAULTS).deserialize("t", null)).isNull();
        assertThat(Formats.NONE.serializer(TestSchemas.value(""), FormatOptions.DEFAULTS).serialize("t", Row.EMPTY)).isEmpty();
    }

    @Test
    void shouldReadOptionsFromWithClauseProperties() {
        FormatOptions value = FormatOptions.forValue(Map.of("WRAP_SINGLE_VALUE", false, "VALUE_DELIMITER", "TAB"), true);
        assertThat(value.wrapSingleValue()).contains(false);
        assertThat(value.delimiter()).isEqualTo('\t');
        assertThat(value.unwrapValue(1)).isTrue();
        assertThat(FormatOptions.forValue(Map.of(), false).unwrapValue(1)).isTrue();
        assertThat(FormatOptions.forValue(Map.of(), false).unwrapValue(2)).isFalse();
        assertThat(FormatOptions.forKey(Map.of("KEY_DELIMITER", "|")).delimiter()).isEqualTo('|');
        assertThatThrownBy(() -> FormatOptions.forValue(Map.of("WRAP_SINGLE_VALUE", "maybe"), true))
                .hasMessageContaining("must be true or false");
    }

    @Test
    void shouldRejectWrapSingleValueTrueForFormatsThatCannotWrap() {
        FormatOptions wrap = FormatOptions.DEFAULTS.withWrapSingleValue(true);
        assertThatThrownBy(() -> Formats.KAFKA.validate(TestSchemas.value("V STRING"), wrap))
                .isInstanceOf(SqlException.class);
        assertThatThrownBy(() -> Formats.DELIMITED.validate(TestSchemas.value("V STRING"), wrap))
                .isInstanceOf(SqlException.class);
        Formats.DELIMITED.validate(TestSchemas.value("V STRING"), FormatOptions.DEFAULTS.withWrapSingleValue(false));
    }
}
