package org.foolshap.spark.cli;

/** A user's mistake the CLI reports as one line (exit 2). */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
