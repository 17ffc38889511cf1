/**
 * The {@code foolshap} command line: one picocli subcommand per step of a study (fetch, data, train, predict,
 * explain, attack, audit, reproduce). Commands turn library progress into terminal progress bars, and user
 * mistakes into one-line errors with exit code 2.
 */
package org.foolshap.cli;
