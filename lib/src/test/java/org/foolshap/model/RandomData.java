package org.foolshap.model;

import java.util.List;
import java.util.Random;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;

/** Synthetic classification data with numeric and categorical features, shared by model and SHAP tests. */
public final class RandomData {
    public static final Features FEATURES = Features.of(
            Feature.numeric("a"), Feature.categorical("colour", List.of("red", "green", "blue")),
            Feature.numeric("b"), Feature.categorical("shape", List.of("o", "x", "+", "-")), Feature.numeric("c"));

    private RandomData() {
    }

    public static double[][] rows(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            // Rounded values make ties between rows common, as with real data.
            x[i] = new double[] {Math.round(r.nextGaussian() * 4) / 2.0, r.nextInt(3), r.nextDouble(),
                r.nextInt(4), Math.round(r.nextGaussian() * 10)};
        }
        return x;
    }

    public static int[] labels(double[][] x, long seed) {
        Random r = new Random(seed);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = x[i][0] + (x[i][1] == 2 ? 1.5 : 0) - 2 * x[i][2] + (x[i][3] == 1 ? -1 : 0.5) + 0.1 * x[i][4]
                    + r.nextGaussian();
            y[i] = s > 0 ? 1 : 0;
        }
        return y;
    }
}
