package org.foolshap.cli;

/** A mistake in how the CLI was called or in its input files; reported as one line, exit code 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
