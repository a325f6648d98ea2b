/**
 * Kafka RecordBatch v2 encoding: {@link io.runnel.log.internal.record.MemoryRecordsBuilder} writes
 * batches, {@link io.runnel.log.internal.record.RecordBatchView} reads one without copying,
 * {@link io.runnel.log.internal.record.Records} walks buffers of many. Byte layout in
 * {@link io.runnel.log.internal.record.RecordBatchView}.
 */
package io.runnel.log.internal.record;
