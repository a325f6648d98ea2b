package io.runnel.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.QueryHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStreamFormatsTest {

    private final ObjectMapper mapper = Json.newMapper();
    private final QueryHeader header = new QueryHeader("q1", List.of(new QueryHeader.Column("ID", "STRING", true),
            QueryHeader.Column.value("COUNT", "BIGINT")));

    private static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String all(QueryResponseWriter w) {
        return s(w.header(header)) + s(w.row(List.of("a", 1))) + s(w.tombstone(Arrays.asList("b", null)))
                + s(w.complete("Limit Reached")) + s(w.end());
    }

    @Test
    void shouldWriteDelimitedAsOneJsonValuePerLine() {
        QueryResponseWriter w = QueryStreamFormats.forAccept("application/vnd.ksqlapi.delimited.v1", mapper);

        assertThat(w.contentType()).isEqualTo("application/vnd.ksqlapi.delimited.v1");
        assertThat(all(w)).isEqualTo("{\"queryId\":\"q1\",\"columnNames\":[\"ID\",\"COUNT\"],"
                + "\"columnTypes\":[\"STRING\",\"BIGINT\"]}\n[\"a\",1]\n[\"b\",null]\n");
    }

    @Test
    void shouldWriteJsonAsOneArrayByDefault() {
        QueryResponseWriter w = QueryStreamFormats.forAccept(null, mapper);

        assertThat(all(w)).isEqualTo("[{\"queryId\":\"q1\",\"columnNames\":[\"ID\",\"COUNT\"],"
                + "\"columnTypes\":[\"STRING\",\"BIGINT\"]},\n[\"a\",1],\n[\"b\",null]]\n");
    }

    @Test
    void shouldWriteLegacyQueryAsStreamedRowsWithSchemaTombstoneAndFinalMessage() {
        QueryResponseWriter w = new QueryStreamFormats.StreamedRows(mapper);

        assertThat(all(w)).isEqualTo("[{\"header\":{\"queryId\":\"q1\",\"schema\":\"`ID` STRING KEY, `COUNT` BIGINT\"}},\n"
                + "{\"row\":{\"columns\":[\"a\",1]}},\n"
                + "{\"row\":{\"columns\":[\"b\",null],\"tombstone\":true}},\n"
                + "{\"finalMessage\":\"Limit Reached\"}]\n");
    }

    @Test
    void shouldWriteErrorsInsideTheStream() {
        QueryResponseWriter w = new QueryStreamFormats.StreamedRows(mapper);

        assertThat(s(w.error(new KsqlErrorMessage.GenericError(50000, "boom"))))
                .isEqualTo(",\n{\"errorMessage\":{\"@type\":\"generic_error\",\"error_code\":50000,\"message\":\"boom\"}}");
    }
}
