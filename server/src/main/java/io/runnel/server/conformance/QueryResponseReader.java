package io.runnel.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.runnel.sql.conformance.QttLoader;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads the body of ksqlDB's {@code POST /query} response as it streams: a JSON array written
 * one element per line ({@code [{"header":...}}, {@code ,{"row":...}}, ...,
 * {@code {"finalMessage":...}]}). Elements are returned one at a time, so that a caller can act
 * on the header before any row arrives.
 */
final class QueryResponseReader {
    private final BufferedReader lines;
    private final ArrayNode elements = JsonNodeFactory.instance.arrayNode();

    QueryResponseReader(BufferedReader lines) {
        this.lines = lines;
    }

    /** The next element, or null at the end of the response. */
    JsonNode next() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) {
                return null;
            }
            line = line.strip();
            if (line.startsWith("[")) {
                line = line.substring(1);
            }
            if (line.startsWith(",")) {
                line = line.substring(1);
            }
            if (line.endsWith("]") && (line.endsWith("}]") || line.equals("]"))) {
                line = line.substring(0, line.length() - 1);
            }
        } while (line.isEmpty());
        JsonNode element = QttLoader.JSON.readTree(line);
        elements.add(element);
        return element;
    }

    /** Every element read so far, in order. */
    ArrayNode elements() {
        return elements;
    }
}
