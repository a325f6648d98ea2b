package io.runnel.server.internal.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.QueryHeader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response formats of {@code /query-stream} (as ksqlDB serves them over HTTP/1.1) and of the
 * older {@code /query}.
 *
 * <table>
 *   <caption>formats</caption>
 *   <tr><th>format</th><th>header</th><th>row</th><th>end</th></tr>
 *   <tr><td>{@code application/vnd.ksqlapi.delimited.v1}</td>
 *       <td>{@code {"queryId":..,"columnNames":[..],"columnTypes":[..]}\n}</td>
 *       <td>{@code [v1,v2]\n}</td><td>nothing; an error is one more object line</td></tr>
 *   <tr><td>{@code application/json} (default)</td>
 *       <td>{@code [{"queryId":..,...}}</td><td>{@code ,\n[v1,v2]}</td><td>{@code ]}</td></tr>
 *   <tr><td>{@code /query} (ksqlDB's StreamedRow)</td>
 *       <td>{@code [{"header":{"queryId":..,"schema":"`K` STRING KEY, .."}}}</td>
 *       <td>{@code ,\n{"row":{"columns":[..]}}} ({@code "tombstone":true} for deletes)</td>
 *       <td>{@code ,\n{"finalMessage":"Limit Reached"}]}</td></tr>
 * </table>
 *
 * <p>Like ksqlDB, {@code /query-stream} sends no final message and writes a tombstone as a row
 * with the value columns null; {@code /query} marks it.
 */
final class QueryStreamFormats {

    static final String DELIMITED = "application/vnd.ksqlapi.delimited.v1";
    static final String JSON = "application/json";

    private QueryStreamFormats() {
    }

    /** The {@code /query-stream} format the request's Accept header asks for. */
    static QueryResponseWriter forAccept(String accept, ObjectMapper mapper) {
        return accept != null && accept.contains(DELIMITED) ? FramedWriter.delimited(mapper) : FramedWriter.jsonArray(mapper);
    }

    private static Map<String, Object> metadata(QueryHeader header) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("queryId", header.queryId());
        m.put("columnNames", header.columnNames());
        m.put("columnTypes", header.columnTypes());
        return m;
    }

    private static byte[] concat(String prefix, byte[] json, String suffix) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] s = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[p.length + json.length + s.length];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(json, 0, out, p.length, json.length);
        System.arraycopy(s, 0, out, p.length + json.length, s.length);
        return out;
    }

    /**
     * Writes the header, rows and errors as JSON values, framed by the format: {@code first}
     * before the header, {@code between} before each later value, {@code after} after each value,
     * {@code end} when the response ends. Tombstones are rows; there is no final message.
     */
    static final class FramedWriter implements QueryResponseWriter {
        private final ObjectMapper mapper;
        private final String contentType;
        private final String first;
        private final String between;
        private final String after;
        private final byte[] end;

        FramedWriter(ObjectMapper mapper, String contentType, String first, String between, String after, String end) {
            this.mapper = mapper;
            this.contentType = contentType;
            this.first = first;
            this.between = between;
            this.after = after;
            this.end = end.getBytes(StandardCharsets.UTF_8);
        }

        /** One JSON value per line ({@code application/vnd.ksqlapi.delimited.v1}). */
        static FramedWriter delimited(ObjectMapper mapper) {
            return new FramedWriter(mapper, DELIMITED, "", "", "\n", "");
        }

        /** One JSON array, streamed element by element ({@code application/json}). */
        static FramedWriter jsonArray(ObjectMapper mapper) {
            return new FramedWriter(mapper, JSON, "[", ",\n", "", "]\n");
        }

        @Override
        public String contentType() {
            return contentType;
        }

        @Override
        public byte[] header(QueryHeader header) {
            return concat(first, Json.write(mapper, metadata(header)), after);
        }

        @Override
        public byte[] row(List<Object> values) {
            return concat(between, Json.write(mapper, values), after);
        }

        @Override
        public byte[] tombstone(List<Object> values) {
            return row(values);
        }

        @Override
        public byte[] complete(String finalMessage) {
            return new byte[0];
        }

        @Override
        public byte[] error(KsqlErrorMessage error) {
            return concat(between, Json.writeError(mapper, error), after);
        }

        @Override
        public byte[] end() {
            return end.clone();
        }
    }

    /** ksqlDB's {@code /query} format: a JSON array of StreamedRow objects. */
    static final class StreamedRows implements QueryResponseWriter {
        private final ObjectMapper mapper;

        StreamedRows(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        public String contentType() {
            return JSON;
        }

        @Override
        public byte[] header(QueryHeader header) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("queryId", header.queryId());
            h.put("schema", header.schema());
            return concat("[", Json.write(mapper, Map.of("header", h)), "");
        }

        @Override
        public byte[] row(List<Object> values) {
            return concat(",\n", Json.write(mapper, Map.of("row", Map.of("columns", values))), "");
        }

        @Override
        public byte[] tombstone(List<Object> values) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("columns", values);
            row.put("tombstone", true);
            return concat(",\n", Json.write(mapper, Map.of("row", row)), "");
        }

        @Override
        public byte[] complete(String finalMessage) {
            return finalMessage == null ? new byte[0]
                    : concat(",\n", Json.write(mapper, Map.of("finalMessage", finalMessage)), "");
        }

        @Override
        public byte[] error(KsqlErrorMessage error) {
            return concat(",\n{\"errorMessage\":", Json.writeError(mapper, error), "}");
        }

        @Override
        public byte[] end() {
            return "]\n".getBytes(StandardCharsets.UTF_8);
        }
    }
}
