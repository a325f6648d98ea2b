/**
 * Consumer groups (log-core internal): the {@link io.runnel.log.internal.group.GroupCoordinator}
 * (membership, rebalances, generations, committed offsets), the assignors (range, roundrobin,
 * cooperative-sticky) and the records persisted in {@code __consumer_offsets}.
 */
package io.runnel.log.internal.group;
