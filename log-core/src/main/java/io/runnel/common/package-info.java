/**
 * Values and small abstractions shared by every Runnel module: topic partitions, record headers,
 * serializers, time, and the typed exceptions that cross module boundaries.
 */
package io.runnel.common;
