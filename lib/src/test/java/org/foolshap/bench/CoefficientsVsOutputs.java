package org.foolshap.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.foolshap.audit.Draws;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.experiment.PaperGrid;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainers;

/**
 * Why a model resists Fool SHAP: the attack moves |Phi_s| = |sum_j w_j c_j| by reweighting background rows while the
 * auditor compares the weighted outputs f(z_j) with the honest ones, so it can only use the part of the coefficients
 * c_j = Phi_s(f, S_0', z_j) that the outputs do not predict. Prints, per model, R^2 of c_j on f(z_j) (c_j's
 * variance explained by the mean of c within 20 equal-count bins of f(z)), and |Phi_s| in units of the within-bin
 * standard deviation of c_j: how far, in those units, a reweighting that keeps the outputs' bin masses (which the KS
 * test cannot tell from honest at that resolution) must move each bin's mean of c to cancel Phi_s. Large: the
 * attack must trade stealth for its decrease. Args: datasets dir, dataset, seed,
 * then model=hyperparameters items as the grid records them, e.g. rf:200:16 xgb:100:3 mlp:16.
 */
public final class CoefficientsVsOutputs {
    private static final int BINS = 20;

    private CoefficientsVsOutputs() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Dataset data = Datasets.load(args[1], dir);
        int seed = Integer.parseInt(args[2]);
        Split split = data.split(seed);
        double[][] x = data.x();
        double[][] fg = Draws.pick(x, data.foregroundRows());
        double[][] bg = Draws.pick(x, data.backgroundRows());
        double[][] s0 = Draws.pick(fg, Draws.uniform(fg.length, 200, new SplittableRandom(seed)));
        int s = data.features().index(data.sensitive());
        System.out.printf("%s seed %d: %d background rows, S_0' = 200 rows%n", args[1], seed, bg.length);
        for (int k = 3; k < args.length; k++) {
            String[] p = args[k].split(":");
            ModelKind kind = ModelKind.parse(p[0]);
            Trainer t = Trainer.of(kind).withSeed(seed);
            t = kind == ModelKind.MLP ? t.withHidden(Integer.parseInt(p[1]))
                    : t.withTrees(Integer.parseInt(p[1])).withMaxDepth(Integer.parseInt(p[2]));
            Model m = t.train(data, split).model();
            if (PaperGrid.scale(args[1], kind) == OutputScale.PROBABILITY && m.scale() == OutputScale.LOG_ODDS) {
                m = new LogisticOutput(m);
            }
            long t0 = System.nanoTime();
            double[][] coef = Explainers.auto(m).coefficients(s0, bg);
            double[] c = Arrays.stream(coef).mapToDouble(r -> r[s]).toArray();
            double[] f = m.outputs(bg);
            report(args[k], c, f, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void report(String what, double[] c, double[] f, double seconds) {
        int n = c.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(f[a], f[b]));
        double mean = Arrays.stream(c).average().orElse(0);
        double total = 0;
        double within = 0;
        for (int b = 0; b < BINS; b++) {
            int from = (int) ((long) n * b / BINS);
            int to = (int) ((long) n * (b + 1) / BINS);
            double sum = 0;
            for (int i = from; i < to; i++) {
                double v = c[order[i]];
                sum += v;
            }
            double binMean = sum / (to - from);
            for (int i = from; i < to; i++) {
                double v = c[order[i]];
                within += (v - binMean) * (v - binMean);
                total += (v - mean) * (v - mean);
            }
        }
        double sdWithin = Math.sqrt(within / n);
        System.out.printf("%-12s Phi_s %+.4f, sd(c) %.4f, R^2(c ~ f) %.2f, within-bin sd %.4f: |Phi_s| = %.2f "
                + "within-bin sd (%.1f s)%n", what, mean, Math.sqrt(total / n), 1 - within / total, sdWithin,
                Math.abs(mean) / sdWithin, seconds);
    }
}
