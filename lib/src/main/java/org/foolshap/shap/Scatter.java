package org.foolshap.shap;

/**
 * The per-pair tensor's inner loop, shared by its two routes ({@link PairBlocks}' table cells and
 * {@link LeafGroups}' groups): a few weights added at a few features of many background rows' slices of the tensor.
 */
final class Scatter {
    private Scatter() {
    }

    /**
     * acc[bases[r] + feature[j]] += weight[j] for r in [from, to) and j in [j0, j1); the common small counts
     * unrolled, since this loop is where the tensor's time goes.
     */
    static void add(double[] acc, int[] bases, int from, int to, int[] feature, double[] weight, int j0, int j1) {
        switch (j1 - j0) {
            case 1 -> {
                int f0 = feature[j0];
                double w0 = weight[j0];
                for (int r = from; r < to; r++) {
                    acc[bases[r] + f0] += w0;
                }
            }
            case 2 -> {
                int f0 = feature[j0];
                int f1 = feature[j0 + 1];
                double w0 = weight[j0];
                double w1 = weight[j0 + 1];
                for (int r = from; r < to; r++) {
                    int b = bases[r];
                    acc[b + f0] += w0;
                    acc[b + f1] += w1;
                }
            }
            case 3 -> {
                int f0 = feature[j0];
                int f1 = feature[j0 + 1];
                int f2 = feature[j0 + 2];
                double w0 = weight[j0];
                double w1 = weight[j0 + 1];
                double w2 = weight[j0 + 2];
                for (int r = from; r < to; r++) {
                    int b = bases[r];
                    acc[b + f0] += w0;
                    acc[b + f1] += w1;
                    acc[b + f2] += w2;
                }
            }
            case 4 -> {
                int f0 = feature[j0];
                int f1 = feature[j0 + 1];
                int f2 = feature[j0 + 2];
                int f3 = feature[j0 + 3];
                double w0 = weight[j0];
                double w1 = weight[j0 + 1];
                double w2 = weight[j0 + 2];
                double w3 = weight[j0 + 3];
                for (int r = from; r < to; r++) {
                    int b = bases[r];
                    acc[b + f0] += w0;
                    acc[b + f1] += w1;
                    acc[b + f2] += w2;
                    acc[b + f3] += w3;
                }
            }
            default -> {
                for (int r = from; r < to; r++) {
                    int b = bases[r];
                    for (int j = j0; j < j1; j++) {
                        acc[b + feature[j]] += weight[j];
                    }
                }
            }
        }
    }
}
