package org.foolshap.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomSearch;
import org.foolshap.model.Trainer;
import org.foolshap.model.Training;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code train --dataset NAME | --data FILE.csv --target COL, --model KIND [--seed N] --out MODEL}: trains on the
 * seed's stratified 80% training split, saves the model with its encoding, prints one JSON object of metrics.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a dataset's training split (stratified 80/20, split",
                "seed = --seed) and save it with its encoding. Prints one JSON object with",
                "test_auc, test_accuracy and, when a sensitive attribute is known,",
                "demographic_parity = mean f(D_0) - mean f(D_1) over the whole dataset."})
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", paramLabel = "NAME", description = "catalog name (adult, compas, ...)")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "directory with the raw files of --dataset")
    Path dataDir;

    @Option(names = "--data", paramLabel = "FILE.csv", description = "train on a CSV file instead (needs --target)")
    Path data;

    @Option(names = "--target", paramLabel = "COL", description = "target column of --data (two distinct values)")
    String target;

    @Option(names = "--sensitive", paramLabel = "COL", description = "sensitive attribute of --data (with --protected)")
    String sensitive;

    @Option(names = "--protected", paramLabel = "VALUE", description = "protected value of --sensitive")
    String protectedValue;

    @Option(names = "--model", required = true, paramLabel = "KIND", description = "rf, gbt, tree, logistic, mlp or xgb (XGBoost)")
    String model;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "split and training seed (default 0)")
    int seed;

    @Option(names = "--trees", paramLabel = "N", description = "trees (rf, gbt, xgb)")
    Integer trees;

    @Option(names = "--max-depth", paramLabel = "N", description = "maximum tree depth (rf, gbt, tree, xgb)")
    Integer maxDepth;

    @Option(names = "--hidden", paramLabel = "N", description = "hidden units (mlp)")
    Integer hidden;

    @Option(names = "--search", defaultValue = "0", paramLabel = "N",
            description = "random search of N hyperparameter draws scored by AUC on a validation split of the"
                    + " training rows (default 0: the defaults)")
    int search;

    @Option(names = "--out", required = true, paramLabel = "MODEL",
            description = "model file to write (replaced only once complete)")
    Path out;

    @Override
    public Integer call() throws Exception {
        Outputs.checkFile("--out", out, data);
        ModelKind kind = ModelKind.parse(model);
        Dataset d = dataset();
        Trainer trainer = Trainer.of(kind).withSeed(seed);
        if (trees != null) {
            trainer = trainer.withTrees(trees);
        }
        if (maxDepth != null) {
            trainer = trainer.withMaxDepth(maxDepth);
        }
        if (hidden != null) {
            trainer = trainer.withHidden(hidden);
        }
        Split split = d.split(seed);
        if (search > 0) {
            trainer = RandomSearch.of(search).withSeed(seed).best(trainer, d, split);
        } else if (search < 0) {
            throw new UserError("--search must be 0 or more, got " + search);
        }
        Training r = trainer.train(d, split);
        r.modelFile().save(out);
        var json = new GsonBuilder().serializeSpecialFloatingPointValues().create();
        var map = new java.util.LinkedHashMap<String, Object>(r.toMap());
        map.put("hyperparameters", trainer.describe());
        map.put("model_file", out.toString());
        spec.commandLine().getOut().println(json.toJson(map));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Dataset dataset() {
        if ((dataset == null) == (data == null)) {
            throw new UserError("give exactly one of --dataset NAME or --data FILE.csv");
        }
        if (dataset != null) {
            if (target != null || sensitive != null || protectedValue != null) {
                throw new UserError("--target, --sensitive and --protected go with --data; a catalog dataset has its own");
            }
            return Datasets.load(dataset, dataDir);
        }
        if (target == null) {
            throw new UserError("--data needs --target COL");
        }
        if ((sensitive == null) != (protectedValue == null)) {
            throw new UserError("--sensitive and --protected go together");
        }
        String name = data.getFileName().toString().replaceFirst("\\.csv$", "");
        return Dataset.of(name, Csv.read(data), target, sensitive, protectedValue);
    }
}
