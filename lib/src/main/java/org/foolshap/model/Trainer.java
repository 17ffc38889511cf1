package org.foolshap.model;

import java.util.Properties;
import java.util.stream.LongStream;
import org.foolshap.data.Features;
import smile.base.cart.SplitRule;
import smile.classification.DecisionTree;
import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.MLP;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Trains a Smile classifier on model rows and returns it as a {@link Model} of the explained output. Tree
 * models come back as their {@link TreeEnsemble} view (exactly Smile's predictions, and TreeSHAP-ready).
 * Immutable: every {@code withX} returns a new trainer. Deterministic given the seed.
 */
public final class Trainer {
    private final ModelKind kind;
    private final long seed;
    private final int trees;
    private final int maxDepth;
    private final int hidden;

    private Trainer(ModelKind kind, long seed, int trees, int maxDepth, int hidden) {
        this.kind = kind;
        this.seed = seed;
        this.trees = trees;
        this.maxDepth = maxDepth;
        this.hidden = hidden;
    }

    /** Paper-like defaults: RF 100 trees of depth up to 10, GBT 200 trees of depth 4, MLP 32 hidden units. */
    public static Trainer of(ModelKind kind) {
        return switch (kind) {
            case RF -> new Trainer(kind, 0, 100, 10, 0);
            case GBT -> new Trainer(kind, 0, 200, 4, 0);
            case TREE -> new Trainer(kind, 0, 1, 8, 0);
            case LOGISTIC -> new Trainer(kind, 0, 0, 0, 0);
            case MLP -> new Trainer(kind, 0, 0, 0, 32);
        };
    }

    public Trainer withSeed(long seed) {
        return new Trainer(kind, seed, trees, maxDepth, hidden);
    }

    public Trainer withTrees(int trees) {
        positive("trees", trees);
        return new Trainer(kind, seed, trees, maxDepth, hidden);
    }

    public Trainer withMaxDepth(int maxDepth) {
        positive("maxDepth", maxDepth);
        return new Trainer(kind, seed, trees, maxDepth, hidden);
    }

    public Trainer withHidden(int hidden) {
        positive("hidden", hidden);
        return new Trainer(kind, seed, trees, maxDepth, hidden);
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
    public java.util.Map<String, String> describe() {
        var m = new java.util.LinkedHashMap<String, String>();
        m.put("model", kind.id());
        m.put("seed", Long.toString(seed));
        switch (kind) {
            case RF, GBT -> {
                m.put("trees", Integer.toString(trees));
                m.put("max_depth", Integer.toString(maxDepth));
            }
            case TREE -> m.put("max_depth", Integer.toString(maxDepth));
            case MLP -> m.put("hidden", Integer.toString(hidden));
            default -> { }
        }
        return m;
    }

    /** Trains on rows {@code x} with 0/1 labels {@code y}. */
    public Model fit(Features features, double[][] x, int[] y) {
        check(features, x, y);
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
                DenseEncoding enc = new DenseEncoding(features, x);
                var lr = LogisticRegression.binomial(enc.encode(x), y, 1e-4, 1e-5, 500);
                return new SmileDenseModel(d, enc, lr, true);
            }
            case MLP -> {
                DenseEncoding enc = new DenseEncoding(features, x);
                Properties p = new Properties();
                p.setProperty("smile.mlp.layers", "Sigmoid(" + hidden + ")");
                p.setProperty("smile.mlp.epochs", "30");
                p.setProperty("smile.mlp.mini_batch", "64");
                p.setProperty("smile.mlp.learning_rate", "0.05");
                var mlp = MLP.fit(enc.encode(x), y, p);
                return new SmileDenseModel(d, enc, mlp, false);
            }
            default -> throw new AssertionError(kind);
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
