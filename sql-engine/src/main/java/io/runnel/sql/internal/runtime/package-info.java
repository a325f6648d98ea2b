/**
 * The engine at run time ({@link io.runnel.sql.internal.runtime.Engine}): statements against the
 * catalog and the command log, persistent queries on the streams runtime, push queries as
 * transient topologies, pull queries as reads of a source's topic, inserts.
 */
package io.runnel.sql.internal.runtime;
