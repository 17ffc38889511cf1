package org.foolshap.attack;

/**
 * A reweighting of the background D_1 found by the attack (paper, Section 4.2): point i gets weight
 * {@code counts[i] / N}, the number of the N unit masses (one per background point) the transport plan sends to it.
 *
 * @param counts    units of mass received by each background point; sums to N
 * @param target    where each point j sent its unit (-1 when the plan splits mass, as a capped solution may)
 * @param beta      the direction: the attack minimises {@code beta * sum_j w_j c_j}
 * @param lambda    the weight of the Wasserstein term
 * @param shift     {@code sum_j w_j c_j}, the manipulated attribution of the (combined) sensitive feature
 * @param transport the transport cost (1/N) sum |f_i - f_j| of the plan, an upper bound on W1 (equal at the optimum)
 */
public record Weights(int[] counts, int[] target, double beta, double lambda, double shift, double transport) {
    public Weights {
        counts = counts.clone();
        target = target.clone();
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public int[] target() {
        return target.clone();
    }

    /** Number of background points N. */
    public int size() {
        return counts.length;
    }

    /** The weights w_i = counts[i] / N; they sum to one. */
    public double[] weights() {
        double[] w = new double[counts.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = counts[i] / (double) counts.length;
        }
        return w;
    }

    public double weight(int i) {
        return counts[i] / (double) counts.length;
    }

    /** Number of points with positive weight: the attack's weights are sparse. */
    public int support() {
        int s = 0;
        for (int c : counts) {
            if (c > 0) {
                s++;
            }
        }
        return s;
    }

    /** The minimised objective {@code beta * shift + lambda * transport}. */
    public double objective() {
        return beta * shift + lambda * transport;
    }
}
