package org.foolshap.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** calibration.csv, appended one row at a time like {@link ResultsFile} so a resumed study skips finished rows. */
public final class CalibrationFile {
    private final Path file;

    public CalibrationFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /** The rows already written (none when the file does not exist yet). */
    public List<CalibrationRow> read() throws IOException {
        List<CalibrationRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return rows;
        }
        if (!lines.get(0).equals(String.join(",", CalibrationRow.COLUMNS))) {
            throw new IllegalArgumentException(file + " exists but is not a calibration file of this version; "
                    + "move it away or choose another --out");
        }
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(CalibrationRow.parse(line));
            }
        }
        return rows;
    }

    /** Appends one row (writing the header first if the file is new). Thread-safe. */
    public synchronized void append(CalibrationRow row) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, String.join(",", CalibrationRow.COLUMNS) + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, row.csv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
