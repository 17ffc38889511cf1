package org.foolshap.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.foolshap.commitment.Commitment;
import org.foolshap.commitment.CommittedTable;
import org.foolshap.commitment.Sha256;
import org.foolshap.data.Csv;
import org.foolshap.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code commit --data D.csv [--model M] --out commitment.json}: the company's commitment to its data before an audit. */
@Command(name = "commit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Commit to a dataset before an audit: writes the Merkle root over its rows (each with its",
                "index and, with --model, the model's output), the row count, the hash scheme, the schema",
                "and the size of each level of each group column. No row is disclosed. Keep D.csv (and",
                "the model) unchanged: 'reveal' needs them to answer the auditor's draw.",
                "The file is replaced only once complete."})
public final class CommitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "D.csv", description = "the data to commit to")
    Path data;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "model file written by 'train'; its outputs on every row are committed too")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--groups", split = ",", paramLabel = "COL",
            description = "columns an auditor may draw groups from (default: every text column)")
    List<String> groups;

    @Option(names = "--out", required = true, paramLabel = "commitment.json", description = "the commitment to write")
    Path out;

    @Override
    public Integer call() {
        Outputs.checkFile("--out", out, data, model);
        Table table = Csv.read(data);
        double[] outputs = null;
        String hash = null;
        if (model != null) {
            hash = Sha256.file(model);
            outputs = outputs(model, modelOptions, table, data);
        }
        Commitment c = CommittedTable.of(table, groups, outputs, hash).commitment();
        c.write(out);
        spec.commandLine().getErr().println("committed " + c.rows() + " rows of " + data + (model == null ? " (no model outputs)"
                : " with the outputs of " + model) + ": root " + c.root() + " -> " + out);
        return 0;
    }

    /** The model's outputs on every row of a CSV file, or a one-line error naming the line that is not finite. */
    static double[] outputs(Path modelPath, ModelOptions options, Table table, Path data) {
        ModelFile m;
        try {
            m = options.load(modelPath, table);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + modelPath + ": " + e.getMessage(), e);
        }
        double[] y = m.model().outputs(m.features().encode(table));
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new UserError("model " + modelPath + " gives " + y[i] + " for line " + (i + 2) + " of " + data
                        + "; its output must be a finite number");
            }
        }
        return y;
    }
}
