package io.runnel.log.internal.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.common.TopicPartition;
import io.runnel.log.CorruptRecordException;
import io.runnel.log.OffsetAndMetadata;
import java.io.IOException;

/**
 * The key and value bytes of {@link GroupRecord}s in {@code __consumer_offsets}: UTF-8 JSON
 * objects whose fields are written in a fixed order so that equal keys are equal bytes (compaction
 * compares bytes).
 *
 * <pre>
 * offset key   {"type":"offset","version":1,"group":G,"topic":T,"partition":P}
 * offset value {"version":1,"offset":O,"metadata":M,"commitTimestamp":TS}      (null = deleted)
 * group key    {"type":"group","version":1,"group":G}
 * group value  {"version":1,"generation":N,"protocol":A}                         (null = deleted)
 * </pre>
 * Version 1 is read forever; a new layout gets a new version.
 */
public final class GroupRecordCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GroupRecordCodec() {
    }

    public static byte[] key(GroupRecord record) {
        ObjectNode key = JSON.createObjectNode();
        if (record instanceof GroupRecord.OffsetCommit c) {
            offsetKey(key, c.group(), c.partition());
        } else if (record instanceof GroupRecord.OffsetDelete d) {
            offsetKey(key, d.group(), d.partition());
        } else {
            groupKey(key, record.group());
        }
        return bytes(key);
    }

    /** The value bytes; null for deletions. */
    public static byte[] value(GroupRecord record) {
        ObjectNode v = JSON.createObjectNode();
        if (record instanceof GroupRecord.OffsetCommit c) {
            v.put("version", 1);
            v.put("offset", c.offset().offset());
            v.put("metadata", c.offset().metadata());
            v.put("commitTimestamp", c.commitTimestamp());
        } else if (record instanceof GroupRecord.GroupMetadata m) {
            v.put("version", 1);
            v.put("generation", m.generation());
            v.put("protocol", m.protocol());
        } else {
            return null;
        }
        return bytes(v);
    }

    public static GroupRecord decode(byte[] key, byte[] value) {
        try {
            JsonNode k = JSON.readTree(key);
            int version = k.path("version").asInt(-1);
            if (version != 1) {
                throw new CorruptRecordException("unknown __consumer_offsets key version " + version);
            }
            String group = k.get("group").asText();
            String type = k.path("type").asText();
            if (type.equals("offset")) {
                TopicPartition tp = new TopicPartition(k.get("topic").asText(), k.get("partition").asInt());
                if (value == null) {
                    return new GroupRecord.OffsetDelete(group, tp);
                }
                JsonNode v = JSON.readTree(value);
                return new GroupRecord.OffsetCommit(group, tp,
                        new OffsetAndMetadata(v.get("offset").asLong(), v.path("metadata").asText("")),
                        v.path("commitTimestamp").asLong());
            } else if (type.equals("group")) {
                if (value == null) {
                    return new GroupRecord.GroupDelete(group);
                }
                JsonNode v = JSON.readTree(value);
                return new GroupRecord.GroupMetadata(group, v.get("generation").asInt(), v.get("protocol").asText());
            }
            throw new CorruptRecordException("unknown __consumer_offsets record type '" + type + "'");
        } catch (IOException | NullPointerException e) {
            throw new CorruptRecordException("unreadable __consumer_offsets record", e);
        }
    }

    private static void offsetKey(ObjectNode key, String group, TopicPartition tp) {
        key.put("type", "offset");
        key.put("version", 1);
        key.put("group", group);
        key.put("topic", tp.topic());
        key.put("partition", tp.partition());
    }

    private static void groupKey(ObjectNode key, String group) {
        key.put("type", "group");
        key.put("version", 1);
        key.put("group", group);
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
