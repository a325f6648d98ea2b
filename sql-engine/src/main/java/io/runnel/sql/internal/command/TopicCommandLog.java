package io.runnel.sql.internal.command;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.LogClients;
import io.runnel.log.NewTopic;
import io.runnel.log.Producer;
import io.runnel.log.ProducerRecord;
import io.runnel.log.TopicConfig;
import io.runnel.log.TopicExistsException;
import io.runnel.log.UnknownTopicException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The command log as a topic of the log (default {@value #DEFAULT_TOPIC}): one partition, kept
 * forever (retention.ms=-1, cleanup.policy=delete), one {@link CommandCodec} JSON record per
 * command, record key empty. A command's sequence number is its offset, so the log checks on
 * every read that record {@code n} says sequence {@code n} (a second writer or a foreign record
 * is detected, never silently replayed).
 *
 * <p>Durability: {@link #append} waits for the producer's acknowledgement (acks=all, idempotent),
 * i.e. for the log's flush policy; a command whose append threw may or may not be in the log, and
 * the engine treats the statement as failed (replay decides). Threading: appends are serialized
 * on this object; one engine writes a given command topic.
 */
public final class TopicCommandLog implements CommandLog {

    public static final String DEFAULT_TOPIC = "_runnel_commands";

    private static final Duration POLL = Duration.ofMillis(100);
    /** Empty polls in a row (of {@link #POLL} each) after which a read below the end offset gives up. */
    private static final int MAX_EMPTY_POLLS = 600;

    private final LogClients clients;
    private final String topic;
    private final TopicPartition partition;
    private final Producer<byte[], byte[]> producer;
    private long nextSequence;

    /** Opens (creating the topic if needed) and reads the log to find the next sequence number. */
    public TopicCommandLog(LogClients clients, String topic) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = new TopicPartition(topic, 0);
        ensureTopic();
        this.producer = clients.producer(Map.of("acks", "all", "client.id", "runnel-command-log"),
                Serdes.byteArray().serializer(), Serdes.byteArray().serializer());
        this.nextSequence = readAll().size();
    }

    private void ensureTopic() {
        Admin admin = clients.admin();
        try {
            admin.describeTopic(topic);
        } catch (UnknownTopicException missing) {
            try {
                admin.createTopic(new NewTopic(topic, 1, Map.of(TopicConfig.CLEANUP_POLICY, "delete",
                        TopicConfig.RETENTION_MS, "-1")));
            } catch (TopicExistsException raced) {
                // created meanwhile: fine
            }
        }
    }

    @Override
    public synchronized Command append(String statement, Map<String, String> properties, Optional<String> plan) {
        Command command = new Command(nextSequence, statement, properties, plan);
        try {
            long offset = producer.send(new ProducerRecord<>(topic, 0, null, CommandCodec.encode(command))).get().offset();
            if (offset != command.sequence()) {
                throw new IllegalStateException("command " + command.sequence() + " was written at offset " + offset
                        + " of " + topic + ": another writer appends to this command log");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while appending command " + command.sequence(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot append command " + command.sequence() + " to " + topic, e.getCause());
        }
        nextSequence++;
        return command;
    }

    @Override
    public List<Command> readAll() {
        List<Command> commands = new ArrayList<>();
        try (Consumer<byte[], byte[]> consumer = clients.consumer(Map.of("client.id", "runnel-command-reader"),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            int emptyPolls = 0;
            while (consumer.position(partition) < end) {
                var records = consumer.poll(POLL);
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                if (emptyPolls >= MAX_EMPTY_POLLS) {
                    throw new IllegalStateException("no progress reading " + topic + " at offset "
                            + consumer.position(partition) + " of " + end);
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (record.offset() >= end) break;
                    Command command = CommandCodec.decode(record.value());
                    if (command.sequence() != record.offset()) {
                        throw new IllegalStateException("record at offset " + record.offset() + " of " + topic
                                + " holds command " + command.sequence());
                    }
                    commands.add(command);
                }
            }
        }
        return commands;
    }

    @Override
    public void close() {
        producer.close();
    }
}
