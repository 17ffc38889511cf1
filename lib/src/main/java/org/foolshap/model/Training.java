package org.foolshap.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.foolshap.data.Dataset;
import org.foolshap.data.Split;

/**
 * Trains a model on a dataset's training split and evaluates it: data -> trainer -> model file + evaluation.
 * The model file carries the dataset's encoding, target levels and, in {@code info}, the dataset name, sensitive
 * attribute, protected value, seed and test metrics, so later commands work from raw CSV rows.
 */
public final class Training {
    private Training() {
    }

    /** A trained model and how it did. */
    public record Result(ModelFile modelFile, Evaluation evaluation) {
    }

    /** Trains on split {@code seed}'s training rows and evaluates on its test rows and on D_0 / D_1. */
    public static Result run(Dataset data, Trainer trainer, int seed) {
        Split split = data.split(seed);
        double[][] x = data.x();
        int[] y = data.y();
        double[][] xTrain = pick(x, split.train());
        int[] yTrain = pick(y, split.train());
        long start = System.nanoTime();
        Model model = trainer.fit(data.features(), xTrain, yTrain);
        double seconds = (System.nanoTime() - start) / 1e9;
        Evaluation e = evaluate(data, trainer.kind(), model, split, x, y, seconds);
        Map<String, String> info = new LinkedHashMap<>(trainer.describe());
        info.put("dataset", data.name());
        info.put("split_seed", Integer.toString(seed));
        if (data.hasSensitive()) {
            info.put("sensitive", data.sensitive());
            info.put("protected", data.protectedValue());
        }
        info.put("test_auc", String.format(Locale.ROOT, "%.6f", e.testAuc()));
        info.put("test_accuracy", String.format(Locale.ROOT, "%.6f", e.testAccuracy()));
        ModelFile file = new ModelFile(data.features(), model, trainer.kind(), data.target(), data.targetLevels(), info);
        return new Result(file, e);
    }

    /** Evaluates a trained model on a split of {@code data} (x, y as given by the dataset). */
    public static Evaluation evaluate(Dataset data, ModelKind kind, Model model, Split split, double[][] x, int[] y,
                                      double seconds) {
        double[] out = model.outputs(x);
        double threshold = kind == ModelKind.GBT ? 0 : 0.5;
        double[] testOut = pick(out, split.test());
        int[] yTest = pick(y, split.test());
        double testAuc = Metrics.auc(testOut, yTest);
        double testAcc = Metrics.accuracy(testOut, yTest, threshold);
        double trainAuc = Metrics.auc(pick(out, split.train()), pick(y, split.train()));
        double parity = Double.NaN;
        double m0 = Double.NaN;
        double m1 = Double.NaN;
        int n0 = 0;
        int n1 = 0;
        if (data.hasSensitive()) {
            int[] fg = data.foregroundRows();
            int[] bg = data.backgroundRows();
            m0 = Metrics.mean(pick(out, fg));
            m1 = Metrics.mean(pick(out, bg));
            parity = m0 - m1;
            n0 = fg.length;
            n1 = bg.length;
        }
        return new Evaluation(data.name(), kind.id(), kind.outputName(), split.seed(), split.train().length,
                split.test().length, trainAuc, testAuc, testAcc, parity, m0, m1, n0, n1, seconds);
    }

    static double[][] pick(double[][] a, int[] idx) {
        double[][] out = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    static double[] pick(double[] a, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }

    static int[] pick(int[] a, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = a[idx[i]];
        }
        return out;
    }
}
