package org.foolshap.commitment;

/**
 * The outcome of {@link Verifier#verify}: verified, or the first problem, naming the row of the reveal it concerns.
 *
 * @param verified whether every check passed
 * @param row      the 0-based row of the reveal (= of the request) the first problem concerns, or -1 when it is not
 *                 about one row (e.g. the request was drawn for another commitment)
 * @param reason   what failed, or a summary of what was verified
 */
public record Verification(boolean verified, int row, String reason) {
    static Verification ok(String summary) {
        return new Verification(true, -1, summary);
    }

    static Verification fail(int row, String reason) {
        return new Verification(false, row, reason);
    }

    /** One line: "verified: ..." or "not verified: row k ...: reason". */
    public String message() {
        return (verified ? "verified: " : "not verified: ") + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
