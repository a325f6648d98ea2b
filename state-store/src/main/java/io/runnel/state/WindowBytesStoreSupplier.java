package io.runnel.state;

/** Supplies window byte stores. */
public interface WindowBytesStoreSupplier extends StoreSupplier<WindowStore<Bytes, byte[]>> {

    /** Size of the windows in milliseconds (for the end time of fetched windows). */
    long windowSize();

    /** How long windows are kept, in milliseconds, measured on window start against stream time. */
    long retentionPeriod();

    /** Length of one time segment in milliseconds. */
    long segmentIntervalMs();

    boolean retainDuplicates();
}
