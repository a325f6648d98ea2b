package io.runnel.state;

/** Supplies session byte stores. */
public interface SessionBytesStoreSupplier extends StoreSupplier<SessionStore<Bytes, byte[]>> {

    /** How long sessions are kept, in milliseconds, measured on session end against stream time. */
    long retentionPeriod();

    long segmentIntervalMs();
}
