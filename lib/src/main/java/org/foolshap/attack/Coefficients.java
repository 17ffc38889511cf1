package org.foolshap.attack;

/**
 * Helpers on the coefficient matrix C[j][i] = Phi_i(f, S_0', z_j) of {@code Explainer.coefficients}: the attack's
 * input column, and the manipulated attributions of a sample, which are row means of C (paper, Eq. 7: Phi is linear
 * in the background distribution), so no new SHAP call is needed per draw.
 */
public final class Coefficients {
    private Coefficients() {
    }

    /** c_j = C[j][s], the coefficients of one sensitive feature. */
    public static double[] column(double[][] coefficients, int s) {
        Checks.matrix("coefficient matrix", coefficients);
        Checks.feature("sensitive feature", s, coefficients[0].length);
        double[] c = new double[coefficients.length];
        for (int j = 0; j < c.length; j++) {
            c[j] = coefficients[j][s];
        }
        return c;
    }

    /**
     * Several sensitive features (paper, Appendix: multi-attribute attack): c_j = mean_k beta_k C[j][s_k] with
     * beta_k = sign(sum_j C[j][s_k]), so lowering sum_j w_j c_j shrinks every |Phi_{s_k}| at once. The weights
     * minimise this combination; lambda* is chosen on sum_k |Phi_{s_k}| ({@link LambdaSweep#run(double[][], int[],
     * double[], double[], org.foolshap.audit.Auditor)}), as the official code does.
     */
    public static double[] combined(double[][] coefficients, int... sensitive) {
        Checks.matrix("coefficient matrix", coefficients);
        if (sensitive.length == 0) {
            throw new IllegalArgumentException("no sensitive feature given");
        }
        double[] c = new double[coefficients.length];
        for (int s : sensitive) {
            double[] col = column(coefficients, s);
            double beta = FoolShapWeights.direction(col);
            for (int j = 0; j < c.length; j++) {
                c[j] += beta * col[j] / sensitive.length;
            }
        }
        return c;
    }

    /** Phi(f, S_0', S_1') for the sample S_1' given as row indices: the mean of those rows of C. */
    public static double[] phi(double[][] coefficients, int[] rows) {
        int d = coefficients[0].length;
        double[] phi = new double[d];
        for (int j : rows) {
            double[] row = coefficients[j];
            for (int i = 0; i < d; i++) {
                phi[i] += row[i];
            }
        }
        for (int i = 0; i < d; i++) {
            phi[i] /= rows.length;
        }
        return phi;
    }

    /** Phi(f, S_0', w) = sum_j w_j C[j] for weights w. */
    public static double[] phi(double[][] coefficients, double[] weights) {
        int d = coefficients[0].length;
        double[] phi = new double[d];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] != 0) {
                for (int i = 0; i < d; i++) {
                    phi[i] += weights[j] * coefficients[j][i];
                }
            }
        }
        return phi;
    }
}
