/**
 * The statements that run no query: DDL into the {@link io.runnel.sql.internal.catalog.Catalog},
 * listings and descriptions as data (the public {@link io.runnel.sql.engine.EngineResult} records,
 * built from catalog objects by {@link io.runnel.sql.internal.command.Descriptions}),
 * session properties and variables, and the command log that records every catalog change.
 *
 * <p>Entry point: {@link io.runnel.sql.internal.command.DdlExecutor#execute}. Collaborators passed
 * in: {@link io.runnel.sql.internal.command.EngineTopics} (the topics the engine sees;
 * {@link io.runnel.sql.internal.command.AdminTopics} over the log,
 * {@link io.runnel.sql.internal.command.InMemoryTopics} without one) and
 * {@link io.runnel.sql.internal.command.CommandLog}
 * ({@link io.runnel.sql.internal.command.TopicCommandLog} over the log,
 * {@link io.runnel.sql.internal.command.InMemoryCommandLog}).
 *
 * <p>Validation follows ksqlDB, with its messages (user errors are
 * {@link io.runnel.sql.SqlException}s with codes RUNNEL-2xxx/3xxx): WITH properties
 * ({@link io.runnel.sql.internal.command.SourceProperties}), formats
 * ({@link io.runnel.sql.internal.command.KnownFormat},
 * {@link io.runnel.sql.internal.command.FormatSchemaValidator}), columns and keys, the timestamp
 * column, the topic rule (the topic must exist unless PARTITIONS is given, which creates it).
 */
package io.runnel.sql.internal.command;
