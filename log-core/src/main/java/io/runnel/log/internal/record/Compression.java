package io.runnel.log.internal.record;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import io.runnel.log.CompressionType;
import io.runnel.log.CorruptRecordException;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.xerial.snappy.SnappyInputStream;
import org.xerial.snappy.SnappyOutputStream;

/**
 * The codecs of a batch's records section, framed as Kafka frames them so that a Kafka client can
 * read Runnel's batches and the other way round:
 *
 * <table>
 *   <caption>codecs</caption>
 *   <tr><th>type</th><th>framing</th></tr>
 *   <tr><td>gzip</td><td>RFC 1952 via {@code java.util.zip.GZIPOutputStream} (8 KiB buffer)</td></tr>
 *   <tr><td>snappy</td><td>xerial {@code SnappyOutputStream} framing (magic header + blocks), as Kafka</td></tr>
 *   <tr><td>lz4</td><td>LZ4 frame format, 64 KiB independent blocks, no block checksum (Kafka's KafkaLZ4BlockOutputStream)</td></tr>
 *   <tr><td>zstd</td><td>zstd frame via zstd-jni streams</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
public final class Compression {

    private Compression() {
    }

    /** Compresses {@code length} bytes of {@code src} from {@code offset} into {@code out}. */
    public static void compress(CompressionType type, byte[] src, int offset, int length, OutputStream out) {
        try (OutputStream os = wrapForOutput(type, out)) {
            os.write(src, offset, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress with " + type.configName(), e);
        }
    }

    /**
     * Decompresses a whole records section.
     *
     * @throws CorruptRecordException when the bytes are not a valid frame of {@code type}
     */
    public static byte[] decompress(CompressionType type, byte[] src, int offset, int length) {
        try (InputStream in = wrapForInput(type, new ByteArrayInputStream(src, offset, length))) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw new CorruptRecordException("cannot decompress " + type.configName() + " records: " + e.getMessage(), e);
        }
    }

    static OutputStream wrapForOutput(CompressionType type, OutputStream out) throws IOException {
        return switch (type) {
            case NONE -> out;
            case GZIP -> new GZIPOutputStream(out, 8 * 1024);
            case SNAPPY -> new SnappyOutputStream(out);
            case LZ4 -> new LZ4FrameOutputStream(out, LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
                    LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE);
            case ZSTD -> new BufferedOutputStream(new ZstdOutputStreamNoFinalizer(out), 16 * 1024);
        };
    }

    static InputStream wrapForInput(CompressionType type, InputStream in) throws IOException {
        return switch (type) {
            case NONE -> in;
            case GZIP -> new GZIPInputStream(in, 8 * 1024);
            case SNAPPY -> new SnappyInputStream(in);
            case LZ4 -> new LZ4FrameInputStream(in);
            case ZSTD -> new ZstdInputStreamNoFinalizer(in);
        };
    }
}
