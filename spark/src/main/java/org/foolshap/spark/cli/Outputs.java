package org.foolshap.spark.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.foolshap.AtomicFiles;
import org.foolshap.cli.UserError;

/** Writing results: one CSV file as foolshap.jar writes it, or a Spark folder (CSV parts with a header, or Parquet). */
final class Outputs {
    private Outputs() {
    }

    /** CSV quoting as the library's CLI does it. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** Lines to one file, atomically (a failure leaves any previous file). */
    static void writeLines(Path out, List<String> lines) throws IOException {
        AtomicFiles.write(out, o -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8));
            for (String line : lines) {
                w.write(line);
                w.newLine();
            }
            w.flush();
        });
    }

    /**
     * A table to a folder: Parquet when the name ends in .parquet, else CSV parts with a header. An existing folder
     * is replaced only when it is a finished Spark output (it has _SUCCESS); anything else there is an error.
     */
    static void writeFolder(Dataset<Row> table, Path out, String option) {
        java.io.File dir = out.toFile();
        if (dir.isFile()) {
            throw new UserError(option + " " + out + " is a file; give a folder for the result");
        }
        String[] inside = dir.list();
        if (inside != null && inside.length > 0 && !new java.io.File(dir, "_SUCCESS").exists()) {
            throw new UserError(option + " " + out + " is a folder that is not a Spark output; choose a new folder");
        }
        var w = table.write().mode(SaveMode.Overwrite);
        if (out.toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            w.parquet(out.toString());
        } else {
            w.option("header", "true").csv(out.toString());
        }
    }
}
