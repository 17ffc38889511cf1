package org.foolshap.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.foolshap.Tabular;
import org.foolshap.data.Dataset;
import org.foolshap.data.Split;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How a model does on one split of a dataset (Tribuo's evaluation: an immutable value computed from a model, the
 * data and the split): test AUC and accuracy, train AUC, and, when the dataset has a sensitive attribute, the
 * demographic-parity gap mean f(D_0) - mean f(D_1) over the whole dataset (D_0 the protected group) on the model's
 * own output scale — the quantity whose SHAP decomposition the attack manipulates.
 *
 * <pre>{@code
 * Split split = data.split(0);
 * Model model = Trainer.of(ModelKind.RF).withSeed(0).fit(data, split);
 * Evaluation ev = Evaluation.of(model, data, split);   // ev.testAuc(), ev.demographicParity(), ev.toTable()
 * }</pre>
 *
 * @param dataset           the dataset's name
 * @param scale             the model's output scale, which sets the accuracy threshold
 * @param splitSeed         the seed of the split evaluated on
 * @param threshold         outputs above it count as class 1: 0.5 for probabilities, 0 for log-odds, NaN for a raw
 *                          output (whose accuracy is then NaN: a raw score has no natural threshold)
 * @param demographicParity NaN when there is no sensitive attribute (likewise the group means; group sizes 0)
 */
public record Evaluation(String dataset, OutputScale scale, int splitSeed, int trainRows, int testRows,
                         double trainAuc, double testAuc, double testAccuracy, double threshold,
                         double demographicParity, double meanForeground, double meanBackground, int foregroundRows,
                         int backgroundRows) implements Tabular {

    public Evaluation {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(scale, "scale");
    }

    /**
     * Evaluates {@code model} on {@code split} of {@code data}: AUC and accuracy on the test rows, AUC on the training
     * rows, and the parity gap on every row. Cost: one model output per row of the dataset (batched through
     * {@link Model#outputs}) plus two O(n log n) AUC sorts; no retraining.
     *
     * @throws IllegalArgumentException when the model's width differs from the dataset's features, the split indexes
     *                                  rows the dataset does not have, or a side of the split lacks one class
     */
    public static Evaluation of(Model model, Dataset data, Split split) {
        Objects.requireNonNull(model, "model");
        checkSplit(data, split);
        if (model.width() != data.features().width()) {
            throw new IllegalArgumentException("the model takes " + model.width() + " features but dataset "
                    + data.name() + " has " + data.features().width());
        }
        int[] y = data.y();
        double[] out = model.outputs(data.x());
        OutputScale scale = model.scale();
        double threshold = threshold(scale);
        int[] train = split.train();
        int[] test = split.test();
        double[] testOut = Pick.values(out, test);
        int[] yTest = Pick.labels(y, test);
        double testAuc = Metrics.auc(testOut, yTest);
        double testAccuracy = Double.isNaN(threshold) ? Double.NaN : Metrics.accuracy(testOut, yTest, threshold);
        double trainAuc = Metrics.auc(Pick.values(out, train), Pick.labels(y, train));
        double m0 = Double.NaN;
        double m1 = Double.NaN;
        int n0 = 0;
        int n1 = 0;
        if (data.hasSensitive()) {
            int[] fg = data.foregroundRows();
            int[] bg = data.backgroundRows();
            m0 = Metrics.mean(Pick.values(out, fg));
            m1 = Metrics.mean(Pick.values(out, bg));
            n0 = fg.length;
            n1 = bg.length;
        }
        return new Evaluation(data.name(), scale, split.seed(), train.length, test.length, trainAuc, testAuc,
                testAccuracy, threshold, m0 - m1, m0, m1, n0, n1);
    }

    /** The accuracy threshold of an output scale: 0.5 for probabilities, 0 for log-odds, NaN for a raw output. */
    public static double threshold(OutputScale scale) {
        return switch (scale) {
            case PROBABILITY -> 0.5;
            case LOG_ODDS -> 0;
            case RAW -> Double.NaN;
        };
    }

    /** Checks that {@code split} indexes rows of {@code data}, naming both when it does not. */
    static void checkSplit(Dataset data, Split split) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(split, "split");
        int n = data.rowCount();
        for (int[] side : new int[][] {split.train(), split.test()}) {
            for (int i : side) {
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("split " + split.seed() + " holds row " + i + " but dataset "
                            + data.name() + " has " + n + " rows; make the split with data.split(seed)");
                }
            }
        }
    }

    public boolean hasParity() {
        return !Double.isNaN(demographicParity);
    }

    /**
     * Ordered fields for JSON (the {@code train} command prints them): dataset, output, seed (the split's),
     * train_rows, test_rows, train_auc, test_auc, test_accuracy, accuracy_threshold, and the group fields only when
     * there is a sensitive attribute.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("output", scale.label());
        m.put("seed", splitSeed);
        m.put("train_rows", trainRows);
        m.put("test_rows", testRows);
        m.put("train_auc", trainAuc);
        m.put("test_auc", testAuc);
        m.put("test_accuracy", testAccuracy);
        m.put("accuracy_threshold", threshold);
        if (hasParity()) {
            m.put("demographic_parity", demographicParity);
            m.put("mean_output_protected", meanForeground);
            m.put("mean_output_rest", meanBackground);
            m.put("protected_rows", foregroundRows);
            m.put("rest_rows", backgroundRows);
        }
        return m;
    }

    /** The numeric fields of {@link #toMap()} as rows (metric, value), named after the dataset and split. */
    @Override
    public Table toTable() {
        StringColumn metric = StringColumn.create("metric");
        DoubleColumn value = DoubleColumn.create("value");
        for (Map.Entry<String, Object> e : toMap().entrySet()) {
            if (e.getValue() instanceof Number v) {
                metric.append(e.getKey());
                value.append(v.doubleValue());
            }
        }
        return Table.create("evaluation of " + dataset + ", split " + splitSeed + " (" + scale.label() + ")",
                metric, value);
    }

    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "Evaluation on %s, split %d (%d train / %d test rows): test AUC %.4f, "
                + "accuracy %.4f (%s above %s), train AUC %.4f", dataset, splitSeed, trainRows, testRows, testAuc,
                testAccuracy, scale.label(), threshold, trainAuc);
        return hasParity() ? s + String.format(Locale.ROOT, "; demographic parity %+.4f (%.4f protected - %.4f rest)",
                demographicParity, meanForeground, meanBackground) : s;
    }
}
