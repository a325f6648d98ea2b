package io.runnel.sql.internal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The persisted form of a {@link Command}: one UTF-8 JSON object per command,
 * <pre>
 * {"type":"runnel-command","version":1,"sequence":0,
 *  "statement":"CREATE STREAM S (ID INT KEY) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON')",
 *  "properties":{"ksql.persistence.default.format.key":"KAFKA"}}
 * </pre>
 * A command that started a persistent query also holds its exec plan, as a JSON object (not a
 * string) in the field {@code plan}:
 * <pre>
 * {"type":"runnel-command","version":1,"sequence":1,
 *  "statement":"CREATE TABLE T AS SELECT ID, COUNT(*) AS N FROM S GROUP BY ID;",
 *  "properties":{},
 *  "plan":{"type":"runnel-exec-plan","version":1,"queryId":"CTAS_T_0",...}}
 * </pre>
 * (format: {@code io.runnel.sql.internal.plan.json.ExecPlanWriter}; the plan carries its own
 * type and version, read by its own reader). {@code type} must be {@code runnel-command}.
 * Version 1 is the only version so far; a reader meets a newer version with an error (never
 * guesses), and version 1 will be read forever. Unknown fields are ignored, so a later version
 * may add fields that older readers skip only if it keeps the version at 1 (additions that change
 * meaning bump the version). {@code plan} is such an addition: a command without it (written
 * before plans were stored) replays by planning its statement, and a reader that does not know
 * the field does the same.
 */
public final class CommandCodec {

    public static final String TYPE = "runnel-command";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CommandCodec() {
    }

    public static byte[] encode(Command command) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("version", VERSION);
        node.put("sequence", command.sequence());
        node.put("statement", command.statement());
        ObjectNode properties = node.putObject("properties");
        command.properties().forEach(properties::put);
        if (command.plan().isPresent()) {
            try {
                node.set("plan", JSON.readTree(command.plan().get()));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("the plan of command " + command.sequence() + " is not JSON", e);
            }
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode command " + command.sequence(), e);
        }
    }

    /** Reads a command; an IllegalArgumentException for anything that is not a version-1 command. */
    public static Command decode(byte[] bytes) {
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("command is not JSON: " + new String(bytes, StandardCharsets.UTF_8), e);
        }
        if (node == null || !node.isObject() || !TYPE.equals(node.path("type").asText())) {
            throw new IllegalArgumentException("not a " + TYPE + " record: " + new String(bytes, StandardCharsets.UTF_8));
        }
        int version = node.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported " + TYPE + " version " + version + " (this reader knows "
                    + VERSION + ")");
        }
        if (!node.path("sequence").canConvertToLong() || !node.path("statement").isTextual()) {
            throw new IllegalArgumentException("command without sequence or statement: " + node);
        }
        Map<String, String> properties = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("properties").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            properties.put(field.getKey(), field.getValue().asText());
        }
        JsonNode plan = node.get("plan");
        if (plan != null && !plan.isNull() && !plan.isObject()) {
            throw new IllegalArgumentException("command " + node.path("sequence").asLong() + " has a plan that is not "
                    + "a JSON object");
        }
        return new Command(node.path("sequence").asLong(), node.path("statement").asText(), properties,
                plan == null || plan.isNull() ? java.util.Optional.empty() : java.util.Optional.of(plan.toString()));
    }
}
