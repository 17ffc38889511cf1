package org.foolshap.model;

import java.util.List;

/**
 * A neutral view of a tree ensemble: output(x) = intercept + sum_t weight_t * tree_t(x). Random forests
 * (weights = normalised out-of-bag accuracies), boosted trees (intercept 2b, weights 2 * shrinkage, giving
 * log-odds) and single trees all fit it, so TreeSHAP needs only this.
 */
public record TreeEnsemble(int width, List<Tree> trees, double[] weights, double intercept, OutputScale scale)
        implements Model {
    public TreeEnsemble {
        java.util.Objects.requireNonNull(scale, "scale");
        trees = List.copyOf(trees);
        weights = weights.clone();
        if (trees.size() != weights.length) {
            throw new IllegalArgumentException(trees.size() + " trees but " + weights.length + " weights");
        }
        if (width < 1) {
            throw new IllegalArgumentException("a model needs at least one feature, got width " + width);
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("the intercept must be finite, got " + intercept);
        }
        for (int t = 0; t < weights.length; t++) {
            if (!Double.isFinite(weights[t])) {
                throw new IllegalArgumentException("tree " + t + " has weight " + weights[t]);
            }
            if (trees.get(t).maxFeature() >= width) {
                throw new IllegalArgumentException("tree " + t + " tests feature " + trees.get(t).maxFeature()
                        + " of a model with " + width + " features");
            }
        }
    }

    /** An ensemble whose output is a probability (forests, single trees). */
    public TreeEnsemble(int width, List<Tree> trees, double[] weights, double intercept) {
        this(width, trees, weights, intercept, OutputScale.PROBABILITY);
    }

    @Override
    public double output(double[] row) {
        double s = 0;
        for (int t = 0; t < weights.length; t++) {
            s += weights[t] * trees.get(t).predict(row);
        }
        return intercept + s;
    }

    /** All 2^k hybrid outputs in one joint walk of x and z per tree (see {@link TreeHybrids}). */
    @Override
    public void hybridOutputs(double[] x, double[] z, int[] players, double[] out) {
        TreeHybrids.outputs(this, x, z, players, out);
    }

    public Tree tree(int t) {
        return trees.get(t);
    }

    public double weight(int t) {
        return weights[t];
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
