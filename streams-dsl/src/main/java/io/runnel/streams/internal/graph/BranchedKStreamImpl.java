package io.runnel.streams.internal.graph;

import io.runnel.streams.dsl.Branched;
import io.runnel.streams.dsl.BranchedKStream;
import io.runnel.streams.dsl.KStream;
import io.runnel.streams.dsl.Predicate;
import io.runnel.streams.internal.ops.PassThrough;
import io.runnel.streams.internal.ops.StreamBranch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Builds the branches of a split; each branch is a pass-through child named {@code <split>-<branch>}. */
final class BranchedKStreamImpl<K, V> implements BranchedKStream<K, V> {
    private final KStreamImpl<K, V> parent;
    private final String splitName;
    private final List<Predicate<? super K, ? super V>> predicates = new ArrayList<>();
    private final List<String> children = new ArrayList<>();
    private final String[] defaultChild = new String[1];
    private final Map<String, KStream<K, V>> result = new LinkedHashMap<>();
    private boolean done;

    BranchedKStreamImpl(KStreamImpl<K, V> parent, String splitName) {
        this.parent = parent;
        this.splitName = splitName;
        parent.b.processor(splitName, new StreamBranch<>(predicates, children, defaultChild), parent.node);
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate) {
        return branch(predicate, Branched.as(null));
    }

    @Override
    public BranchedKStream<K, V> branch(Predicate<? super K, ? super V> predicate, Branched<K, V> branched) {
        Objects.requireNonNull(predicate, "predicate");
        checkOpen();
        String child = add(branched, children.size() + 1);
        predicates.add(predicate);
        children.add(child);
        return this;
    }

    private String add(Branched<K, V> branched, int position) {
        String branchName = branched != null && branched.name() != null ? branched.name() : String.valueOf(position);
        String child = splitName + "-" + branchName;
        parent.b.processor(child, new PassThrough<>(), splitName);
        KStream<K, V> stream = new KStreamImpl<>(parent.b, child, parent.keySerde, parent.valueSerde, parent.repartitionRequired);
        if (branched != null && branched.chain() != null) {
            stream = branched.chain().apply(stream);
        }
        if (stream != null) {
            result.put(child, stream);
        }
        return child;
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch() {
        return defaultBranch(Branched.as(null));
    }

    @Override
    public Map<String, KStream<K, V>> defaultBranch(Branched<K, V> branched) {
        checkOpen();
        Branched<K, V> b = branched.name() == null ? branched.withName("0") : branched;
        defaultChild[0] = add(b, 0);
        done = true;
        return Map.copyOf(result);
    }

    @Override
    public Map<String, KStream<K, V>> noDefaultBranch() {
        checkOpen();
        done = true;
        return Map.copyOf(result);
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("split " + splitName + " is already finished");
        }
    }
}
