package org.foolshap.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * results.csv, appended one finished run at a time so an interrupted study resumes where it stopped. A file with
 * another header is refused rather than mixed with.
 */
public final class ResultsFile {
    private final Path file;

    public ResultsFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The runs already written (none when the file does not exist yet). */
    public List<ResultRow> read() throws IOException {
        List<ResultRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return rows;
        }
        if (!lines.get(0).equals(String.join(",", ResultRow.COLUMNS))) {
            throw new IllegalArgumentException(file + " exists but is not a results file of this version; "
                    + "move it away or choose another --out");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(ResultRow.parse(line));
            }
        }
        return rows;
    }

    /** Appends one run (writing the header first if the file is new). Thread-safe. */
    public synchronized void append(ResultRow row) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join(",", ResultRow.COLUMNS) + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, row.csv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
