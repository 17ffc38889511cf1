package org.foolshap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code data --dataset NAME [--data-dir DIR] --out FILE.csv}: the preprocessed table as CSV. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"Write a dataset preprocessed as in the paper (rows shuffled with a fixed",
                "seed): one row per record, the dataset's own column names, categorical",
                "values as strings, the 0/1 target last."})
public final class DataCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "catalog name (adult, compas, ...)")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "directory with the raw files (DIR/NAME/FILE or DIR/FILE); default: $FOOLSHAP_DATA, then the cache")
    Path dataDir;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Override
    public Integer call() {
        Outputs.checkFile("--out", out);
        Dataset d = Datasets.load(dataset, dataDir);
        Csv.write(d.table(), out);
        spec.commandLine().getErr().println("wrote " + d.rowCount() + " rows of " + d.name() + " to " + out);
        return 0;
    }
}
