package org.foolshap.shap;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.foolshap.Progress;

/** Generic aggregation of per-pair values phi(x, z) for explainers without a faster route. */
final class Pairwise {
    private Pairwise() {
    }

    /** C[j][i] = mean over x of phi_i(x, z_j), parallel over background rows. */
    static double[][] columnMeans(Explainer e, double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groups(foreground, background, e.model().width());
        double[][] c = new double[background.length][];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, background.length).parallel().forEach(j -> {
            double[] s = new double[d];
            for (double[] x : foreground) {
                double[] phi = e.phi(x, background[j]);
                for (int i = 0; i < d; i++) {
                    s[i] += phi[i];
                }
            }
            for (int i = 0; i < d; i++) {
                s[i] /= foreground.length;
            }
            c[j] = s;
            progress.update("coefficients", done.incrementAndGet(), background.length);
        });
        return c;
    }

    /** The full tensor T[a][b][i] = phi_i(foreground[a], background[b]). */
    static double[][][] tensor(Explainer e, double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groups(foreground, background, e.model().width());
        double[][][] t = new double[foreground.length][background.length][];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, foreground.length).parallel().forEach(a -> {
            for (int b = 0; b < background.length; b++) {
                t[a][b] = e.phi(foreground[a], background[b]);
            }
            progress.update("pairs", done.incrementAndGet(), foreground.length);
        });
        return t;
    }
}
