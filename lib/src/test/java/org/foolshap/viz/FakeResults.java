package org.foolshap.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.Attributions;

/** Realistic fake results shaped like the paper's Adult experiment, with a fixed seed. */
final class FakeResults {
    static final List<String> ADULT = List.of("age", "workclass", "education", "marital-status", "relationship",
            "occupation", "race", "gender", "capital-gain", "capital-loss", "hours-per-week");
    static final double[] BEFORE = {-0.021, -0.004, -0.018, -0.047, -0.052, -0.016, -0.002, -0.060, -0.011,
        -0.003, -0.014};
    static final double[] AFTER = {-0.024, -0.005, -0.031, -0.050, -0.055, -0.019, -0.002, -0.005, -0.029,
        -0.004, -0.028};

    private FakeResults() {
    }

    static Attributions before() {
        return new Attributions(ADULT, BEFORE, scaled(BEFORE, 0.12, 0.0015), 0.109, 0.304, 0.95);
    }

    static Attributions after() {
        return new Attributions(ADULT, AFTER, scaled(AFTER, 0.15, 0.002), 0.109, 0.304, 0.95);
    }

    /** n features with decaying importance, the sensitive one called "feature 37", on the given output scale. */
    static Attributions many(int n, long seed, double shrinkSensitive, OutputScale scale) {
        Random r = new Random(seed);
        List<String> names = new ArrayList<>();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            names.add("feature " + i);
            v[i] = (r.nextBoolean() ? 1 : -1) * 0.05 * Math.exp(-i / 20.0) * (0.5 + r.nextDouble());
        }
        v[37 % n] *= shrinkSensitive;
        return new Attributions(names, v, scaled(v, 0.15, 0.001), 0.2, 0.3, 0.95, scale);
    }

    private static double[] scaled(double[] v, double rel, double abs) {
        double[] h = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            h[i] = abs + rel * Math.abs(v[i]);
        }
        return h;
    }

    /** Outputs (probabilities) of n rows of a group with the given positive rate, Beta-like shape. */
    static double[] outputs(int n, double rate, long seed) {
        Random r = new Random(seed);
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian() * 1.6 + Math.log(rate / (1 - rate)) - 0.4;
            f[i] = 1 / (1 + Math.exp(-z));
        }
        return f;
    }

    /** A "stealthy" subsample: mostly resembles the data, slightly tilted towards high outputs. */
    static double[] tilted(double[] f, int m, double tilt, long seed) {
        Random r = new Random(seed);
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            double a = f[r.nextInt(f.length)];
            double b = f[r.nextInt(f.length)];
            s[i] = r.nextDouble() < tilt ? Math.max(a, b) : a;
        }
        return s;
    }

    static double[] lambdas() {
        double[] l = new double[20];
        for (int i = 0; i < l.length; i++) {
            l[i] = Math.pow(10, -0.5 + 2.5 * i / (l.length - 1));
        }
        return l;
    }

    /** Phi moves from AFTER (small lambda, aggressive) back to BEFORE (large lambda, honest). */
    static double[][] meanPhi(double[] lambdas) {
        double[][] m = new double[lambdas.length][ADULT.size()];
        for (int l = 0; l < lambdas.length; l++) {
            double w = honestWeight(lambdas[l]);
            for (int f = 0; f < ADULT.size(); f++) {
                m[l][f] = w * BEFORE[f] + (1 - w) * AFTER[f];
            }
        }
        return m;
    }

    static double[][] sdPhi(double[] lambdas) {
        double[][] s = new double[lambdas.length][ADULT.size()];
        for (int l = 0; l < lambdas.length; l++) {
            for (int f = 0; f < ADULT.size(); f++) {
                s[l][f] = 0.002 + 0.05 * Math.abs(BEFORE[f]) * (1 - honestWeight(lambdas[l]));
            }
        }
        return s;
    }

    static double[] detectionRate(double[] lambdas) {
        double[] d = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            d[l] = Math.min(1, 0.05 + 0.95 * (1 - honestWeight(lambdas[l])) * (1 - honestWeight(lambdas[l])));
        }
        return d;
    }

    private static double honestWeight(double lambda) {
        return 1 / (1 + Math.pow(lambda / 3.0, -1.6));
    }

    static Map<String, double[]> methods(long seed) {
        Random r = new Random(seed);
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("brute force", noisy(r, 5, 22, 8));
        m.put("genetic", noisy(r, 5, 12, 10));
        m.put("Fool SHAP", noisy(r, 5, 88, 4));
        return m;
    }

    static Map<String, Map<String, double[]>> figure5() {
        Map<String, Map<String, double[]>> d = new LinkedHashMap<>();
        String[] datasets = {"COMPAS", "Adult", "Marketing", "Communities & Crime"};
        for (int i = 0; i < datasets.length; i++) {
            d.put(datasets[i], methods(100 + i));
        }
        return d;
    }

    private static double[] noisy(Random r, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.min(100, mean + sd * r.nextGaussian());
        }
        return v;
    }
}
