package io.runnel.streams.dsl;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A branch of {@link BranchedKStream}: its name and optionally a function applied to the branch
 * stream (whose result, if not null, is the stream returned in the map) or a consumer of it.
 */
public record Branched<K, V>(String name, Function<? super KStream<K, V>, ? extends KStream<K, V>> chain) {

    public Branched {
        if (name != null) {
            Named.NameCheck.check(name, "name");
        }
    }

    public static <K, V> Branched<K, V> as(String name) {
        return new Branched<>(name, null);
    }

    public static <K, V> Branched<K, V> withFunction(Function<? super KStream<K, V>, ? extends KStream<K, V>> chain) {
        return new Branched<>(null, chain);
    }

    public static <K, V> Branched<K, V> withConsumer(Consumer<? super KStream<K, V>> consumer) {
        return new Branched<>(null, s -> {
            consumer.accept(s);
            return null;
        });
    }

    public Branched<K, V> withName(String n) {
        return new Branched<>(n, chain);
    }
}
