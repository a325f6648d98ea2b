package io.runnel.log.internal.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runnel.log.CorruptRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Hands out idempotent producer ids that never repeat, even across restarts and crashes.
 * Ids are reserved in blocks: before the first id of a block is handed out, the end of the block
 * is persisted in {@code <dataDir>/producer-ids.json}
 * ({@code {"type":"runnel.producer-ids","version":1,"nextBlockStart":N}}, written to a temp file,
 * fsynced and renamed). After a crash the unused rest of a block is skipped, never reused.
 *
 * <p>Thread-safe (synchronized).
 */
public final class ProducerIdManager {
    static final int BLOCK_SIZE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private long next;
    private long blockEnd;

    public ProducerIdManager(Path dataDir) {
        this.file = dataDir.resolve("producer-ids.json");
        try {
            if (Files.exists(file)) {
                JsonNode node = JSON.readTree(Files.readAllBytes(file));
                if (!"runnel.producer-ids".equals(node.path("type").asText()) || node.path("version").asInt() != 1) {
                    throw new CorruptRecordException("Unsupported producer id state in " + file);
                }
                next = node.get("nextBlockStart").asLong();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        blockEnd = next;
    }

    public synchronized long nextProducerId() {
        if (next >= blockEnd) {
            long end = next + BLOCK_SIZE;
            String json = "{\"type\":\"runnel.producer-ids\",\"version\":1,\"nextBlockStart\":" + end + "}";
            try {
                TopicMetadataStore.writeFileAtomically(file, json.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot persist producer id block in " + file, e);
            }
            blockEnd = end;
        }
        return next++;
    }
}
