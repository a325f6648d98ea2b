package io.runnel.bench.state;

import io.runnel.log.Consumer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Splits a restore's wall time into reading and applying: {@link #wrap} gives a consumer that
 * passes every call through and adds up the wall time spent in {@code poll} (fetching and
 * decoding changelog records). The rest of a restore is the store's (buffering, sorting, writing,
 * ingesting). Single-threaded, as consumers are.
 */
final class PollTimer {
    private long pollNanos;

    @SuppressWarnings("unchecked")
    Consumer<byte[], byte[]> wrap(Consumer<byte[], byte[]> inner) {
        return (Consumer<byte[], byte[]>) Proxy.newProxyInstance(Consumer.class.getClassLoader(),
                new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("poll")) {
                            pollNanos += System.nanoTime() - start;
                        }
                    }
                });
    }

    double pollSeconds() {
        return pollNanos / 1e9;
    }
}
