package io.runnel.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class QueryResponseReaderTest {

    @Test
    void shouldReadOneElementPerLineOfTheStreamedArray() throws Exception {
        String body = "[{\"header\":{\"queryId\":\"q\",\"schema\":\"`A` ARRAY<INTEGER>\"}},\n"
                + "{\"row\":{\"columns\":[[1,2]]}},\n"
                + "{\"row\":{\"columns\":[[3]],\"tombstone\":true}},\n"
                + "{\"finalMessage\":\"Limit Reached\"}]\n";
        QueryResponseReader reader = new QueryResponseReader(new BufferedReader(new StringReader(body)));

        assertThat(reader.next().path("header").path("schema").asText()).isEqualTo("`A` ARRAY<INTEGER>");
        assertThat(reader.next().path("row").path("columns").toString()).isEqualTo("[[1,2]]");
        assertThat(reader.next().path("row").path("tombstone").asBoolean()).isTrue();
        assertThat(reader.next().path("finalMessage").asText()).isEqualTo("Limit Reached");
        assertThat(reader.next()).isNull();
        assertThat(reader.elements()).hasSize(4);
    }

    @Test
    void shouldReadAResponseWithOnlyAHeader() throws Exception {
        QueryResponseReader reader = new QueryResponseReader(new BufferedReader(new StringReader(
                "[{\"header\":{\"queryId\":\"q\",\"schema\":\"`K` STRING KEY\"}}]\n")));

        assertThat(reader.next().has("header")).isTrue();
        assertThat(reader.next()).isNull();
    }
}
