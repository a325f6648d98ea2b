package io.runnel.log.internal.segment;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The producer state snapshot file ({@code producer-state.snapshot}), written atomically
 * ({@link AtomicFiles}) at clean close. On open the state is loaded from it and the
 * batches from its offset to the log end are replayed; a missing, corrupt or too-new snapshot
 * (offset beyond the recovered log end) is deleted and the state rebuilt from the whole log.
 *
 * <table>
 *   <caption>version 1 (big-endian)</caption>
 *   <tr><th>size</th><th>field</th></tr>
 *   <tr><td>4</td><td>magic {@code 0x52505353} ("RPSS")</td></tr>
 *   <tr><td>2</td><td>version = 1</td></tr>
 *   <tr><td>8</td><td>offset: the state covers every batch below it</td></tr>
 *   <tr><td>4</td><td>producer count</td></tr>
 *   <tr><td>…</td><td>per producer: producerId int64, epoch int16, batch count int8, then per
 *       batch firstSeq int32, lastSeq int32, firstOffset int64, lastOffset int64, timestamp int64</td></tr>
 *   <tr><td>4</td><td>CRC32C of all bytes before it</td></tr>
 * </table>
 */
final class ProducerStateSnapshot {
    static final int MAGIC = 0x52505353;
    static final short VERSION = 1;
    private static final int BATCH_SIZE = 4 + 4 + 8 + 8 + 8;

    private ProducerStateSnapshot() {
    }

    static void write(Path dir, long offset, ProducerStateManager state) {
        int size = 4 + 2 + 8 + 4 + 4;
        for (ProducerStateManager.Entry e : state.entries()) {
            size += 8 + 2 + 1 + e.batches.size() * BATCH_SIZE;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putInt(MAGIC).putShort(VERSION).putLong(offset).putInt(state.size());
        for (ProducerStateManager.Entry e : state.entries()) {
            buf.putLong(e.producerId).putShort(e.epoch).put((byte) e.batches.size());
            for (ProducerStateManager.BatchMetadata b : e.batches) {
                buf.putInt(b.firstSeq()).putInt(b.lastSeq()).putLong(b.firstOffset()).putLong(b.lastOffset())
                        .putLong(b.timestamp());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        AtomicFiles.write(dir.resolve(LogFiles.PRODUCER_SNAPSHOT), buf.flip());
    }

    /**
     * Loads the snapshot into {@code state} (cleared first).
     *
     * @return the snapshot's offset, or −1 if there is no valid snapshot (state left empty)
     */
    static long read(Path dir, ProducerStateManager state) {
        state.clear();
        ByteBuffer buf = AtomicFiles.readIfExists(dir.resolve(LogFiles.PRODUCER_SNAPSHOT));
        if (buf == null || buf.remaining() < 22) {
            return -1;
        }
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.limit() - 4);
        if ((int) crc.getValue() != buf.getInt(buf.limit() - 4) || buf.getInt(0) != MAGIC || buf.getShort(4) != VERSION) {
            return -1;
        }
        try {
            buf.position(6);
            long offset = buf.getLong();
            int count = buf.getInt();
            for (int i = 0; i < count; i++) {
                ProducerStateManager.Entry e = new ProducerStateManager.Entry(buf.getLong(), buf.getShort());
                int batches = buf.get();
                for (int j = 0; j < batches; j++) {
                    e.batches.addLast(new ProducerStateManager.BatchMetadata(buf.getInt(), buf.getInt(), buf.getLong(),
                            buf.getLong(), buf.getLong()));
                }
                state.put(e);
            }
            return offset;
        } catch (BufferUnderflowException e) {
            state.clear();
            return -1;
        }
    }
}
