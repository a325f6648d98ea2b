package io.runnel.server.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.server.fuzz.FuzzRequest.Framing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of requests to every endpoint: statements mutated from the conformance files,
 * bodies of the wrong JSON shape or no JSON at all, wrong methods, unknown paths, odd content
 * types, chunked bodies (whole, cut short, or with a broken chunk size), malformed HTTP, bad
 * query ids and inserts of bad rows or into unknown targets. Same seed, same requests.
 */
final class RequestFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] METHODS = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"};
    private static final String[] PATHS = {"/", "/ksql/", "/KSQL", "//ksql", "/ksql?x=1&y", "/query-stream/x",
        "/status", "/status/", "/status/%zz", "/status/stream/`NOPE`/create", "/../etc/passwd", "/info/x", "/%00",
        "/healthcheck?", "/inserts-stream/", "/close-query/1", "/\u00e9", "/ws", "/query?x", "/" + "a".repeat(300)};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
        "application/vnd.ksqlapi.delimited.v1", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "garbage/;;;", null};
    private static final String[] ACCEPTS = {null, null, "application/json", "application/vnd.ksqlapi.delimited.v1",
        "text/html", "*/*", "application/vnd.ksql.v1+json", "garbage;;q=x"};
    private static final String[] PROPERTIES = {"{}", "{\"auto.offset.reset\":\"earliest\"}",
        "{\"auto.offset.reset\":5}", "{\"auto.offset.reset\":\"sideways\"}", "{\"auto.offset.reset\":null}",
        "{\"commit.interval.ms\":-1}", "{\"commit.interval.ms\":\"soon\"}", "{\"x\":{\"nested\":[1,2]}}",
        "{\"ksql.streams.num.stream.threads\":\"abc\"}", "{\"cache.max.bytes.buffering\":-5}",
        "{\"ksql.query.pull.table.scan.enabled\":\"maybe\"}", "[]", "\"text\"", "7", "null",
        "{\"auto.offset.reset\":[\"earliest\"]}", "{\"\":\"\"}"};
    private static final String[] TARGETS = {"PAGEVIEWS", "pageviews", "USERS", "VIEWS_PER_USER", "NOPE", "",
        "`PAGEVIEWS`", "PAGEVIEWS;DROP STREAM PAGEVIEWS", "\u0000"};
    private static final String[] ROWS = {
        "{\"ID\":1,\"USERID\":\"alice\",\"VIEWTIME\":10}",
        "{\"id\":2,\"userid\":\"bob\",\"viewtime\":\"11\",\"TAGS\":[\"a\",null],\"INFO\":{\"A\":1,\"B\":\"x\"}}",
        "{\"ID\":\"x\"}", "{\"ID\":1.5,\"VIEWTIME\":1e400}", "{\"ID\":99999999999999999999999}", "{\"NOPE\":1}",
        "{\"ID\":1,\"TAGS\":\"notalist\"}", "{\"ID\":1,\"INFO\":[1]}", "{\"ID\":1,\"INFO\":{\"A\":\"z\"}}",
        "{\"ID\":1,\"AMOUNT\":123456789012.345}", "{\"ID\":1,\"AMOUNT\":\"abc\"}", "{\"ID\":1,\"ROWTIME\":\"later\"}",
        "{\"ID\":1,\"ROWTIME\":-1}", "{\"ID\":1,\"ROWTIME\":{\"a\":1}}", "{\"ID\":1,\"ROWTIME\":1.5e300}",
        "{\"USERID\":null,\"NAME\":\"n\",\"AGE\":3}", "{\"USERID\":\"u\",\"AGE\":\"old\"}", "{\"USERID\":\"u\"}",
        "{\"N\":1}", "[1,2]", "\"row\"", "null", "{", "{\"ID\":}", "{\"ID\":1}{\"ID\":2}", "{\"ID\":1,\"ID\":2}",
        "{\"\":1}", "{\"ID\":true}", "{\"VIEWTIME\":[]}", "{\"TAGS\":[[1]]}", "\u00ff\u00fe"};

    private final Random random;
    private final SqlCorpus corpus;

    RequestFuzzer(long seed, SqlCorpus corpus) {
        this.random = new Random(seed);
        this.corpus = corpus;
    }

    Random random() {
        return random;
    }

    FuzzRequest next() {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return ksql();
        } else if (kind < 50) {
            return query(random.nextBoolean() ? "/query-stream" : "/query");
        } else if (kind < 65) {
            return inserts();
        } else if (kind < 72) {
            return closeQuery("{\"queryId\":" + pick(new String[] {"\"transient_NOPE_1\"", "\"CTAS_VIEWS_PER_USER_1\"",
                "\"\"", "5", "null", "{\"a\":1}", "[\"x\"]", quote("q".repeat(500))}) + "}");
        } else if (kind < 77) {
            return get(pick(new String[] {"/info", "/healthcheck", "/status/" + randomText(20),
                "/status/stream/`PAGEVIEWS`/create", "/status/" + "%" + randomText(2)}));
        } else if (kind < 85) {
            return wrongMethodOrPath();
        } else if (kind < 93) {
            return malformedHttp();
        }
        return cutShort();
    }

    /** A {@code /close-query} for a query id (for the test's real push queries too). */
    FuzzRequest closeQuery(String body) {
        return request("POST", "/close-query", body, Framing.COMPLETE, "close-query " + body);
    }

    private FuzzRequest ksql() {
        String sql = sqlForKsql();
        String body;
        switch (random.nextInt(12)) {
            case 0:
                body = "{\"ksql\":" + pick(new String[] {"5", "null", "[]", "{}", "true", "\"\""}) + "}";
                break;
            case 1:
                body = "{\"sql\":" + quote(sql) + "}";
                break;
            default:
                body = "{\"ksql\":" + quote(sql) + ",\"streamsProperties\":" + pick(PROPERTIES) + "}";
        }
        return request("POST", "/ksql", body, Framing.COMPLETE, "ksql " + sql);
    }

    private String sqlForKsql() {
        switch (random.nextInt(6)) {
            case 0:
                return corpus.original(random);
            case 1:
                return corpus.mutated(random) + ";" + corpus.mutated(random);
            case 2:
                return pick(new String[] {"SHOW STREAMS;", "SHOW TABLES;", "SHOW QUERIES;", "SHOW TOPICS;",
                    "SHOW PROPERTIES;", "SHOW FUNCTIONS;", "DESCRIBE PAGEVIEWS;", "DESCRIBE VIEWS_PER_USER EXTENDED;",
                    "EXPLAIN CTAS_VIEWS_PER_USER_1;", "EXPLAIN NOPE;", "DESCRIBE FUNCTION COUNT;", "DESCRIBE NOPE;",
                    "TERMINATE NOPE;", "DROP STREAM NOPE;", "LIST STREAMS;", "SET 'auto.offset.reset'='earliest';",
                    "UNSET 'nope';", "SELECT * FROM PAGEVIEWS;", "PRINT 'pageviews';", "RUN SCRIPT '/etc/passwd';",
                    "INSERT INTO PAGEVIEWS (ID, USERID) VALUES (1, 'x');", "INSERT INTO PAGEVIEWS (ID) VALUES ('x');",
                    "INSERT INTO USERS (NAME) VALUES ('x');", "INSERT INTO VIEWS_PER_USER (USERID, N) VALUES ('x', 1);",
                    "CREATE STREAM PAGEVIEWS (A INT) WITH (kafka_topic='pageviews', value_format='json');",
                    "DROP TABLE VIEWS_PER_USER;", ";", "", "   ", "-- only a comment", "/* open comment"});
            default:
                return corpus.mutated(random);
        }
    }

    private FuzzRequest query(String path) {
        String sql;
        switch (random.nextInt(5)) {
            case 0:
                sql = pick(new String[] {"SELECT * FROM PAGEVIEWS EMIT CHANGES LIMIT 1;",
                    "SELECT * FROM VIEWS_PER_USER WHERE USERID = 'alice';", "SELECT * FROM VIEWS_PER_USER;",
                    "SELECT * FROM PAGEVIEWS WHERE ID = 'x';", "SELECT * FROM USERS WHERE USERID = 1;",
                    "SELECT USERID, COUNT(*) FROM PAGEVIEWS GROUP BY USERID EMIT CHANGES LIMIT 2;",
                    "SELECT * FROM VIEWS_PER_USER WHERE N > 'a';", "SELECT * FROM PAGEVIEWS LIMIT 0;",
                    "PRINT 'pageviews' FROM BEGINNING LIMIT 1;", "PRINT 'nope';", "SHOW STREAMS;",
                    "SELECT * FROM NOPE EMIT CHANGES;", "SELECT 1/0 FROM PAGEVIEWS EMIT CHANGES;",
                    "SELECT * FROM PAGEVIEWS WINDOW TUMBLING (SIZE 1 SECOND) EMIT CHANGES;",
                    "SELECT * FROM VIEWS_PER_USER WHERE ROWTIME > 'x';"});
                break;
            case 1:
                sql = corpus.original(random);
                break;
            default:
                sql = corpus.mutated(random);
        }
        String sqlField = path.equals("/query") ? "ksql" : "sql";
        String propertiesField = path.equals("/query") ? "streamsProperties" : "properties";
        String body = random.nextInt(10) == 0
                ? "{\"" + sqlField + "\":" + pick(new String[] {"1", "null", "[\"SELECT\"]", "{}"}) + "}"
                : "{\"" + sqlField + "\":" + quote(sql) + ",\"" + propertiesField + "\":" + pick(PROPERTIES) + "}";
        return request("POST", path, body, Framing.MAY_STREAM, path + " " + sql);
    }

    private FuzzRequest inserts() {
        StringBuilder body = new StringBuilder();
        String first = switch (random.nextInt(6)) {
            case 0 -> pick(new String[] {"{}", "{\"target\":5}", "{\"target\":null}", "[]", "garbage", "{\"target\":"});
            default -> "{\"target\":" + quote(pick(TARGETS)) + "}";
        };
        body.append(first).append('\n');
        int rows = random.nextInt(6);
        for (int i = 0; i < rows; i++) {
            String row = pick(ROWS);
            if (random.nextInt(5) == 0) {
                row = mutateText(row);
            }
            body.append(row).append(random.nextInt(8) == 0 ? "\r\n\n" : "\n");
        }
        String text = random.nextInt(4) == 0 ? body.substring(0, body.length() - 1) : body.toString();
        return request("POST", "/inserts-stream", text, Framing.COMPLETE, "inserts " + text.replace('\n', '|'));
    }

    private FuzzRequest get(String path) {
        return new FuzzRequest("GET " + path, FuzzRequest.withLength("GET", path, "", new byte[0]), Framing.COMPLETE);
    }

    private FuzzRequest wrongMethodOrPath() {
        String body = "{\"ksql\":\"SHOW STREAMS;\"}";
        if (random.nextBoolean()) {
            String path = pick(new String[] {"/ksql", "/query-stream", "/query", "/inserts-stream", "/close-query",
                "/info", "/healthcheck", "/status/x"});
            String method = pick(METHODS);
            if (method.equals("GET") && (path.equals("/info") || path.equals("/healthcheck")
                    || path.startsWith("/status/"))) {
                method = "POST";
            }
            return request(method, path, body, Framing.COMPLETE, method + " " + path);
        }
        String path = pick(PATHS);
        String method = random.nextBoolean() ? "POST" : "GET";
        return request(method, path, body, Framing.COMPLETE, method + " " + path);
    }

    private FuzzRequest malformedHttp() {
        String text = switch (random.nextInt(10)) {
            case 0 -> "GARBAGE\r\n\r\n";
            case 1 -> "POST /ksql HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}";
            case 2 -> "POST /ksql HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n";
            case 3 -> "POST /ksql HTTP/1.1\r\nHost: x\r\nno colon here\r\nContent-Length: 2\r\n\r\n{}";
            case 4 -> "POST /ksql HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\nContent-Length: 2\r\n\r\n{}";
            case 5 -> "POST /" + "u".repeat(5_000) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
            case 6 -> "POST /ksql HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n";
            case 7 -> "POST /inserts-stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\n{\"tar\r\nq\r\n";
            case 8 -> "POST /ksql HTTP/7.3\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}";
            default -> randomText(40) + "\r\n\r\n";
        };
        return new FuzzRequest("malformed " + text.substring(0, Math.min(80, text.length())),
                text.getBytes(StandardCharsets.UTF_8), Framing.MALFORMED);
    }

    private FuzzRequest cutShort() {
        String path = pick(new String[] {"/ksql", "/query-stream", "/inserts-stream", "/close-query"});
        byte[] body = (path.equals("/inserts-stream") ? "{\"target\":\"PAGEVIEWS\"}\n{\"ID\":1}\n{\"ID\":2"
                : "{\"ksql\":\"SHOW STREAMS;\",\"sql\":\"SELECT * FROM PAGEVIEWS EMIT CHANGES;\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes;
        if (random.nextBoolean()) {
            bytes = FuzzRequest.chunked("POST", path, "Content-Type: application/json\r\n", body,
                    1 + random.nextInt(8), false);
        } else {
            byte[] whole = FuzzRequest.withLength("POST", path, "Content-Type: application/json\r\n", body);
            bytes = java.util.Arrays.copyOf(whole, whole.length - 1 - random.nextInt(body.length));
        }
        return new FuzzRequest("cut short POST " + path, bytes, Framing.CUT_SHORT);
    }

    /** A well-framed request, its body maybe spoilt and maybe chunked, with random content type and accept. */
    private FuzzRequest request(String method, String path, String body, Framing framing, String description) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(14)) {
            case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)); // truncated JSON
            case 1 -> bytes = new byte[0];
            case 2 -> bytes = FuzzRequest.concat(bytes, new byte[] {(byte) 0xC3, (byte) 0x28}); // invalid UTF-8
            case 3 -> bytes = mutateText(body).getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                if (random.nextInt(4) == 0) {
                    bytes = ("{\"ksql\":\"" + "x".repeat(80 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8); // too large
                }
            }
            default -> { }
        }
        StringBuilder headers = new StringBuilder();
        String contentType = pick(CONTENT_TYPES);
        if (contentType != null) {
            headers.append("Content-Type: ").append(contentType).append("\r\n");
        }
        String accept = pick(ACCEPTS);
        if (accept != null) {
            headers.append("Accept: ").append(accept).append("\r\n");
        }
        byte[] wire = random.nextInt(5) == 0
                ? FuzzRequest.chunked(method, path, headers.toString(), bytes, 1 + random.nextInt(64), true)
                : FuzzRequest.withLength(method, path, headers.toString(), bytes);
        String shown = description.length() > 160 ? description.substring(0, 160) + "..." : description;
        return new FuzzRequest(method + " " + path + " [" + shown + "]", wire, framing);
    }

    private String mutateText(String text) {
        if (text.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + pick(new String[] {"\"", "{", "}", "[", ",", ":", "\\", "\u0000", "1e99999"})
                    + text.substring(at);
            case 2 -> text.substring(0, at);
            default -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(at + 1);
        };
    }

    private String randomText(int max) {
        StringBuilder s = new StringBuilder();
        int n = 1 + random.nextInt(max);
        for (int i = 0; i < n; i++) {
            s.append((char) (0x21 + random.nextInt(0x5d)));
        }
        return s.toString();
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> sources() {
        return List.of("PAGEVIEWS", "USERS", "VIEWS_PER_USER");
    }
}
