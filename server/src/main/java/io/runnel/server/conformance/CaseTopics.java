package io.runnel.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.runnel.sql.conformance.QttRecord;
import io.runnel.sql.conformance.RestCase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics a case needs before its statements run, as ksqlDB's test runner makes them
 * (TestCaseBuilderUtil), in this order, the first mention of a topic deciding: those listed in
 * {@code topics} (with their partition counts, 1 when not given); those its CREATE STREAM / TABLE
 * statements (not {@code ... AS SELECT}) name in {@code KAFKA_TOPIC}, with the statement's
 * {@code PARTITIONS} or else {@value #INFERRED_PARTITIONS} (ksqlDB's legacy default sink partition
 * count); those its records go to, with {@value #INFERRED_PARTITIONS} partitions. So a record
 * lands in the partition its key hashes to among four, as in ksqlDB.
 */
final class CaseTopics {
    static final int INFERRED_PARTITIONS = 4;
    private static final Pattern KAFKA_TOPIC = Pattern.compile("KAFKA_TOPIC\\s*=\\s*'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARTITIONS = Pattern.compile("\\bPARTITIONS\\s*=\\s*'?(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AS_SELECT = Pattern.compile("\\bAS\\s+SELECT\\b", Pattern.CASE_INSENSITIVE);

    private CaseTopics() {
    }

    /** Topic name → partitions, in a stable order. */
    static Map<String, Integer> of(RestCase c) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (JsonNode t : c.topics()) {
            topics.put(t.path("name").asText(), Math.max(1, t.path("partitions").asInt(1)));
        }
        for (String s : c.statements()) {
            if (AS_SELECT.matcher(s).find()) {
                continue;
            }
            Matcher m = KAFKA_TOPIC.matcher(s);
            if (m.find()) {
                Matcher p = PARTITIONS.matcher(s);
                topics.putIfAbsent(m.group(1), p.find() ? Math.max(1, Integer.parseInt(p.group(1))) : INFERRED_PARTITIONS);
            }
        }
        for (QttRecord r : c.inputs()) {
            topics.putIfAbsent(r.topic(), INFERRED_PARTITIONS);
        }
        for (QttRecord r : c.outputs()) {
            topics.putIfAbsent(r.topic(), INFERRED_PARTITIONS);
        }
        return topics;
    }
}
