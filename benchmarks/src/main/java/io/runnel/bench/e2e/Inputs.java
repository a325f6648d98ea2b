package io.runnel.bench.e2e;

import java.nio.charset.StandardCharsets;

/** Input helpers shared by the scenarios: keys and their bytes, as both systems' serdes write them. */
final class Inputs {

    private Inputs() {
    }

    /** Keys {@code k0 .. k<n-1>}. */
    static String[] keys(int n) {
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "k" + i;
        }
        return keys;
    }

    static byte[][] utf8(String[] strings) {
        byte[][] out = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            out[i] = strings[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /** A long as 8 big-endian bytes (both systems' Long serde). */
    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }
}
