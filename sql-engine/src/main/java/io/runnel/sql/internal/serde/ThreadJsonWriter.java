package io.runnel.sql.internal.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A JSON generator and its output buffer, one per thread, reused for every value the thread
 * writes: a row costs no generator, no buffer-recycler lease and no encoder set-up, only its own
 * bytes. Values are written at the root one after another with no separator between them;
 * {@link #finish()} hands out the bytes of the value just written and empties the buffer.
 *
 * <p>Use: {@code w = ThreadJsonWriter.current(); write to w.generator(); bytes = w.finish()}; after
 * a failure part-way through a value, {@link #discard()} it, so that the thread's next value starts
 * on a fresh generator. Not reentrant: nothing writing a value may write another one meanwhile.
 * Threading: confined to its thread (it is a thread-local).
 */
final class ThreadJsonWriter {
    private static final ThreadLocal<ThreadJsonWriter> CURRENT = ThreadLocal.withInitial(ThreadJsonWriter::new);

    private final ByteArrayBuilder buffer = new ByteArrayBuilder(256);
    private final JsonGenerator generator;

    private ThreadJsonWriter() {
        try {
            generator = JsonFormat.FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        generator.setRootValueSeparator(null);
    }

    /** The writer of the calling thread, with an empty buffer. */
    static ThreadJsonWriter current() {
        return CURRENT.get();
    }

    JsonGenerator generator() {
        return generator;
    }

    /** The bytes written since the last call (one complete value); the buffer is empty afterwards. */
    byte[] finish() throws IOException {
        generator.flush();
        byte[] bytes = buffer.toByteArray();
        buffer.reset();
        return bytes;
    }

    /** Drops the calling thread's writer after a failed value (its generator may be mid-object). */
    static void discard() {
        CURRENT.remove();
    }
}
