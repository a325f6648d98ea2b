package io.runnel.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.conformance.RestCase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics a case needs before its statements run, as ksqlDB's test runner makes them: those
 * listed in {@code topics} (with their partition counts), and those its records and statements
 * name ({@code KAFKA_TOPIC='...'}), with one partition. A statement that gives
 * {@code PARTITIONS} creates its own topic, so it is left out.
 */
final class CaseTopics {
    private static final Pattern KAFKA_TOPIC = Pattern.compile("KAFKA_TOPIC\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTITIONS = Pattern.compile("\\bPARTITIONS\\s*=", Pattern.CASE_INSENSITIVE);

    private CaseTopics() {
    }

    /** Topic name → partitions, in a stable order. */
    static Map<String, Integer> of(RestCase c) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (JsonNode t : c.topics()) {
            topics.put(t.path("name").asText(), Math.max(1, t.path("partitions").asInt(1)));
        }
        for (QttRecord r : c.inputs()) {
            topics.putIfAbsent(r.topic(), 1);
        }
        for (QttRecord r : c.outputs()) {
            topics.putIfAbsent(r.topic(), 1);
        }
        for (String s : c.statements()) {
            if (PARTITIONS.matcher(s).find()) {
                continue;
            }
            Matcher m = KAFKA_TOPIC.matcher(s);
            while (m.find()) {
                topics.putIfAbsent(m.group(1), 1);
            }
        }
        return topics;
    }
}
