package io.runnel.state.internal.wrap;

import io.runnel.state.StateStore;
import io.runnel.state.StateStoreContext;
import java.util.Objects;

/** A store layer (decorator) over another store: name, life cycle and persistence are the inner store's. */
public abstract class WrappedStateStore<S extends StateStore> implements StateStore {
    private final S wrapped;

    protected WrappedStateStore(S wrapped) {
        this.wrapped = Objects.requireNonNull(wrapped, "wrapped");
    }

    public S wrapped() {
        return wrapped;
    }

    @Override
    public String name() {
        return wrapped.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        wrapped.init(context, root);
    }

    @Override
    public void flush() {
        wrapped.flush();
    }

    @Override
    public void close() {
        wrapped.close();
    }

    @Override
    public boolean persistent() {
        return wrapped.persistent();
    }

    @Override
    public boolean isOpen() {
        return wrapped.isOpen();
    }

    /** The first layer of the chain (this one included) of the given type, or null. */
    public static <T> T find(StateStore store, Class<T> type) {
        StateStore s = store;
        while (true) {
            if (type.isInstance(s)) {
                return type.cast(s);
            }
            if (s instanceof WrappedStateStore<?> w) {
                s = w.wrapped();
            } else {
                return null;
            }
        }
    }
}
