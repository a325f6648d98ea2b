/**
 * The shell's parts, each testable without a terminal: input splitting
 * ({@link io.runnel.cli.internal.StatementSplitter}), rendering
 * ({@link io.runnel.cli.internal.TableRenderer}, {@link io.runnel.cli.internal.EntityRenderer},
 * {@link io.runnel.cli.internal.ErrorRenderer}), completion
 * ({@link io.runnel.cli.internal.ShellCompleter}) and the read-eval-print loop
 * ({@link io.runnel.cli.internal.Shell}).
 */
package io.runnel.cli.internal;
