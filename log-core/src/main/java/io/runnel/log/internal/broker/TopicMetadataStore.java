package io.runnel.log.internal.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runnel.log.CorruptRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Persists {@link TopicMetadata}, one JSON file per topic in {@code <dataDir>/topics/}:
 * <pre>
 * {"type":"runnel.topic","version":1,"name":"orders","partitions":4,
 *  "configs":{"cleanup.policy":"compact"},"internal":false}
 * </pre>
 * Version 1 is read forever; a new layout gets a new version.
 *
 * <p><b>Writes</b> are atomic: the JSON goes to {@code <name>.json.tmp}, is fsynced, then renamed
 * over {@code <name>.json} and the directory fsynced. A crash leaves the old or the new file;
 * a leftover {@code .tmp} is ignored and removed on load.
 *
 * <p><b>Deletion</b> (see {@link #markDeleting}): the file is renamed to {@code <name>.deleting}
 * before the partition directories are removed, and the marker removed last. On load, every
 * {@code .deleting} marker is reported so the registry finishes the deletion after a crash.
 *
 * <p>Not thread-safe; the {@link TopicRegistry} serializes calls.
 */
public final class TopicMetadataStore {
    static final String TYPE = "runnel.topic";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public TopicMetadataStore(Path dataDir) {
        this.dir = dataDir.resolve("topics");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public void write(TopicMetadata topic) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("version", VERSION);
        node.put("name", topic.name());
        node.put("partitions", topic.partitions());
        ObjectNode configs = node.putObject("configs");
        topic.configOverrides().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> configs.put(e.getKey(), e.getValue()));
        node.put("internal", topic.internal());
        try {
            writeFileAtomically(dir.resolve(topic.name() + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
            fsyncDir();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metadata of topic " + topic.name(), e);
        }
    }

    /** Step 1 of deleting a topic: its metadata becomes a deletion marker. */
    public void markDeleting(String name) {
        try {
            Files.move(dir.resolve(name + ".json"), dir.resolve(name + ".deleting"), StandardCopyOption.ATOMIC_MOVE);
            fsyncDir();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot mark topic " + name + " deleted", e);
        }
    }

    /** Last step of deleting a topic: the marker goes. */
    public void deleted(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".deleting"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove deletion marker of topic " + name, e);
        }
    }

    /** Every persisted topic. */
    public List<TopicMetadata> loadAll() {
        List<TopicMetadata> topics = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                Path f = it.next();
                String n = f.getFileName().toString();
                if (n.endsWith(".json.tmp")) {
                    Files.deleteIfExists(f);
                } else if (n.endsWith(".json")) {
                    topics.add(read(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return topics;
    }

    /** Names of topics whose deletion a crash interrupted. */
    public List<String> pendingDeletions() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".deleting"))
                    .forEach(n -> names.add(n.substring(0, n.length() - ".deleting".length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return names;
    }

    static TopicMetadata read(Path file) throws IOException {
        JsonNode node = JSON.readTree(Files.readAllBytes(file));
        if (!TYPE.equals(node.path("type").asText()) || node.path("version").asInt() != VERSION) {
            throw new CorruptRecordException("Unsupported topic metadata in " + file + ": type "
                    + node.path("type").asText() + " version " + node.path("version").asText());
        }
        Map<String, String> configs = new LinkedHashMap<>();
        node.path("configs").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
        return new TopicMetadata(node.get("name").asText(), node.get("partitions").asInt(), configs,
                node.path("internal").asBoolean(false));
    }

    private void fsyncDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }

    static void writeFileAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
