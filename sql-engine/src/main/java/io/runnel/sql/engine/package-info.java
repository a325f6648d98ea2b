/**
 * The SQL engine as a library: {@link io.runnel.sql.engine.SqlEngine} runs statements, persistent
 * queries, push and pull queries and inserts over a log. Results are plain records
 * ({@link io.runnel.sql.engine.EngineResult}); query rows go to a
 * {@link io.runnel.sql.engine.QueryListener}. The server's REST adapter is written against this
 * package only.
 */
package io.runnel.sql.engine;
