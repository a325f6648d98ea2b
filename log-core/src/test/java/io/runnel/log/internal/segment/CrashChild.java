package io.runnel.log.internal.segment;

import io.runnel.common.Time;
import io.runnel.common.TopicPartition;
import io.runnel.log.CompressionType;
import io.runnel.log.FlushPolicy;
import io.runnel.log.TopicConfig;
import io.runnel.log.internal.record.MemoryRecordsBuilder;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link ProcessCrashTest}: appends to a partition with FlushPolicy ALWAYS
 * from a pipeline of 16 appends in flight (so group commit is exercised) and prints
 * {@code ACK <offset> <payload>} for every acknowledged record, until it is killed.
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        PartitionLog log = PartitionLog.open(dir, new TopicPartition("crash", 0),
                TopicConfig.from(Map.of(TopicConfig.SEGMENT_BYTES, 8192)), FlushPolicy.ALWAYS, Time.SYSTEM, () -> { });
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println("READY " + log.logEndOffset());
        out.flush();
        Semaphore inFlight = new Semaphore(16);
        MemoryRecordsBuilder builder = new MemoryRecordsBuilder(CompressionType.NONE, 1 << 16);
        for (long i = 0; ; i++) {
            inFlight.acquire();
            int n = 1 + (int) (i % 3);
            String[] payloads = new String[n];
            builder.reset();
            for (int j = 0; j < n; j++) {
                payloads[j] = "r" + run + "-" + i + "-" + j;
                builder.append(System.currentTimeMillis(), null, payloads[j].getBytes(StandardCharsets.UTF_8), null);
            }
            log.append(builder.build()).whenComplete((r, e) -> {
                if (e == null) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = 0; j < n; j++) {
                        sb.append("ACK ").append(r.baseOffset() + j).append(' ').append(payloads[j]).append('\n');
                    }
                    synchronized (out) {
                        out.print(sb);
                        out.flush();
                    }
                } else {
                    e.printStackTrace();
                }
                inFlight.release();
            });
        }
    }
}
