package org.foolshap.data;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.foolshap.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.ColumnIndexOutOfBoundsException;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * Reads and writes the workbench's CSV files with one policy everywhere: a header row, comma separated,
 * {@code ""} and {@code "?"} read as missing, and column types detected from every row (not a sample) among
 * integer, long, double and string only. Restricting the detected types matters: Tablesaw would otherwise
 * read a column of {@code F}/{@code M} (COMPAS charge degree) as booleans, or a column of dates as dates.
 *
 * <p>Numbers must be finite: a cell such as {@code Infinity} or {@code 1e309} is an error, as is a column of
 * numbers with a few cells that are not numbers (at least {@value #NUMERIC_SHARE_PERCENT}% of its cells numbers,
 * taking at least {@value #NUMERIC_DISTINCT} distinct values): read as text it would silently become a categorical
 * feature with one level per number, so the error lists the offending lines instead. Fields may be up to
 * {@value #MAX_FIELD_CHARS} characters long. Problems (missing file, empty file, ragged rows, the above) are
 * {@link IllegalArgumentException}s with one line that names the file and, where there is one, the line.
 * Lines are counted from 1, the header being line 1.
 */
public final class Csv {
    /** Longest field read, in characters. */
    public static final int MAX_FIELD_CHARS = 1 << 20;
    /** A text column is a damaged numeric column when at least this share (%) of its cells are numbers... */
    static final int NUMERIC_SHARE_PERCENT = 90;
    /** ...taking at least this many distinct values (fewer: it may be a categorical coded with numbers). */
    static final int NUMERIC_DISTINCT = 10;

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
                    .maxCharsPerColumn(MAX_FIELD_CHARS)
                    .tableName(file.getFileName().toString())
                    .build();
            Table t = Table.read().csv(options);
            if (t.columnCount() == 0 || t.rowCount() == 0) {
                throw new IllegalArgumentException("CSV file " + file + " has no data rows");
            }
            for (Column<?> c : t.columns()) {
                checkNumbers(file, c);
            }
            return t;
        } catch (com.univocity.parsers.common.TextParsingException e) {
            throw new IllegalArgumentException("CSV file " + file + " cannot be parsed at line " + (e.getLineIndex() + 1)
                    + ": " + parserMessage(e));
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

    private static String parserMessage(com.univocity.parsers.common.TextParsingException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("exceeds the maximum number of characters")) {
            return "a field is longer than " + MAX_FIELD_CHARS + " characters";
        }
        if (m.contains("exceeds the maximum number of columns")) {
            return "a line has too many fields";
        }
        String first = m.lines().findFirst().orElse(m);
        return first.length() > 200 ? first.substring(0, 200) + "..." : first;
    }

    /** Non-finite numbers, and text columns that are numbers but for a few cells, are errors naming the lines. */
    private static void checkNumbers(Path file, Column<?> c) {
        if (c instanceof NumericColumn<?> n) {
            for (int r = 0; r < n.size(); r++) {
                if (!n.isMissing(r) && !Double.isFinite(n.getDouble(r))) {
                    throw new IllegalArgumentException("CSV file " + file + ": column " + c.name() + " holds "
                            + n.getDouble(r) + " at line " + (r + 2) + "; numbers must be finite");
                }
            }
            return;
        }
        if (!(c instanceof StringColumn s)) {
            return;
        }
        int cells = 0;
        int numbers = 0;
        Set<Double> distinct = new HashSet<>();
        List<Integer> bad = new ArrayList<>();
        for (int r = 0; r < s.size(); r++) {
            if (s.isMissing(r)) {
                continue;
            }
            cells++;
            Double v = number(s.get(r));
            if (v == null) {
                bad.add(r);
            } else {
                numbers++;
                if (distinct.size() < NUMERIC_DISTINCT) {
                    distinct.add(v);
                }
            }
        }
        if (numbers == 0 || bad.isEmpty()) {
            return;
        }
        if (100L * numbers >= (long) NUMERIC_SHARE_PERCENT * cells && distinct.size() >= NUMERIC_DISTINCT) {
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < Math.min(5, bad.size()); i++) {
                int r = bad.get(i);
                String v = s.get(r);
                where.append(i == 0 ? "" : ", ").append("line ").append(r + 2).append(" '")
                        .append(v.length() > 40 ? v.substring(0, 40) + "..." : v).append('\'');
            }
            throw new IllegalArgumentException("CSV file " + file + ": column " + c.name() + " is numeric but "
                    + bad.size() + " of its " + cells + " cells are not numbers (" + where
                    + (bad.size() > 5 ? ", ..." : "") + "); correct them, or leave them empty if unknown");
        }
    }

    /** The cell as a number (Infinity and NaN included), or null when it is not one. */
    private static Double number(String text) {
        String t = text.strip();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("Infinity")
                || t.endsWith("NaN") || t.endsWith("."))) {
            return null; // also excludes Java's "1d" / "1f" suffixes
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Writes a table as CSV with a header; missing values are written as empty fields. Atomic: the file is written
     * beside {@code file} and renamed over it once complete ({@link AtomicFiles#write}).
     */
    public static void write(Table table, Path file) {
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                table.write().csv(CsvWriteOptions.builder(w).header(true).build());
                w.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
