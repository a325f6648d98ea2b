package io.runnel.sql.internal.runtime;

import io.runnel.common.Serdes;
import io.runnel.common.TopicPartition;
import io.runnel.log.Admin;
import io.runnel.log.Consumer;
import io.runnel.log.ConsumerRecord;
import io.runnel.log.UnknownTopicException;
import io.runnel.log.WakeupException;
import io.runnel.sql.SqlErrorCode;
import io.runnel.sql.SqlException;
import io.runnel.sql.engine.QueryColumn;
import io.runnel.sql.engine.QueryListener;
import io.runnel.sql.engine.StartedQuery;
import io.runnel.sql.internal.ast.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code PRINT topic [FROM BEGINNING] [LIMIT n]}: the topic's records as rows of ROWTIME,
 * PARTITION, OFFSET, KEY and VALUE (the bytes as UTF-8 text), from the end (or the beginning),
 * read by one thread until LIMIT or close.
 */
final class PrintQuery implements StartedQuery {
    private static final List<QueryColumn> COLUMNS = List.of(new QueryColumn("ROWTIME", "BIGINT", false),
            new QueryColumn("PARTITION", "INTEGER", false), new QueryColumn("OFFSET", "BIGINT", false),
            new QueryColumn("KEY", "STRING", false), new QueryColumn("VALUE", "STRING", false));

    private final String id;
    private final Consumer<byte[], byte[]> consumer;
    private final QueryListener listener;
    private final long limit;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread reader;

    private PrintQuery(String id, Consumer<byte[], byte[]> consumer, QueryListener listener, long limit) {
        this.id = id;
        this.consumer = consumer;
        this.listener = listener;
        this.limit = limit;
    }

    static PrintQuery run(EngineContext context, String id, Statement.Print print, QueryListener listener) {
        int partitions;
        try (Admin admin = context.log().admin()) {
            partitions = admin.describeTopic(print.topic()).partitions();
        } catch (UnknownTopicException e) {
            throw new SqlException(SqlErrorCode.TOPIC_NOT_FOUND, print.position().line(), print.position().column(),
                    "Could not find topic '" + print.topic() + "', or the KSQL user does not have permissions to list "
                            + "the topic. Topic names are case-sensitive.");
        }
        Consumer<byte[], byte[]> consumer = context.log().consumer(Map.of("client.id", id),
                Serdes.byteArray().deserializer(), Serdes.byteArray().deserializer());
        List<TopicPartition> tps = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            tps.add(new TopicPartition(print.topic(), p));
        }
        consumer.assign(tps);
        if (print.fromBeginning()) {
            consumer.seekToBeginning(tps);
        } else {
            consumer.seekToEnd(tps);
        }
        PrintQuery q = new PrintQuery(id, consumer, listener,
                print.limit().isPresent() ? print.limit().getAsInt() : Long.MAX_VALUE);
        listener.onStart(id, COLUMNS);
        q.reader = new Thread(q::read, id + "-reader");
        q.reader.setDaemon(true);
        q.reader.start();
        return q;
    }

    private void read() {
        long sent = 0;
        try {
            while (!closed.get() && sent < limit) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (closed.get() || sent >= limit) {
                        break;
                    }
                    listener.onRow(Arrays.asList(r.timestamp(), r.partition(), r.offset(), text(r.key()),
                            text(r.value())));
                    sent++;
                }
            }
            if (sent >= limit && closed.compareAndSet(false, true)) {
                listener.onComplete("Limit Reached");
            }
        } catch (WakeupException e) {
            // closed
        } catch (RuntimeException e) {
            if (closed.compareAndSet(false, true)) {
                listener.onError(e);
            }
        } finally {
            consumer.close();
        }
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<QueryColumn> columns() {
        return COLUMNS;
    }

    @Override
    public void close() {
        closed.set(true);
        consumer.wakeup();
        if (reader != Thread.currentThread()) {
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
