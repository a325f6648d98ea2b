package io.runnel.sql.internal.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.runnel.sql.internal.catalog.Column;
import io.runnel.sql.internal.catalog.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path reads every record it takes to the same row as the Jackson path, and leaves the rest to it. */
class FlatJsonReaderTest {

    private static final SerdeSchema SCHEMA = new SerdeSchema(SerdeSchema.Part.VALUE, List.of(
            Column.value("NAME", SqlType.STRING),
            Column.value("N", SqlType.BIGINT),
            Column.value("I", SqlType.INTEGER),
            Column.value("D", SqlType.DOUBLE),
            Column.value("B", SqlType.BOOLEAN),
            Column.value("lower", SqlType.STRING)));
    private static final String[] NAMES = {"NAME", "N", "I", "D", "B", "lower"};

    private final JsonReaders.FieldMatcher matcher = new JsonReaders.FieldMatcher(NAMES);
    private final FlatJsonReader fast = FlatJsonReader.of(SCHEMA, matcher);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The row the Jackson path reads, or the failure it reports (as text). */
    private Object jackson(byte[] data) {
        JsonReaders.Reader[] readers = new JsonReaders.Reader[NAMES.length];
        for (int i = 0; i < readers.length; i++) {
            readers[i] = JsonReaders.forType(SCHEMA.column(i).type());
        }
        try (JsonParser p = JsonFormat.FACTORY.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return "not an object";
            }
            return java.util.Arrays.asList(JsonReaders.readObject(p, matcher, readers, NAMES));
        } catch (Exception e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    private Object fast(String json) {
        Object[] values = fast.read(utf8(json));
        return values == null ? null : java.util.Arrays.asList(values);
    }

    @Test
    void shouldReadUnwrappedScalarsToTheValueJacksonReads() {
        String[] values = {"\"a\"", "\"\"", "\"x y\"", "0", "-0", "7", "-12", "123456789", "1234567890",
            "123456789012345678", "1234567890123456789", "1.5", "-2.25e3", "1E-2", "0.1", "true", "false", "null",
            "\"12\"", "01", "1.", "\"a\\nb\"", "[]", "{}", "\"\u00e9\"", " 5 ", "\t\"s\"", "5 6", "-", ""};
        int taken = 0;
        for (SqlType type : List.of(SqlType.STRING, SqlType.BIGINT, SqlType.INTEGER, SqlType.DOUBLE, SqlType.BOOLEAN)) {
            SerdeSchema schema = new SerdeSchema(SerdeSchema.Part.KEY,
                    List.of(new Column("K", type, Column.Role.KEY, java.util.Optional.empty())));
            FlatJsonReader reader = FlatJsonReader.of(schema, new JsonReaders.FieldMatcher(new String[] {"K"}));
            JsonReaders.Reader jackson = JsonReaders.forType(type);
            for (String json : values) {
                Object[] fastValue = reader.readScalar(utf8(json));
                if (fastValue == null) {
                    continue;
                }
                taken++;
                Object expected;
                try (JsonParser p = JsonFormat.FACTORY.createParser(utf8(json))) {
                    p.nextToken();
                    expected = jackson.read(p);
                } catch (Exception e) {
                    expected = "failed: " + e;
                }
                assertThat(fastValue[0]).as(type + " from " + json).isEqualTo(expected);
            }
        }
        assertThat(taken).as("values the fast path took").isGreaterThan(20);
    }

    @Test
    void shouldReadPlainFlatObjects() {
        assertThat(fast("{\"NAME\":\"a\",\"N\":-12,\"I\":7,\"D\":1.5,\"B\":true,\"lower\":\"x\"}"))
                .isEqualTo(List.of("a", -12L, 7, 1.5, true, "x"));
        assertThat(fast(" { \"name\" : \"a\" , \"X\" : [1] } ")).isNull(); // an unknown nested value: Jackson's
        assertThat(fast("{ \"name\" : \"a\" , \"X\" : 3 }")).isEqualTo(java.util.Arrays.asList("a", null, null, null, null, null));
        assertThat(fast("{}")).isEqualTo(java.util.Arrays.asList(null, null, null, null, null, null));
    }

    @Test
    void shouldLeaveCoercionsEscapesAndOddBytesToJackson() {
        for (String json : List.of("{\"N\":\"12\"}", "{\"N\":1.5}", "{\"I\":1234567890}", "{\"NAME\":\"a\\\"b\"}",
                "{\"NAME\":\"\u00e9\"}", "{\"NAME\":1.5}", "{\"B\":1}", "{\"N\":01}", "{\"N\":1,}", "[1]", "null",
                "{\"N\":1 \"I\":2}", "{'N':1}", "{\"N\":+1}", "{\"N\":1e}", "{\"N\":tru}", "{\"N\":1", "{\"N\":nulls}",
                "\uFEFF{\"N\":1}", "{\"N\":12345678901234567890}")) {
            assertThat(fast(json)).as(json).isNull();
        }
    }

    @Test
    void shouldMatchFieldNamesAsJacksonDoes() {
        // an exact name wins over an upper-cased one, whichever comes first; otherwise the later field wins
        assertThat(fast("{\"NAME\":\"exact\",\"name\":\"upper\"}").toString()).startsWith("[exact,");
        assertThat(fast("{\"name\":\"upper\",\"NAME\":\"exact\"}").toString()).startsWith("[exact,");
        assertThat(fast("{\"name\":\"one\",\"Name\":\"two\"}").toString()).startsWith("[two,");
        assertThat(fast("{\"LOWER\":\"no\"}").toString()).endsWith("null]"); // quoted `lower` only matches "lower"
    }

    @Test
    void shouldReadEveryRecordItTakesToTheRowJacksonReads() {
        long seed = 20261123L;
        SplittableRandom random = new SplittableRandom(seed);
        String[] fieldNames = {"NAME", "name", "N", "n", "I", "D", "d", "B", "lower", "LOWER", "OTHER"};
        String[] values = {"\"a\"", "\"\"", "\"x y\"", "0", "-0", "7", "-12", "123456789", "1234567890", "123456789012345678",
                "1234567890123456789", "1.5", "-2.25e3", "1E-2", "0.1", "true", "false", "null", "\"12\"", "01", "1.",
                "\"a\\nb\"", "[]", "{}", "\"\u00e9\""};
        String[] spaces = {"", " ", "\n", "\t "};
        int taken = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder(spaces[random.nextInt(spaces.length)]).append('{');
            int fields = random.nextInt(5);
            for (int f = 0; f < fields; f++) {
                if (f > 0) {
                    sb.append(',');
                }
                sb.append(spaces[random.nextInt(spaces.length)]).append('"').append(fieldNames[random.nextInt(fieldNames.length)])
                        .append('"').append(spaces[random.nextInt(spaces.length)]).append(':')
                        .append(spaces[random.nextInt(spaces.length)]).append(values[random.nextInt(values.length)])
                        .append(spaces[random.nextInt(spaces.length)]);
            }
            sb.append('}');
            String json = sb.toString();
            Object fastRow = fast(json);
            if (fastRow != null) {
                taken++;
                assertThat(fastRow).as("seed " + seed + ": " + json).isEqualTo(jackson(utf8(json)));
            }
        }
        assertThat(taken).as("records the fast path took").isGreaterThan(1000);
    }

    @Test
    void shouldHaveNoFastPathForOtherColumnTypes() {
        SerdeSchema withDecimal = new SerdeSchema(SerdeSchema.Part.VALUE, List.of(
                Column.value("A", SqlType.STRING), Column.value("X", new SqlType.Decimal(4, 2))));
        assertThat(FlatJsonReader.of(withDecimal, new JsonReaders.FieldMatcher(new String[] {"A", "X"}))).isNull();
    }
}
