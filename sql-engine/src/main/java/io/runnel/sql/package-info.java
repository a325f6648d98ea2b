/** Runnel sql-engine. */
package io.runnel.sql;
