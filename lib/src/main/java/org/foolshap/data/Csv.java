package org.foolshap.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.ColumnIndexOutOfBoundsException;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Reads and writes the workbench's CSV files with one policy everywhere: a header row, comma separated,
 * {@code ""} and {@code "?"} read as missing, and column types detected from every row (not a sample) among
 * integer, long, double and string only. Restricting the detected types matters: Tablesaw would otherwise
 * read a column of {@code F}/{@code M} (COMPAS charge degree) as booleans, or a column of dates as dates.
 * Problems (missing file, empty file, ragged rows) are {@link IllegalArgumentException}s with one line that
 * names the file.
 */
public final class Csv {
    private static final List<ColumnType> TYPES =
            List.of(ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.STRING);

    private Csv() {
    }

    /** Reads a comma-separated file into a typed table named after the file. Cost: two passes over the file. */
    public static Table read(Path file) {
        return read(file, ',');
    }

    /** Reads a CSV file with another separator (e.g. ';' for UCI Bank Marketing). */
    public static Table read(Path file, char separator) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("CSV file " + file + " does not exist");
        }
        try {
            if (Files.size(file) == 0) {
                throw new IllegalArgumentException("CSV file " + file + " is empty");
            }
            CsvReadOptions options = CsvReadOptions.builder(file.toFile())
                    .separator(separator)
                    .missingValueIndicator("", "?")
                    .columnTypesToDetect(TYPES)
                    .sample(false)
                    .tableName(file.getFileName().toString())
                    .build();
            Table t = Table.read().csv(options);
            if (t.columnCount() == 0 || t.rowCount() == 0) {
                throw new IllegalArgumentException("CSV file " + file + " has no data rows");
            }
            return t;
        } catch (AddCellToColumnException e) {
            throw new IllegalArgumentException("CSV file " + file + " has ragged rows: data row " + e.getRowNumber()
                    + " does not have the header's " + e.getColumnNames().size() + " fields");
        } catch (ColumnIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("CSV file " + file + " has ragged rows: data row " + e.getRowNumber()
                    + " has " + e.getLine().length + " fields, more than the header");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes a table as CSV with a header; missing values are written as empty fields. */
    public static void write(Table table, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(file)) {
                table.write().csv(CsvWriteOptions.builder(w).header(true).build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
