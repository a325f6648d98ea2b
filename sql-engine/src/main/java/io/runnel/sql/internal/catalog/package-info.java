/**
 * The catalog model: resolved {@link io.runnel.sql.internal.catalog.SqlType}s, sources (streams and
 * tables) with their columns, topic and formats, custom types, and name lookups that suggest the
 * closest name on a miss. {@link io.runnel.sql.internal.catalog.Catalog} is an immutable snapshot.
 */
package io.runnel.sql.internal.catalog;
