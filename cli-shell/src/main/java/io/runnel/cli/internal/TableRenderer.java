package io.runnel.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders rows as an aligned text table, as ksqlDB's CLI does for query results:
 * <pre>
 * +----+-----+
 * |ID  |V    |
 * +----+-----+
 * |1   |a    |
 * +----+-----+
 * </pre>
 * Null values print as {@code null}; line breaks in values print as spaces. Stateless.
 */
public final class TableRenderer {

    /** The whole table: border, header, border, rows, border. */
    public String render(List<String> headers, List<List<String>> rows) {
        int[] widths = widths(headers, rows);
        StringBuilder out = new StringBuilder();
        String border = border(widths);
        out.append(border).append('\n');
        out.append(line(headers, widths)).append('\n');
        out.append(border).append('\n');
        for (List<String> row : rows) {
            out.append(line(row, widths)).append('\n');
        }
        out.append(border).append('\n');
        return out.toString();
    }

    /** Column widths: the widest of header and values. */
    public int[] widths(List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = clean(headers.get(c)).length();
        }
        for (List<String> row : rows) {
            for (int c = 0; c < Math.min(row.size(), widths.length); c++) {
                widths[c] = Math.max(widths[c], clean(row.get(c)).length());
            }
        }
        return widths;
    }

    /** {@code +----+-----+}. */
    public String border(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('+');
        }
        return sb.toString();
    }

    /** {@code |a   |b    |}, values padded (or overflowing) to the widths. */
    public String line(List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int c = 0; c < widths.length; c++) {
            String value = c < cells.size() ? clean(cells.get(c)) : "";
            sb.append(' ').append(value);
            sb.append(" ".repeat(Math.max(0, widths[c] - value.length()))).append(" |");
        }
        return sb.toString();
    }

    /** Values as the table shows them: strings as they are, ARRAY / MAP / STRUCT as JSON. */
    public static List<String> cells(List<?> values, ObjectMapper json) {
        List<String> out = new ArrayList<>(values.size());
        for (Object v : values) {
            out.add(cell(v, json));
        }
        return out;
    }

    static String cell(Object value, ObjectMapper json) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static String clean(String s) {
        return s == null ? "null" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
