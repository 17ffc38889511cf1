package org.foolshap.cli;

/** CSV output helpers shared by commands. */
final class Tables {
    private Tables() {
    }

    /** Quotes a CSV field when it needs it. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
