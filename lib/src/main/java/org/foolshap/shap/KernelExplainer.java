package org.foolshap.shap;

import java.util.SplittableRandom;
import org.foolshap.model.Model;

/**
 * KernelSHAP (Lundberg and Lee, 2017) for one reference: the Shapley values are the solution of a weighted least
 * squares over coalitions with the Shapley kernel, constrained to sum to f(x) - f(z). Coalition sizes are drawn
 * with probability proportional to (k-1) / (s (k-s)), each paired with its complement, so the regression is
 * unweighted; the constraint is eliminated by substitution. Consistent: converges to the exact values as the
 * number of samples grows. Cost: {@code samples} model calls per pair plus a (k-1)^2 solve.
 */
public final class KernelExplainer extends SamplingExplainer {
    KernelExplainer(Model model, int samples, long seed) {
        super(model, samples, seed);
    }

    /** Coalitions sampled per (x, z), counted with their complements (default 1024). */
    public KernelExplainer withSamples(int samples) {
        if (samples < 2) {
            throw new IllegalArgumentException("samples must be at least 2, got " + samples);
        }
        return new KernelExplainer(model, samples, seed);
    }

    public KernelExplainer withSeed(long seed) {
        return new KernelExplainer(model, samples, seed);
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        int d = Rows.pair(x, z, model.width());
        int[] diff = Rows.differing(x, z);
        int k = diff.length;
        double[] phi = new double[d];
        if (k == 0) {
            return phi;
        }
        double fz = Rows.finite(model.output(z), z);
        double total = Rows.finite(model.output(x), x) - fz;
        if (k == 1) {
            phi[diff[0]] = total;
            return phi;
        }
        SplittableRandom random = random(x, z);
        double[] sizeCdf = sizeDistribution(k);
        int pairs = Math.max(1, samples / 2);
        boolean[][] coalitions = new boolean[2 * pairs][];
        double[][] hybrids = new double[2 * pairs][];
        for (int p = 0; p < pairs; p++) {
            boolean[] s = randomCoalition(k, sizeCdf, random);
            boolean[] c = new boolean[k];
            for (int i = 0; i < k; i++) {
                c[i] = !s[i];
            }
            coalitions[2 * p] = s;
            coalitions[2 * p + 1] = c;
            hybrids[2 * p] = hybrid(x, z, diff, s);
            hybrids[2 * p + 1] = hybrid(x, z, diff, c);
        }
        double[] v = model.outputs(hybrids);
        // Unknowns phi_0..phi_{k-2}; phi_{k-1} = total - sum of the others.
        int m = k - 1;
        double[][] normal = new double[m][m];
        double[] rhs = new double[m];
        double[] a = new double[m];
        for (int r = 0; r < coalitions.length; r++) {
            boolean last = coalitions[r][k - 1];
            double target = Rows.finite(v[r], hybrids[r]) - fz - (last ? total : 0);
            for (int i = 0; i < m; i++) {
                a[i] = (coalitions[r][i] ? 1 : 0) - (last ? 1 : 0);
            }
            for (int i = 0; i < m; i++) {
                if (a[i] == 0) {
                    continue;
                }
                rhs[i] += a[i] * target;
                for (int j = 0; j < m; j++) {
                    normal[i][j] += a[i] * a[j];
                }
            }
        }
        for (int i = 0; i < m; i++) {
            normal[i][i] += 1e-12 * coalitions.length; // keeps rare rank-deficient samples solvable
        }
        double[] solution = solve(normal, rhs);
        double rest = total;
        for (int i = 0; i < m; i++) {
            phi[diff[i]] = solution[i];
            rest -= solution[i];
        }
        phi[diff[k - 1]] = rest;
        return phi;
    }

    private static double[] sizeDistribution(int k) {
        double[] cdf = new double[k];
        double sum = 0;
        for (int s = 1; s < k; s++) {
            sum += (k - 1.0) / (s * (double) (k - s));
            cdf[s] = sum;
        }
        for (int s = 1; s < k; s++) {
            cdf[s] /= sum;
        }
        return cdf;
    }

    private static boolean[] randomCoalition(int k, double[] cdf, SplittableRandom random) {
        double u = random.nextDouble();
        int size = 1;
        while (size < k - 1 && cdf[size] < u) {
            size++;
        }
        boolean[] s = new boolean[k];
        int chosen = 0;
        // Floyd-style: pick size distinct members uniformly.
        for (int i = 0; i < k && chosen < size; i++) {
            if (random.nextInt(k - i) < size - chosen) {
                s[i] = true;
                chosen++;
            }
        }
        return s;
    }

    private static double[] hybrid(double[] x, double[] z, int[] diff, boolean[] s) {
        double[] h = z.clone();
        for (int i = 0; i < diff.length; i++) {
            if (s[i]) {
                h[diff[i]] = x[diff[i]];
            }
        }
        return h;
    }

    /** Gaussian elimination with partial pivoting on a small symmetric system. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = java.util.Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = m[c];
            m[c] = m[pivot];
            m[pivot] = t;
            for (int r = c + 1; r < n; r++) {
                double factor = m[r][c] / m[c][c];
                for (int j = c; j <= n; j++) {
                    m[r][j] -= factor * m[c][j];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int j = r + 1; j < n; j++) {
                s -= m[r][j] * x[j];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
