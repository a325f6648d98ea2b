package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** ENCODE, TO_BYTES and FROM_BYTES over the encodings hex, utf8, ascii and base64 (unknown encoding: NULL). */
public final class EncodingFunctions {
    private EncodingFunctions() {
    }

    /** The bytes the text holds in an encoding; null when the encoding is unknown or the text invalid. */
    static byte[] decode(String text, String encoding) {
        try {
            return switch (encoding.toLowerCase(Locale.ROOT)) {
                case "hex" -> hex(text);
                case "utf8" -> text.getBytes(StandardCharsets.UTF_8);
                case "ascii" -> text.getBytes(StandardCharsets.US_ASCII);
                case "base64" -> Base64.getDecoder().decode(text);
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Hex digits as ksqlDB reads them: {@code 0x} prefix (an odd digit count gets a leading 0),
     * SQL's {@code X'..'} literal form, or bare digits (X'..' and bare need an even count).
     */
    private static byte[] hex(String text) {
        String digits;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            digits = text.substring(2);
            if (digits.length() % 2 == 1) digits = "0" + digits;
        } else if (text.length() >= 3 && (text.startsWith("X'") || text.startsWith("x'")) && text.endsWith("'")) {
            digits = text.substring(2, text.length() - 1);
        } else {
            digits = text;
        }
        if (digits.length() % 2 == 1) return null;
        return HexFormat.of().parseHex(digits);
    }

    static String encode(byte[] bytes, String encoding) {
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "hex" -> HexFormat.of().formatHex(bytes);
            case "utf8" -> new String(bytes, StandardCharsets.UTF_8);
            case "ascii" -> new String(bytes, StandardCharsets.US_ASCII);
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            default -> null;
        };
    }

    @UdfDescription(name = "encode", category = "STRING",
            description = "Re-encodes a string from one encoding to another (hex, utf8, ascii, base64).")
    public static final class Encode {
        @Udf
        public static String encode(@UdfParameter("str") String str, @UdfParameter("inputEncoding") String inputEncoding,
                                    @UdfParameter("outputEncoding") String outputEncoding) {
            if (str == null || inputEncoding == null || outputEncoding == null) return null;
            byte[] bytes = decode(str, inputEncoding);
            return bytes == null ? null : EncodingFunctions.encode(bytes, outputEncoding);
        }
    }

    @UdfDescription(name = "to_bytes", category = "STRING", description = "The bytes of a string in an encoding (hex, utf8, ascii, base64).")
    public static final class ToBytes {
        @Udf
        public static ByteBuffer toBytes(@UdfParameter("str") String str, @UdfParameter("encoding") String encoding) {
            if (str == null || encoding == null) return null;
            byte[] bytes = decode(str, encoding);
            return bytes == null ? null : Bytes.wrap(bytes);
        }
    }

    @UdfDescription(name = "from_bytes", category = "STRING", description = "Bytes as a string in an encoding (hex, utf8, ascii, base64).")
    public static final class FromBytes {
        @Udf
        public static String fromBytes(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("encoding") String encoding) {
            if (bytes == null || encoding == null) return null;
            return encode(Bytes.toArray(bytes), encoding);
        }
    }
}
