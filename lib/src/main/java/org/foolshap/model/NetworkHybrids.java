package org.foolshap.model;

import java.util.List;

/**
 * A dense network's outputs on all 2^k hybrid rows (x on a subset S of k players, z elsewhere), for exact
 * enumeration of an MLP (paper, Section 5: the MLP on Adult and COMPAS, explained exactly on the probability).
 *
 * <p>First layer. Its pre-activation is linear in the encoded row: a_S = a_empty + sum_{b in S} delta_b with
 * delta_b = W (enc(x) - enc(z)) on player b's columns, so visiting the subsets in Gray-code order costs one vector
 * addition per subset instead of a full first-layer product (n1 p multiply-adds).
 *
 * <p>Its sigmoids. With one hidden layer nearly all the time went to n1 calls of {@code exp} per subset. But
 * e^-a_S changes by the factor e^-delta_b (or its inverse) at each Gray-code step, so it is tracked by one
 * multiplication per unit; Smile's clamp of a to [-36, 36] becomes a clamp of e^-a to [e^-36, e^36] (exp is
 * monotone). Rounding: each step adds about one ulp of relative error to e^-a and one ulp of |a| to a, so every
 * {@link #REFRESH} steps a_S is summed afresh from a_empty and the deltas in S, and e^-a_S recomputed from it; a unit whose pre-activation could leave [-700, 700] (where e^-a would overflow or lose
 * precision) keeps one exp per subset. Hybrid outputs agree with one-by-one predictions to about 1e-14.
 *
 * <p>Cost per subset: n1 multiplications and divisions and the layers above the first (one exp per unit every
 * {@link #REFRESH} subsets), against n1 exps per subset before: 3-7x on Adult's MLP (README).
 */
final class NetworkHybrids {
    /** Gray-code steps between exact recomputations of e^-a. */
    static final int REFRESH = 64;
    /** |a| beyond which e^-a is not tracked by products (e^700 is near the largest double's 1.8e308). */
    private static final double TRACKED = 700;
    /** Smile clamps pre-activations to [-36, 36]: e^-a to [LOW, HIGH]. */
    private static final double LOW = Math.exp(-36);
    private static final double HIGH = Math.exp(36);

    private NetworkHybrids() {
    }

    /** out[mask] = net(hybrid), mask bit b set = player b from x; x and z finite on the players. */
    static void outputs(DenseNetwork net, double[] x, double[] z, int[] players, double[] out) {
        DenseEncoding encoding = net.encoding();
        List<DenseNetwork.Layer> hidden = net.hidden();
        int k = players.length;
        double[] ex = encoding.encode(x);
        double[] ez = encoding.encode(z);
        DenseNetwork.Layer first = hidden.isEmpty() ? net.outputLayer() : hidden.get(0);
        int n1 = first.n();
        int p = first.p();
        double[] w = first.weights();
        double[] pre = new double[n1];
        double[][] delta = new double[k][n1];
        double[] reach = new double[n1];
        for (int u = 0; u < n1; u++) {
            double s = first.bias()[u];
            int base = u * p;
            for (int i = 0; i < p; i++) {
                s += w[base + i] * ez[i];
            }
            pre[u] = s;
            reach[u] = Math.abs(s);
            for (int b = 0; b < k; b++) {
                double d = 0;
                for (int i = encoding.offset(players[b]), end = encoding.end(players[b]); i < end; i++) {
                    d += w[base + i] * (ex[i] - ez[i]);
                }
                delta[b][u] = d;
                reach[u] += Math.abs(d);
            }
        }
        double[] empty = pre.clone();
        boolean tracked = !hidden.isEmpty();
        for (int u = 0; u < n1 && tracked; u++) {
            tracked = reach[u] <= TRACKED;
        }
        if (!tracked) {
            byExp(net, empty, pre, delta, k, out);
            return;
        }
        // e[u] = e^-pre[u]; stepping player b in (out) multiplies it by into[b][u] = e^-delta (outOf[b][u] = e^delta)
        double[] e = new double[n1];
        double[][] into = new double[k][n1];
        double[][] outOf = new double[k][n1];
        for (int u = 0; u < n1; u++) {
            e[u] = Math.exp(-pre[u]);
            for (int b = 0; b < k; b++) {
                into[b][u] = Math.exp(-delta[b][u]);
                outOf[b][u] = Math.exp(delta[b][u]);
            }
        }
        double[] h = new double[n1];
        out[0] = fromSigmoids(net, e, h);
        int mask = 0;
        for (int step = 1, n = 1 << k; step < n; step++) {
            int b = Integer.numberOfTrailingZeros(step);
            mask ^= 1 << b;
            double[] factor = (mask & (1 << b)) != 0 ? into[b] : outOf[b];
            if (step % REFRESH == 0) {
                exactly(empty, delta, mask, pre);
                for (int u = 0; u < n1; u++) {
                    e[u] = Math.exp(-pre[u]);
                }
            } else {
                for (int u = 0; u < n1; u++) {
                    e[u] *= factor[u];
                }
            }
            out[mask] = fromSigmoids(net, e, h);
        }
    }

    /** The output from e[u] = e^-a_u of the first hidden layer (clamped as Smile clamps a_u); h is scratch. */
    private static double fromSigmoids(DenseNetwork net, double[] e, double[] h) {
        List<DenseNetwork.Layer> hidden = net.hidden();
        for (int u = 0; u < e.length; u++) { // apart from the sum below, so that the divisions vectorize
            h[u] = 1 / (1 + Math.max(LOW, Math.min(HIGH, e[u])));
        }
        if (hidden.size() == 1) { // the usual perceptron: the output unit right away
            DenseNetwork.Layer output = net.outputLayer();
            double[] ow = output.weights();
            // four partial sums: one running sum would wait on each addition's latency, unit after unit
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int n = e.length;
            int u = 0;
            for (; u + 3 < n; u += 4) {
                s0 += ow[u] * h[u];
                s1 += ow[u + 1] * h[u + 1];
                s2 += ow[u + 2] * h[u + 2];
                s3 += ow[u + 3] * h[u + 3];
            }
            for (; u < n; u++) {
                s0 += ow[u] * h[u];
            }
            return DenseNetwork.sigmoid(output.bias()[0] + ((s0 + s1) + (s2 + s3)));
        }
        return above(net, h);
    }

    /** The layers above the first hidden one, from its activations h. */
    private static double above(DenseNetwork net, double[] h) {
        List<DenseNetwork.Layer> hidden = net.hidden();
        for (int l = 1; l < hidden.size(); l++) {
            h = hidden.get(l).forward(h);
        }
        return net.outputLayer().forward(h)[0];
    }

    /** The Gray-code walk with one exp per first-layer unit and subset (logistic regression, or units out of range). */
    private static void byExp(DenseNetwork net, double[] empty, double[] pre, double[][] delta, int k,
                              double[] out) {
        out[0] = fromPre(net, pre);
        int mask = 0;
        for (int step = 1, n = 1 << k; step < n; step++) {
            int b = Integer.numberOfTrailingZeros(step);
            mask ^= 1 << b;
            double[] d = delta[b];
            if (step % REFRESH == 0) {
                exactly(empty, delta, mask, pre);
            } else if ((mask & (1 << b)) != 0) {
                for (int u = 0; u < pre.length; u++) {
                    pre[u] += d[u];
                }
            } else {
                for (int u = 0; u < pre.length; u++) {
                    pre[u] -= d[u];
                }
            }
            out[mask] = fromPre(net, pre);
        }
    }

    /** pre = a_S for S = mask, summed afresh (the Gray-code sums drift by about one ulp per step). */
    private static void exactly(double[] empty, double[][] delta, int mask, double[] pre) {
        System.arraycopy(empty, 0, pre, 0, pre.length);
        for (int m = mask; m != 0; m &= m - 1) {
            double[] d = delta[Integer.numberOfTrailingZeros(m)];
            for (int u = 0; u < pre.length; u++) {
                pre[u] += d[u];
            }
        }
    }

    /** The output from the first layer's pre-activations. */
    private static double fromPre(DenseNetwork net, double[] pre) {
        if (net.hidden().isEmpty()) {
            return DenseNetwork.sigmoid(pre[0]);
        }
        double[] h = new double[pre.length];
        for (int u = 0; u < pre.length; u++) {
            h[u] = DenseNetwork.sigmoid(pre[u]);
        }
        return above(net, h);
    }
}
