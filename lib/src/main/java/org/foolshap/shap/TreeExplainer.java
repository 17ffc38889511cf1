package org.foolshap.shap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.foolshap.Progress;
import org.foolshap.model.Model;
import org.foolshap.model.TreeEnsemble;

/**
 * Interventional TreeSHAP on a {@link TreeEnsemble}: exact baseline Shapley values in time polynomial in the tree
 * size, no coalition enumeration.
 *
 * <p>Why it works. For one tree and a pair (x, z), the hybrid row (x_S, z_rest) falls in leaf L iff for every
 * feature f on L's path, f in S and x satisfies all of L's conditions on f, or f not in S and z does. Writing
 * A = path features only x satisfies and B = those only z satisfies (the leaf is unreachable if some feature is
 * satisfied by neither; features satisfied by both are dummies), leaf L adds v_L 1[A subset S, B disjoint S] to
 * the game. Its Shapley values are v_L (a-1)! b! / (a+b)! for each i in A and -v_L a! (b-1)! / (a+b)! for each
 * i in B (a = |A|, b = |B|); summing over leaves and trees gives phi(f, x, z).
 *
 * <p>Coefficients. For a fixed background z, A at leaf L is the set of path features z fails (z's "fail mask");
 * x enters only through the set of path features it satisfies. So the foreground is aggregated once per leaf into
 * (mask, weight) pairs, and each leaf's contribution is cached per distinct fail mask of z: the cost per
 * background row and tree is one walk of the tree plus a cache look-up per leaf, independent of |S_0|.
 */
public final class TreeExplainer implements Explainer {
    private static final byte UNDECIDED = 0;
    private static final byte FROM_X = 1;
    private static final byte FROM_Z = 2;

    private final TreeEnsemble model;
    private final int threads;

    TreeExplainer(TreeEnsemble model, int threads) {
        this.model = model;
        this.threads = threads;
    }

    /** Number of worker threads for {@link #coefficients}; default all processors. */
    public TreeExplainer withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new TreeExplainer(model, threads);
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public double[] phi(double[] x, double[] z) {
        int d = Rows.pair(x, z, model.width());
        double[] phi = new double[d];
        byte[] state = new byte[d];
        int[] decided = new int[d];
        for (int t = 0; t < model.trees().size(); t++) {
            new PairWalk(model.tree(t), model.weight(t), x, z, phi, state, decided).walk(0, 0, 0, 0);
        }
        return phi;
    }

    /** Depth-first walk of one tree for one pair, branching only where x and z disagree on an undecided feature. */
    private record PairWalk(org.foolshap.model.Tree tree, double weight, double[] x, double[] z, double[] phi,
                            byte[] state, int[] decided) {
        void walk(int node, int depth, int a, int b) {
            if (tree.leaf(node)) {
                if (a + b == 0) {
                    return;
                }
                double v = weight * tree.value(node);
                double wx = a > 0 ? v * ShapleyWeights.fromX(a, b) : 0;
                double wz = b > 0 ? v * ShapleyWeights.fromZ(a, b) : 0;
                for (int k = 0; k < depth; k++) {
                    int f = decided[k];
                    phi[f] += state[f] == FROM_X ? wx : -wz;
                }
                return;
            }
            int f = tree.feature(node);
            int toX = tree.goesYes(node, x[f]) ? tree.yes(node) : tree.no(node);
            int toZ = tree.goesYes(node, z[f]) ? tree.yes(node) : tree.no(node);
            if (state[f] == FROM_X) {
                walk(toX, depth, a, b);
            } else if (state[f] == FROM_Z) {
                walk(toZ, depth, a, b);
            } else if (toX == toZ) {
                walk(toX, depth, a, b);
            } else {
                decided[depth] = f;
                state[f] = FROM_X;
                walk(toX, depth + 1, a + 1, b);
                state[f] = FROM_Z;
                walk(toZ, depth + 1, a, b + 1);
                state[f] = UNDECIDED;
            }
        }
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groups(foreground, background, model.width());
        int trees = model.trees().size();
        int nb = background.length;
        // Work units: whole trees when there are enough of them, else blocks of background rows per tree.
        int blocks = trees >= 2 * threads ? 1 : Math.max(1, Math.min(nb, 4 * threads / Math.max(1, trees)));
        int units = trees * blocks;
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        int workers = Math.min(threads, units);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread th = new Thread(r, "treeshap");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<double[]>> parts = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                parts.add(pool.submit(() -> {
                    double[] acc = new double[nb * d];
                    LeafIndex index = null;
                    Aggregate agg = null;
                    int current = -1;
                    for (int u = next.getAndIncrement(); u < units; u = next.getAndIncrement()) {
                        int t = u / blocks;
                        int block = u % blocks;
                        if (t != current) {
                            index = new LeafIndex(model.tree(t));
                            agg = new Aggregate(index, foreground);
                            current = t;
                        }
                        int from = (int) ((long) nb * block / blocks);
                        int to = (int) ((long) nb * (block + 1) / blocks);
                        agg.accumulate(background, from, to, model.weight(t), acc, d);
                        progress.update("coefficients", done.incrementAndGet(), units);
                    }
                    return acc;
                }));
            }
            double[] sum = new double[nb * d];
            for (Future<double[]> f : parts) {
                double[] part = f.get();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += part[k];
                }
            }
            double[][] c = new double[nb][];
            for (int j = 0; j < nb; j++) {
                c[j] = Arrays.copyOfRange(sum, j * d, (j + 1) * d);
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing coefficients", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One tree's foreground aggregated per leaf, and the cache of leaf contributions per background fail mask. */
    private static final class Aggregate {
        private final LeafIndex index;
        private final long[][] masks;
        private final double[][] weights;
        private final LongObjectMap[] cache;

        Aggregate(LeafIndex index, double[][] foreground) {
            this.index = index;
            int leaves = index.leaves;
            long[][] all = new long[leaves][foreground.length];
            long[] fail = new long[leaves];
            for (int a = 0; a < foreground.length; a++) {
                index.failMasks(foreground[a], fail);
                for (int l = 0; l < leaves; l++) {
                    long full = (1L << index.leafFeatures[l].length) - 1;
                    all[l][a] = full & ~fail[l];
                }
            }
            masks = new long[leaves][];
            weights = new double[leaves][];
            cache = new LongObjectMap[leaves];
            double unit = 1.0 / foreground.length;
            for (int l = 0; l < leaves; l++) {
                long[] s = all[l];
                Arrays.sort(s);
                int distinct = 0;
                for (int k = 0; k < s.length; k++) {
                    if (k == 0 || s[k] != s[k - 1]) {
                        distinct++;
                    }
                }
                long[] m = new long[distinct];
                double[] w = new double[distinct];
                int p = -1;
                for (int k = 0; k < s.length; k++) {
                    if (k == 0 || s[k] != s[k - 1]) {
                        m[++p] = s[k];
                    }
                    w[p] += unit;
                }
                masks[l] = m;
                weights[l] = w;
                cache[l] = new LongObjectMap();
                all[l] = null;
            }
        }

        void accumulate(double[][] background, int from, int to, double treeWeight, double[] acc, int d) {
            long[] fail = new long[index.leaves];
            for (int j = from; j < to; j++) {
                index.failMasks(background[j], fail);
                int base = j * d;
                for (int l = 0; l < index.leaves; l++) {
                    double[] contribution = cache[l].get(fail[l]);
                    if (contribution == null) {
                        contribution = contribution(l, fail[l]);
                        cache[l].put(fail[l], contribution);
                    }
                    if (contribution.length == 0) {
                        continue;
                    }
                    int[] features = index.leafFeatures[l];
                    for (int p = 0; p < features.length; p++) {
                        acc[base + features[p]] += treeWeight * contribution[p];
                    }
                }
            }
        }

        /** Mean over the foreground of leaf l's Shapley contributions, for a background row with fail mask zFail. */
        private double[] contribution(int l, long zFail) {
            int width = index.leafFeatures[l].length;
            long full = (1L << width) - 1;
            long zOk = full & ~zFail;
            int a = Long.bitCount(zFail);
            double v = index.leafValue[l];
            double[] out = new double[width];
            double toA = 0;
            boolean any = false;
            long[] m = masks[l];
            double[] w = weights[l];
            for (int k = 0; k < m.length; k++) {
                if ((m[k] & zFail) != zFail) {
                    continue; // x fails a condition z fails too: the leaf is unreachable
                }
                long onlyZ = zOk & ~m[k];
                int b = Long.bitCount(onlyZ);
                if (a + b == 0) {
                    continue;
                }
                any = true;
                if (a > 0) {
                    toA += w[k] * ShapleyWeights.fromX(a, b);
                }
                if (b > 0) {
                    double minus = v * w[k] * ShapleyWeights.fromZ(a, b);
                    for (long bits = onlyZ; bits != 0; bits &= bits - 1) {
                        out[Long.numberOfTrailingZeros(bits)] -= minus;
                    }
                }
            }
            if (!any) {
                return new double[0];
            }
            for (long bits = zFail; bits != 0; bits &= bits - 1) {
                out[Long.numberOfTrailingZeros(bits)] += v * toA;
            }
            return out;
        }
    }
}
