package io.runnel.state;

/** Supplies key-value byte stores. */
public interface KeyValueBytesStoreSupplier extends StoreSupplier<KeyValueStore<Bytes, byte[]>> {
}
