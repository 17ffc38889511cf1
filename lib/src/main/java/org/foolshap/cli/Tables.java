package org.foolshap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** CSV input and output helpers shared by commands. */
final class Tables {
    private Tables() {
    }

    /** Reads a CSV with a header; '' and '?' are missing values. */
    static Table read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException(file + " is empty");
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile()).missingValueIndicator("", "?").build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Quotes a CSV field when it needs it. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
