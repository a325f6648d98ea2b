package io.runnel.sql.internal.function.builtin;

import static io.runnel.sql.internal.function.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.runnel.sql.function.Struct;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * JSON and URL functions; expected values from extract-json-field.json, json_*.json,
 * is_json_string.json and url.json.
 */
class JsonAndUrlFunctionsTest {

    @Test
    void shouldExtractJsonFieldsAsInExtractJsonFieldJson() {
        String json = "{\"name\": \"cdc\", \"version\": \"1\", \"@type\": \"UDF\"}";
        assertThat(call("EXTRACTJSONFIELD", json, "$.name")).isEqualTo("cdc");
        assertThat(call("EXTRACTJSONFIELD", json, "$.@type")).isEqualTo("UDF");
        assertThat(call("EXTRACTJSONFIELD", "{\"array\": [1, 2, 3]}", "$.array[-1]")).isNull();
        assertThat(call("EXTRACTJSONFIELD", "{\"array\": [1, 2, 3]}", "$.array[0]")).isEqualTo("1");
        assertThat(call("EXTRACTJSONFIELD", "{\"array\": [1.23450]}", "$.array[0]")).isEqualTo("1.23450");
        assertThat(call("EXTRACTJSONFIELD", "{\"array\": [1.23450]}", "$.array[1]")).isNull();
        assertThat(call("EXTRACTJSONFIELD", "{\"a\": {\"b\": [1]}}", "$.a")).isEqualTo("{\"b\":[1]}");
        assertThat(call("EXTRACTJSONFIELD", "not json", "$.a")).isNull();
    }

    @Test
    void shouldInspectJsonArraysAndObjectsAsInJsonFiles() {
        assertThat(call("JSON_ARRAY_CONTAINS", "[\"Pink\", \"Yellow\", \"Pink\"]", "Pink")).isEqualTo(true);
        assertThat(call("JSON_ARRAY_CONTAINS", "[\"Red\", \"Green\"]", "Pink")).isEqualTo(false);
        assertThat(call("JSON_ARRAY_CONTAINS", "[1, 2]", 2)).isEqualTo(true);
        assertThat(call("JSON_ARRAY_CONTAINS", "[1, 2]", "2")).isEqualTo(false);
        assertThat(call("IS_JSON_STRING", "1")).isEqualTo(true);
        assertThat(call("IS_JSON_STRING", "abc")).isEqualTo(false);
        assertThat(call("IS_JSON_STRING", "[1, 2, 3]")).isEqualTo(true);
        assertThat(call("IS_JSON_STRING", "\"abc\"")).isEqualTo(true);
        assertThat(call("IS_JSON_STRING", "")).isEqualTo(false);
        assertThat(call("JSON_ARRAY_LENGTH", "[\"Red\", \"Green\"]")).isEqualTo(2);
        assertThat(call("JSON_ARRAY_LENGTH", "[]")).isEqualTo(0);
        assertThat(call("JSON_KEYS", "{\"Red\": 3, \"Green\": 5}")).isEqualTo(List.of("Red", "Green"));
        assertThat(call("JSON_KEYS", "{}")).isEqualTo(List.of());
        Map<String, String> records = new LinkedHashMap<>();
        records.put("Red", "3");
        records.put("Green", "5");
        assertThat(call("JSON_RECORDS", "{\"Red\": 3, \"Green\": 5}")).isEqualTo(records);
        assertThat(call("JSON_RECORDS", "{\"White\": \"Seven\"}")).isEqualTo(Map.of("White", "Seven"));
        assertThat(call("JSON_ITEMS", "[{\"type\": \"A\", \"timestamp\": \"2022-01-27\"}, {\"type\": \"B\"}]"))
                .isEqualTo(List.of("{\"type\":\"A\",\"timestamp\":\"2022-01-27\"}", "{\"type\":\"B\"}"));
    }

    @Test
    void shouldConcatJsonAsInJsonConcatJson() {
        assertThat(call("JSON_CONCAT", "{\"a\": 1}", "{\"b\": 2}")).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(call("JSON_CONCAT", "{}", "{}")).isEqualTo("{}");
        assertThat(call("JSON_CONCAT", "{\"a\": {\"5\": 6}}", "{\"a\": {\"3\": 4}}")).isEqualTo("{\"a\":{\"3\":4}}");
        assertThat(call("JSON_CONCAT", "[1, 2]", "[3, 4]")).isEqualTo("[1,2,3,4]");
        assertThat(call("JSON_CONCAT", "null", "null")).isEqualTo("[null,null]");
        assertThat(call("JSON_CONCAT", "[1, 2]", "[3, 4]", "[5, 6]")).isEqualTo("[1,2,3,4,5,6]");
    }

    @Test
    void shouldWriteAnyValueAsJson() {
        assertThat(call("TO_JSON_STRING", Arrays.asList(1, null))).isEqualTo("[1,null]");
        assertThat(call("TO_JSON_STRING", "a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(call("TO_JSON_STRING", new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThat(io.runnel.sql.internal.function.builtin.JsonFunctions.ToJsonString.toJsonString(
                Struct.builder().put("A", 1).put("B", List.of("x")).build())).isEqualTo("{\"A\":1,\"B\":[\"x\"]}");
    }

    @Test
    void shouldExtractUrlPartsAsInUrlJson() {
        assertThat(call("URL_ENCODE_PARAM", "?foo $bar")).isEqualTo("%3Ffoo+%24bar");
        assertThat(call("URL_ENCODE_PARAM", "hello&world")).isEqualTo("hello%26world");
        assertThat(call("URL_DECODE_PARAM", "%3Ffoo+%24bar")).isEqualTo("?foo $bar");
        assertThat(call("URL_EXTRACT_FRAGMENT", "http://www.test.com/?query#fragment")).isEqualTo("fragment");
        assertThat(call("URL_EXTRACT_FRAGMENT", "http://www.nofragment.com")).isNull();
        assertThat(call("URL_EXTRACT_HOST", "http://www.test.com/?query#fragment")).isEqualTo("www.test.com");
        assertThat(call("URL_EXTRACT_HOST", "http://test@confluent.io:8080")).isEqualTo("confluent.io");
        assertThat(call("URL_EXTRACT_PARAMETER", "http://www.test.com/?one=a&two=b&three", "one")).isEqualTo("a");
        assertThat(call("URL_EXTRACT_PARAMETER", "http://www.test.com/?one=a&two=b&three", "two")).isEqualTo("b");
        assertThat(call("URL_DECODE_PARAM", call("URL_EXTRACT_PARAMETER", "http://www.test.com/?one=a&two=url%20encoded", "two")))
                .isEqualTo("url encoded");
        assertThat(call("URL_EXTRACT_PATH", "http://www.test.com/path/to#a")).isEqualTo("/path/to");
        assertThat(call("URL_EXTRACT_PORT", "http://test@confluent.io:8080")).isEqualTo(8080);
        assertThat(call("URL_EXTRACT_PORT", "http://confluent.io")).isNull();
        assertThat(call("URL_EXTRACT_PROTOCOL", "https://confluent.io")).isEqualTo("https");
        assertThat(call("URL_EXTRACT_QUERY", "http://www.test.com/?query#fragment")).isEqualTo("query");
    }
}
