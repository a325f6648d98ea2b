package io.runnel.log.internal.segment;

/**
 * An offset with the place its bytes end: the segment holding the batch just below it and the
 * file position right after that batch. The high watermark is one, so a reader knows how far
 * into the file it may read without scanning.
 *
 * @param offset        the offset (exclusive end)
 * @param segmentBase   base offset of the segment the position is in
 * @param position      file position in that segment where bytes of {@code offset} would start
 */
record LogPosition(long offset, long segmentBase, int position) {
}
