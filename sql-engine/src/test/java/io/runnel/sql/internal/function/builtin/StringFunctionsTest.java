package io.runnel.sql.internal.function.builtin;

import static io.runnel.sql.internal.function.Calls.bytes;
import static io.runnel.sql.internal.function.Calls.call;
import static io.runnel.sql.internal.function.Calls.callTyped;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.internal.catalog.SqlType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** String functions; expected values from the ksqlDB conformance files named in each test. */
class StringFunctionsTest {

    @Test
    void shouldTakeSubstringFromPositionAsInSubstringJson() {
        assertThat(call("SUBSTRING", "some_string", 6)).isEqualTo("string");
        assertThat(call("SUBSTRING", "some_string", 6, 3)).isEqualTo("str");
        // SUBSTRING(CAST(null AS STRING), 1): an untyped NULL would be ambiguous (STRING or BYTES), as in ksqlDB
        assertThat(callTyped("substring", List.of(SqlType.STRING, SqlType.INTEGER), null, 1)).isNull();
        assertThat(call("SUBSTRING", "some_string", null)).isNull();
        assertThat(call("SUBSTRING", "some_string", 6, null)).isNull();
        assertThat(call("SUBSTRING", "some_string", 0, 2)).isEqualTo("so");
        assertThat(call("SUBSTRING", "some_string", -6)).isEqualTo("string");
        assertThat(call("SUBSTRING", bytes("some_string"), 6)).isEqualTo(bytes("string"));
    }

    @Test
    void shouldSplitKeepingEmptyPartsAsInSplitJson() {
        assertThat(call("SPLIT", "a.b.c", ".")).isEqualTo(List.of("a", "b", "c"));
        assertThat(call("SPLIT", ".a.b.", ".")).isEqualTo(List.of("", "a", "b", ""));
        assertThat(call("SPLIT", "a$$b", "$$")).isEqualTo(List.of("a", "b"));
        assertThat(call("SPLIT", "abc", "")).isEqualTo(List.of("a", "b", "c"));
        assertThat(call("SPLIT", bytes("a.b"), bytes("."))).isEqualTo(List.of(bytes("a"), bytes("b")));
        assertThat(call("REGEXP_SPLIT_TO_ARRAY", "aabcda", "(ab|cd)")).isEqualTo(List.of("a", "", "a"));
    }

    @Test
    void shouldPadAsInStringLpadRpadJson() {
        assertThat(call("LPAD", "foo", 7, "Bar")).isEqualTo("BarBfoo");
        assertThat(call("RPAD", "foo", 7, "Bar")).isEqualTo("fooBarB");
        assertThat(call("LPAD", "foo", 2, "Bar")).isEqualTo("fo");
        assertThat(call("RPAD", "foo", -1, "Bar")).isNull();
        assertThat(call("LPAD", "foo", 4, "")).isNull();
    }

    @Test
    void shouldCapitalizeWordsAsInInitcapJson() {
        assertThat(call("INITCAP", "the Quick br0wn fOx")).isEqualTo("The Quick Br0wn Fox");
        assertThat(call("INITCAP", (Object) null)).isNull();
    }

    @Test
    void shouldEncodeAsInEncodeJson() {
        assertThat(call("ENCODE", "4578616d706C6521", "hex", "ascii")).isEqualTo("Example!");
        assertThat(call("ENCODE", "4578616d706C6521", "hex", "base64")).isEqualTo("RXhhbXBsZSE=");
        assertThat(call("ENCODE", "Example!", "ascii", "hex")).isEqualTo("4578616d706c6521");
        assertThat(call("ENCODE", "RXhhbXBsZSE=", "base64", "utf8")).isEqualTo("Example!");
        assertThat(call("ENCODE", "RXhhbXBsZSE=", "base64", "null")).isNull();
        assertThat(call("FROM_BYTES", call("TO_BYTES", "abc", "utf8"), "hex")).isEqualTo("616263");
    }

    @Test
    void shouldPickElementsAndFieldsAsInEltFieldJson() {
        assertThat(call("ELT", 2, "ignored", "hello")).isEqualTo("hello");
        assertThat(call("ELT", 3, "a", "b")).isNull();
        assertThat(call("FIELD", "hello", "hello", "world")).isEqualTo(1);
        assertThat(call("FIELD", "hello", "world", "hello")).isEqualTo(2);
        assertThat(call("FIELD", "x", "world", null)).isEqualTo(0);
    }

    @Test
    void shouldExtractWithRegexAsInRegexJson() {
        assertThat(call("REGEXP_EXTRACT", "test.", "some test1 string")).isEqualTo("test1");
        assertThat(call("REGEXP_EXTRACT", "(.*) (.*)", "steven zhang", 2)).isEqualTo("zhang");
        assertThat(call("REGEXP_EXTRACT", "test.", "nope")).isNull();
        assertThat(call("REGEXP_EXTRACT_ALL", "test.", "test1 test2")).isEqualTo(List.of("test1", "test2"));
        assertThat(call("REGEXP_EXTRACT_ALL", "(\\w+) (\\w*)", "steven zhang and alan", 2)).isEqualTo(List.of("zhang", "alan"));
        assertThat(call("REGEXP_REPLACE", "stream", "(ea)", "$1x")).isEqualTo("streaxm");
    }

    @Test
    void shouldMeasureLengthAsInLenJson() {
        assertThat(call("LEN", "abc")).isEqualTo(3);
        assertThat(call("LEN", bytes("abcd"))).isEqualTo(4);
        assertThat(callTyped("len", List.of(SqlType.STRING), (Object) null)).isNull();
    }

    @Test
    void shouldConcatSkippingNulls() {
        assertThat(call("CONCAT", "a", null, "b")).isEqualTo("ab");
        assertThat(call("CONCAT_WS", "-", "a", null, "b")).isEqualTo("a-b");
        assertThat(call("CONCAT_WS", null, "a", "b")).isNull();
        assertThat(call("CONCAT", bytes("a"), bytes("b"))).isEqualTo(bytes("ab"));
    }

    @Test
    void shouldMaskCharacterClasses() {
        assertThat(call("MASK", "AbC-12")).isEqualTo("XxX-nn");
        assertThat(call("MASK", "AbC-12", "U", null, "D", "O")).isEqualTo("UbUODD");
        assertThat(call("MASK_LEFT", "AbC-12", 2)).isEqualTo("XxC-12");
        assertThat(call("MASK_RIGHT", "AbC-12", 2)).isEqualTo("AbC-nn");
        assertThat(call("MASK_KEEP_LEFT", "AbC-12", 2)).isEqualTo("AbX-nn");
        assertThat(call("MASK_KEEP_RIGHT", "AbC-12", 2)).isEqualTo("XxX-12");
    }

    @Test
    void shouldFindSubstringsAndReplace() {
        assertThat(call("INSTR", "CORPORATE FLOOR", "OR")).isEqualTo(2);
        assertThat(call("INSTR", "CORPORATE FLOOR", "OR", 3)).isEqualTo(5);
        assertThat(call("INSTR", "CORPORATE FLOOR", "OR", 3, 2)).isEqualTo(14);
        assertThat(call("INSTR", "CORPORATE FLOOR", "OR", -3, 2)).isEqualTo(2);
        assertThat(call("INSTR", "CORPORATE FLOOR", "MISSING")).isEqualTo(0);
        assertThat(call("REPLACE", "abcabc", "b", "x")).isEqualTo("axcaxc");
        assertThat(call("SPLIT_TO_MAP", "a=1;b=2;c;", ";", "=")).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(call("CHR", 75)).isEqualTo("K");
        assertThat(call("CHR", "\\u004b")).isEqualTo("K");
        assertThat(call("TRIM", "  a b  ")).isEqualTo("a b");
        assertThat(call("LTRIM", "  a ")).isEqualTo("a ");
        assertThat(call("RTRIM", "  a ")).isEqualTo("  a");
        assertThat(call("UCASE", "aB")).isEqualTo("AB");
        assertThat(call("LCASE", "aB")).isEqualTo("ab");
        assertThat((String) call("UUID")).hasSize(36);
    }
}
