package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** ksqlDB's string functions, one nested class per function (null in, null out unless stated). */
public final class StringFunctions {
    private StringFunctions() {
    }

    @UdfDescription(name = "concat", category = "STRING", description = "Concatenates strings or bytes; NULL inputs are skipped.")
    public static final class Concat {
        @Udf(description = "Concatenates strings.")
        public static String concat(@UdfParameter("inputs") String... inputs) {
            if (inputs == null) return null;
            StringBuilder b = new StringBuilder();
            for (String s : inputs) if (s != null) b.append(s);
            return b.toString();
        }

        @Udf(description = "Concatenates bytes.")
        public static ByteBuffer concat(@UdfParameter("inputs") ByteBuffer... inputs) {
            if (inputs == null) return null;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (ByteBuffer b : inputs) if (b != null) out.writeBytes(Bytes.toArray(b));
            return Bytes.wrap(out.toByteArray());
        }
    }

    @UdfDescription(name = "concat_ws", category = "STRING",
            description = "Concatenates strings or bytes with a separator; NULL inputs are skipped, a NULL separator gives NULL.")
    public static final class ConcatWs {
        @Udf
        public static String concatWs(@UdfParameter("separator") String separator, @UdfParameter("inputs") String... inputs) {
            if (separator == null || inputs == null) return null;
            StringBuilder b = new StringBuilder();
            boolean first = true;
            for (String s : inputs) {
                if (s == null) continue;
                if (!first) b.append(separator);
                b.append(s);
                first = false;
            }
            return b.toString();
        }

        @Udf
        public static ByteBuffer concatWs(@UdfParameter("separator") ByteBuffer separator, @UdfParameter("inputs") ByteBuffer... inputs) {
            if (separator == null || inputs == null) return null;
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] sep = Bytes.toArray(separator);
            boolean first = true;
            for (ByteBuffer b : inputs) {
                if (b == null) continue;
                if (!first) out.writeBytes(sep);
                out.writeBytes(Bytes.toArray(b));
                first = false;
            }
            return Bytes.wrap(out.toByteArray());
        }
    }

    @UdfDescription(name = "len", category = "STRING", description = "The length of a string (characters) or of bytes.")
    public static final class Len {
        @Udf
        public static Integer len(@UdfParameter("input") String input) {
            return input == null ? null : input.length();
        }

        @Udf
        public static Integer len(@UdfParameter("input") ByteBuffer input) {
            return input == null ? null : input.capacity();
        }
    }

    @UdfDescription(name = "lcase", category = "STRING", description = "Converts a string to lower case.")
    public static final class Lcase {
        @Udf
        public static String lcase(@UdfParameter("input") String input) {
            return input == null ? null : input.toLowerCase(Locale.ROOT);
        }
    }

    @UdfDescription(name = "ucase", category = "STRING", description = "Converts a string to upper case.")
    public static final class Ucase {
        @Udf
        public static String ucase(@UdfParameter("input") String input) {
            return input == null ? null : input.toUpperCase(Locale.ROOT);
        }
    }

    @UdfDescription(name = "trim", category = "STRING", description = "Removes leading and trailing whitespace.")
    public static final class Trim {
        @Udf
        public static String trim(@UdfParameter("input") String input) {
            return input == null ? null : input.trim();
        }
    }

    @UdfDescription(name = "ltrim", category = "STRING", description = "Removes leading whitespace.")
    public static final class Ltrim {
        @Udf
        public static String ltrim(@UdfParameter("input") String input) {
            if (input == null) return null;
            int i = 0;
            while (i < input.length() && input.charAt(i) <= ' ') i++;
            return input.substring(i);
        }
    }

    @UdfDescription(name = "rtrim", category = "STRING", description = "Removes trailing whitespace.")
    public static final class Rtrim {
        @Udf
        public static String rtrim(@UdfParameter("input") String input) {
            if (input == null) return null;
            int i = input.length();
            while (i > 0 && input.charAt(i - 1) <= ' ') i--;
            return input.substring(0, i);
        }
    }

    @UdfDescription(name = "substring", category = "STRING", description = "The part of a string or bytes from a 1-based position "
            + "(negative: from the end), optionally of a given length.")
    public static final class Substring {
        @Udf
        public static String substring(@UdfParameter("str") String str, @UdfParameter("pos") Integer pos) {
            if (str == null || pos == null) return null;
            return str.substring(start(str.length(), pos));
        }

        @Udf
        public static String substring(@UdfParameter("str") String str, @UdfParameter("pos") Integer pos,
                                       @UdfParameter("length") Integer length) {
            if (str == null || pos == null || length == null) return null;
            int start = start(str.length(), pos);
            return str.substring(start, end(str.length(), start, length));
        }

        @Udf
        public static ByteBuffer substring(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("pos") Integer pos) {
            if (bytes == null || pos == null) return null;
            byte[] b = Bytes.toArray(bytes);
            return Bytes.wrap(Arrays.copyOfRange(b, start(b.length, pos), b.length));
        }

        @Udf
        public static ByteBuffer substring(@UdfParameter("bytes") ByteBuffer bytes, @UdfParameter("pos") Integer pos,
                                           @UdfParameter("length") Integer length) {
            if (bytes == null || pos == null || length == null) return null;
            byte[] b = Bytes.toArray(bytes);
            int start = start(b.length, pos);
            return Bytes.wrap(Arrays.copyOfRange(b, start, end(b.length, start, length)));
        }

        private static int start(int length, int pos) {
            return pos >= 0 ? Math.min(Math.max(pos - 1, 0), length) : Math.max(length + pos, 0);
        }

        private static int end(int valueLength, int start, int length) {
            return Math.max(Math.min(start + length, valueLength), start);
        }
    }

    @UdfDescription(name = "replace", category = "STRING", description = "Replaces every occurrence of a substring.")
    public static final class Replace {
        @Udf
        public static String replace(@UdfParameter("str") String str, @UdfParameter("substring") String substring,
                                     @UdfParameter("replacement") String replacement) {
            if (str == null || substring == null || replacement == null) return null;
            return str.replace(substring, replacement);
        }
    }

    @UdfDescription(name = "instr", category = "STRING", description = "The 1-based position of the n-th occurrence of a "
            + "substring searching from a position (negative: backwards from the end); 0 when not found.")
    public static final class Instr {
        @Udf
        public static Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String substring) {
            return instr(str, substring, 1, 1);
        }

        @Udf
        public static Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String substring,
                                    @UdfParameter("position") Integer position) {
            return instr(str, substring, position, 1);
        }

        @Udf
        public static Integer instr(@UdfParameter("str") String str, @UdfParameter("substring") String substring,
                                    @UdfParameter("position") Integer position, @UdfParameter("occurrence") Integer occurrence) {
            if (str == null || substring == null || position == null || occurrence == null) return null;
            if (occurrence <= 0 || position == 0) return 0;
            if (position > 0) {
                int index = position - 2;
                for (int i = 0; i < occurrence; i++) {
                    index = str.indexOf(substring, index + 1);
                    if (index < 0) return 0;
                }
                return index + 1;
            }
            int index = str.length() + position + 1;
            for (int i = 0; i < occurrence; i++) {
                index = str.lastIndexOf(substring, index - 1);
                if (index < 0) return 0;
            }
            return index + 1;
        }
    }

    @UdfDescription(name = "lpad", category = "STRING", description = "Pads a string or bytes on the left to a length "
            + "(or truncates it); NULL for a negative length or empty padding.")
    public static final class Lpad {
        @Udf
        public static String lpad(@UdfParameter("input") String input, @UdfParameter("length") Integer length,
                                  @UdfParameter("padding") String padding) {
            if (input == null || length == null || padding == null || padding.isEmpty() || length < 0) return null;
            int padLength = Math.max(length - input.length(), 0);
            StringBuilder b = new StringBuilder();
            while (b.length() < padLength) b.append(padding);
            b.setLength(padLength);
            b.append(input);
            b.setLength(length);
            return b.toString();
        }

        @Udf
        public static ByteBuffer lpad(@UdfParameter("input") ByteBuffer input, @UdfParameter("length") Integer length,
                                      @UdfParameter("padding") ByteBuffer padding) {
            if (input == null || length == null || padding == null || padding.capacity() == 0 || length < 0) return null;
            byte[] in = Bytes.toArray(input);
            byte[] pad = Bytes.toArray(padding);
            byte[] out = new byte[length];
            int padLength = Math.max(length - in.length, 0);
            for (int i = 0; i < padLength; i++) out[i] = pad[i % pad.length];
            System.arraycopy(in, 0, out, padLength, Math.min(in.length, length - padLength));
            return Bytes.wrap(out);
        }
    }

    @UdfDescription(name = "rpad", category = "STRING", description = "Pads a string or bytes on the right to a length "
            + "(or truncates it); NULL for a negative length or empty padding.")
    public static final class Rpad {
        @Udf
        public static String rpad(@UdfParameter("input") String input, @UdfParameter("length") Integer length,
                                  @UdfParameter("padding") String padding) {
            if (input == null || length == null || padding == null || padding.isEmpty() || length < 0) return null;
            StringBuilder b = new StringBuilder(input);
            while (b.length() < length) b.append(padding);
            b.setLength(length);
            return b.toString();
        }

        @Udf
        public static ByteBuffer rpad(@UdfParameter("input") ByteBuffer input, @UdfParameter("length") Integer length,
                                      @UdfParameter("padding") ByteBuffer padding) {
            if (input == null || length == null || padding == null || padding.capacity() == 0 || length < 0) return null;
            byte[] in = Bytes.toArray(input);
            byte[] pad = Bytes.toArray(padding);
            byte[] out = new byte[length];
            int copied = Math.min(in.length, length);
            System.arraycopy(in, 0, out, 0, copied);
            for (int i = copied; i < length; i++) out[i] = pad[(i - copied) % pad.length];
            return Bytes.wrap(out);
        }
    }

    @UdfDescription(name = "initcap", category = "STRING",
            description = "Capitalizes the first letter of each word (words separated by whitespace) and lower-cases the rest.")
    public static final class Initcap {
        @Udf
        public static String initcap(@UdfParameter("input") String input) {
            if (input == null) return null;
            StringBuilder b = new StringBuilder(input.length());
            boolean start = true;
            for (int i = 0; i < input.length(); i++) {
                char c = input.charAt(i);
                if (Character.isWhitespace(c)) {
                    start = true;
                    b.append(c);
                } else {
                    b.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
                    start = false;
                }
            }
            return b.toString();
        }
    }

    @UdfDescription(name = "split", category = "STRING", description = "Splits a string or bytes by a delimiter; an empty "
            + "delimiter splits into characters (bytes). Empty parts are kept.")
    public static final class Split {
        @Udf
        public static List<String> split(@UdfParameter("input") String input, @UdfParameter("delimiter") String delimiter) {
            if (input == null || delimiter == null) return null;
            List<String> out = new ArrayList<>();
            if (delimiter.isEmpty()) {
                for (int i = 0; i < input.length(); i++) out.add(String.valueOf(input.charAt(i)));
                if (input.isEmpty()) out.add("");
                return out;
            }
            int from = 0;
            while (true) {
                int at = input.indexOf(delimiter, from);
                if (at < 0) break;
                out.add(input.substring(from, at));
                from = at + delimiter.length();
            }
            out.add(input.substring(from));
            return out;
        }

        @Udf
        public static List<ByteBuffer> split(@UdfParameter("input") ByteBuffer input, @UdfParameter("delimiter") ByteBuffer delimiter) {
            if (input == null || delimiter == null) return null;
            byte[] in = Bytes.toArray(input);
            byte[] d = Bytes.toArray(delimiter);
            List<ByteBuffer> out = new ArrayList<>();
            if (d.length == 0) {
                for (byte b : in) out.add(Bytes.wrap(new byte[] {b}));
                if (in.length == 0) out.add(Bytes.wrap(new byte[0]));
                return out;
            }
            int from = 0;
            for (int i = 0; i <= in.length - d.length; ) {
                if (Arrays.equals(in, i, i + d.length, d, 0, d.length)) {
                    out.add(Bytes.wrap(Arrays.copyOfRange(in, from, i)));
                    i += d.length;
                    from = i;
                } else {
                    i++;
                }
            }
            out.add(Bytes.wrap(Arrays.copyOfRange(in, from, in.length)));
            return out;
        }
    }

    @UdfDescription(name = "split_to_map", category = "STRING", description = "Splits a string into key-value pairs by an "
            + "entry delimiter and a key-value delimiter; entries without the key-value delimiter are dropped.")
    public static final class SplitToMap {
        @Udf
        public static Map<String, String> splitToMap(@UdfParameter("input") String input,
                                                     @UdfParameter("entryDelimiter") String entryDelimiter,
                                                     @UdfParameter("kvDelimiter") String kvDelimiter) {
            if (input == null || entryDelimiter == null || kvDelimiter == null || entryDelimiter.isEmpty()
                    || kvDelimiter.isEmpty() || entryDelimiter.equals(kvDelimiter)) {
                return null;
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (String entry : Split.split(input, entryDelimiter)) {
                if (entry.isEmpty()) continue;
                int at = entry.indexOf(kvDelimiter);
                if (at < 0) continue;
                out.put(entry.substring(0, at), entry.substring(at + kvDelimiter.length()));
            }
            return out;
        }
    }

    @UdfDescription(name = "chr", category = "STRING",
            description = "The character of a Unicode code point, given as a number or as '\\uXXXX' text.")
    public static final class Chr {
        @Udf
        public static String chr(@UdfParameter("decimalCode") Integer decimalCode) {
            if (decimalCode == null || !Character.isValidCodePoint(decimalCode)) return null;
            return new String(Character.toChars(decimalCode));
        }

        @Udf
        public static String chr(@UdfParameter("utf16String") String utf16String) {
            if (utf16String == null || utf16String.length() != 6 || !utf16String.startsWith("\\u")) return null;
            try {
                return chr(Integer.parseInt(utf16String.substring(2), 16));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    @UdfDescription(name = "elt", category = "STRING", description = "The n-th (1-based) of the strings; NULL when out of range.")
    public static final class Elt {
        @Udf
        public static String elt(@UdfParameter("n") Integer n, @UdfParameter("args") String... args) {
            if (args == null || n == null || n < 1 || n > args.length) return null;
            return args[n - 1];
        }
    }

    @UdfDescription(name = "field", category = "STRING",
            description = "The 1-based position of a string among the others; 0 when absent or NULL.")
    public static final class Field {
        @Udf
        public static Integer field(@UdfParameter("str") String str, @UdfParameter("args") String... args) {
            if (str == null || args == null) return 0;
            for (int i = 0; i < args.length; i++) if (str.equals(args[i])) return i + 1;
            return 0;
        }
    }

    @UdfDescription(name = "uuid", category = "STRING", description = "A random UUID, or the UUID held by 16 bytes.")
    public static final class Uuid {
        @Udf
        public static String uuid() {
            return java.util.UUID.randomUUID().toString();
        }

        @Udf
        public static String uuid(@UdfParameter("bytes") ByteBuffer bytes) {
            if (bytes == null || bytes.capacity() != 16) return null;
            ByteBuffer b = bytes.duplicate();
            b.rewind();
            return new java.util.UUID(b.getLong(), b.getLong()).toString();
        }
    }
}
