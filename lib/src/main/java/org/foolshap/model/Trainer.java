package org.foolshap.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.LongStream;
import org.foolshap.Progress;
import org.foolshap.data.Dataset;
import org.foolshap.data.Features;
import org.foolshap.data.Split;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.MLP;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Trains a Smile classifier and returns it as a {@link Model} of the explained output (Tribuo's shape: data and a
 * split in, a model out; {@link Evaluation#of} then measures it). Tree models come back as their
 * {@link TreeEnsemble} view (exactly Smile's predictions, and TreeSHAP-ready).
 *
 * <pre>{@code
 * Split split = data.split(0);                                    // the split's seed is recorded with the model
 * Model model = Trainer.of(ModelKind.RF).withSeed(0).fit(data, split);
 * Training t = Trainer.of(ModelKind.RF).withSeed(0).train(data, split);   // model file + evaluation, for saving
 * }</pre>
 *
 * <p>Immutable: every {@code withX} returns a new trainer. Deterministic given the seed (Smile's global generator is
 * seeded before each fit, so concurrent fits must not share it). Progress goes to {@link Progress#ambient()} unless
 * {@link #withProgress} says otherwise: stage "training KIND", 0 of 1 then 1 of 1 (Smile offers no per-tree
 * callback). Cost: one Smile fit on the training rows (O(trees x n log n) for the forests); the default random
 * forest on Adult's 39,074 training rows takes a few seconds on this project's 2-core machine.
 */
public final class Trainer {
    private final ModelKind kind;
    private final long seed;
    private final int trees;
    private final int maxDepth;
    private final int hidden;
    private final Progress progress;

    private Trainer(ModelKind kind, long seed, int trees, int maxDepth, int hidden, Progress progress) {
        this.kind = kind;
        this.seed = seed;
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.hidden = hidden;
        this.progress = progress;
    }

    /** Paper-like defaults: RF 100 trees of depth up to 10, GBT and XGB 200 trees of depth 4, MLP 32 hidden units. */
    public static Trainer of(ModelKind kind) {
        return switch (kind) {
            case RF -> new Trainer(kind, 0, 100, 10, 0, Progress.ambient());
            case GBT -> new Trainer(kind, 0, 200, 4, 0, Progress.ambient());
            case TREE -> new Trainer(kind, 0, 1, 8, 0, Progress.ambient());
            case LOGISTIC -> new Trainer(kind, 0, 0, 0, 0, Progress.ambient());
            case MLP -> new Trainer(kind, 0, 0, 0, 32, Progress.ambient());
            case XGB -> new Trainer(kind, 0, 200, 4, 0, Progress.ambient());
            case LGBM, EXTERNAL -> throw new IllegalArgumentException(kind.id() + " models are read from "
                    + "files (--model FILE), not trained here");
        };
    }

    /** Seeds Smile's generator (and the forest's bootstrap); the same seed gives the same model. */
    public Trainer withSeed(long seed) {
        return new Trainer(kind, seed, trees, maxDepth, hidden, progress);
    }

    public Trainer withTrees(int trees) {
        positive("trees", trees);
        return new Trainer(kind, seed, trees, maxDepth, hidden, progress);
    }

    public Trainer withMaxDepth(int maxDepth) {
        positive("maxDepth", maxDepth);
        return new Trainer(kind, seed, trees, maxDepth, hidden, progress);
    }

    public Trainer withHidden(int hidden) {
        positive("hidden", hidden);
        return new Trainer(kind, seed, trees, maxDepth, hidden, progress);
    }

    /** Where the "training KIND" stage is reported (default {@link Progress#ambient()}; {@link Progress#NONE}). */
    public Trainer withProgress(Progress progress) {
        return new Trainer(kind, seed, trees, maxDepth, hidden, Objects.requireNonNull(progress, "progress"));
    }

    public ModelKind kind() {
        return kind;
    }

    public long seed() {
        return seed;
    }

    /** Trees (RF, GBT); 0 for models without trees. */
    public int trees() {
        return trees;
    }

    /** Maximum tree depth (RF, GBT, TREE); 0 for models without trees. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Hidden units (MLP); 0 otherwise. */
    public int hidden() {
        return hidden;
    }

    /** The hyperparameters that apply to this kind, for logs and model-file metadata. */
    public Map<String, String> describe() {
        var m = new LinkedHashMap<String, String>();
        m.put("model", kind.id());
        m.put("seed", Long.toString(seed));
        switch (kind) {
            case RF, GBT, XGB -> {
                m.put("trees", Integer.toString(trees));
                m.put("max_depth", Integer.toString(maxDepth));
            }
            case TREE -> m.put("max_depth", Integer.toString(maxDepth));
            case MLP -> m.put("hidden", Integer.toString(hidden));
            default -> { }
        }
        return m;
    }

    /**
     * Trains on the training rows of {@code split} (from {@code data.split(seed)}); the test rows are never seen.
     *
     * @throws IllegalArgumentException when the split indexes rows {@code data} does not have, or its training rows
     *                                  hold a single class
     */
    public Model fit(Dataset data, Split split) {
        Evaluation.checkSplit(data, split);
        int[] train = split.train();
        return fit(data.features(), Pick.rows(data.x(), train), Pick.labels(data.y(), train));
    }

    /**
     * Trains on the training rows of {@code split}, evaluates on its test rows ({@link Evaluation#of}) and wraps the
     * model in a {@link ModelFile} ready to save: the dataset's features and target levels, and in its info the
     * hyperparameters ({@link #describe()}), dataset, split_seed, sensitive and protected (when known), test_auc and
     * test_accuracy. Cost: one fit plus one model output per row of the dataset.
     */
    public Training train(Dataset data, Split split) {
        long start = System.nanoTime();
        Model model = fit(data, split);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation e = Evaluation.of(model, data, split);
        Map<String, String> info = new LinkedHashMap<>(describe());
        info.put("dataset", data.name());
        info.put("split_seed", Integer.toString(split.seed()));
        if (data.hasSensitive()) {
            info.put("sensitive", data.sensitive());
            info.put("protected", data.protectedValue());
        }
        info.put("test_auc", String.format(Locale.ROOT, "%.6f", e.testAuc()));
        info.put("test_accuracy", String.format(Locale.ROOT, "%.6f", e.testAccuracy()));
        ModelFile file = new ModelFile(data.features(), model, kind, data.target(), data.targetLevels(), info);
        return new Training(file, e, seconds);
    }

    /** Trains on rows {@code x} with 0/1 labels {@code y} (the low-level form of {@link #fit(Dataset, Split)}). */
    public Model fit(Features features, double[][] x, int[] y) {
        check(features, x, y);
        String stage = "training " + kind.id();
        progress.update(stage, 0, 1);
        // XGBoost runs its own seeded single native thread; Smile's fits need a thread of their own (see OneThread)
        Model model = kind == ModelKind.XGB ? fitChecked(features, x, y)
                : OneThread.run(() -> fitChecked(features, x, y));
        progress.update(stage, 1, 1);
        return model;
    }

    private Model fitChecked(Features features, double[][] x, int[] y) {
        MathEx.setSeed(seed);
        int d = features.width();
        Formula formula = Formula.lhs(SmileFrames.TARGET);
        switch (kind) {
            case RF -> {
                DataFrame frame = SmileFrames.frame(features, x, y);
                int mtry = Math.max(1, (int) Math.floor(Math.sqrt(d)));
                var forest = smile.classification.RandomForest.fit(formula, frame, trees, mtry, SplitRule.GINI,
                        maxDepth, 1 << Math.min(maxDepth, 20), 5, 1.0, null,
                        LongStream.range(0, trees).map(t -> seed * 1_000_003L + t));
                return SmileTrees.of(forest, d);
            }
            case GBT -> {
                DataFrame frame = SmileFrames.frame(features, x, y);
                var boost = GradientTreeBoost.fit(formula, frame, trees, maxDepth, 1 << maxDepth, 5, 0.1, 0.7);
                return SmileTrees.of(boost, d);
            }
            case TREE -> {
                DataFrame frame = SmileFrames.frame(features, x, y);
                var tree = DecisionTree.fit(formula, frame, SplitRule.GINI, maxDepth, 1 << maxDepth, 5);
                return SmileTrees.of(tree, d);
            }
            case LOGISTIC -> {
                DenseEncoding enc = DenseEncoding.fit(features, x);
                var lr = LogisticRegression.binomial(enc.encode(x), y, 1e-4, 1e-5, 500);
                return DenseNetwork.logistic(enc, lr);
            }
            case MLP -> {
                DenseEncoding enc = DenseEncoding.fit(features, x);
                Properties p = new Properties();
                p.setProperty("smile.mlp.layers", "Sigmoid(" + hidden + ")");
                p.setProperty("smile.mlp.epochs", "30");
                p.setProperty("smile.mlp.mini_batch", "64");
                p.setProperty("smile.mlp.learning_rate", "0.05");
                var mlp = MLP.fit(enc.encode(x), y, p);
                return DenseNetwork.mlp(enc, mlp);
            }
            case XGB -> {
                return XGBoostTraining.fit(x, y, trees, maxDepth, seed).model();
            }
            default -> throw new IllegalArgumentException(kind.id() + " models are read from files, not trained");
        }
    }

    private static void check(Features features, double[][] x, int[] y) {
        if (x.length == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
        }
        boolean zero = false;
        boolean one = false;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalArgumentException("label at row " + i + " is " + y[i] + "; labels must be 0 or 1");
            }
            zero |= y[i] == 0;
            one |= y[i] == 1;
            if (x[i].length != features.width()) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, expected "
                        + features.width());
            }
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("training row " + i + " has " + x[i][j] + " for feature "
                            + features.get(j).name() + "; values must be finite");
                }
            }
        }
        if (!zero || !one) {
            throw new IllegalArgumentException("the target has a single class; a classifier needs both 0 and 1");
        }
    }

    private static void positive(String name, int v) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + v);
        }
    }
}
