package org.foolshap.shap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.foolshap.Matrices;
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
 * background row and tree is one walk of the tree plus a cache look-up per leaf, independent of |S_0|; grouping
 * leaves into blocks whose summed contribution is cached per z's fail mask at the block root and z's directions
 * inside it cuts that to one look-up per block, and the directions come from z's bins among the forest's thresholds.
 * {@link LeafAggregate} has the layout (flat arrays, counting aggregation, blocks {@link SubtreeBlocks}, bins
 * {@link SplitBins}); per pair, {@link FlatTree#pair} walks the hybrid paths with precomputed Shapley weight tables.
 *
 * <p>Threads: a coefficient pass runs on its caller plus helpers, at most {@link #withThreads} in all, and only as
 * many helpers as the processors not already busy with other passes (so the experiment grid's parallel runs or a
 * parallel stream do not oversubscribe the machine).
 */
public final class TreeExplainer implements Explainer {
    private final TreeEnsemble model;
    private final List<FlatTree> flat;
    private final int threads;

    TreeExplainer(TreeEnsemble model, int threads) {
        this(model, layout(model), threads);
    }

    private TreeExplainer(TreeEnsemble model, List<FlatTree> flat, int threads) {
        this.model = model;
        this.flat = flat;
        this.threads = threads;
    }

    private static List<FlatTree> layout(TreeEnsemble model) {
        List<FlatTree> out = new ArrayList<>(model.trees().size());
        for (org.foolshap.model.Tree t : model.trees()) {
            out.add(new FlatTree(t));
        }
        return List.copyOf(out);
    }

    /**
     * Largest number of threads for {@link #coefficients} and {@link #pairs}, the caller included; default all
     * processors. Fewer run when other passes already keep processors busy.
     */
    public TreeExplainer withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new TreeExplainer(model, flat, threads);
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
        for (int t = 0; t < flat.size(); t++) {
            flat.get(t).pair(x, z, model.weight(t), phi, state, decided);
        }
        return phi;
    }

    /**
     * The per-pair tensor T[a][b][i] = phi_i(f, foreground[a], background[b]) by {@link PairTensor}: each tree cut
     * into blocks of at most 8 leaves whose contributions are tabulated over (foreground class, background class),
     * rows of a class having equal block keys, hence equal fail masks at every leaf of the block ({@link PairBlocks});
     * blocks too varied to tabulate go through the background rows grouped by fail mask per leaf
     * ({@link LeafGroups}), which {@code -Dfoolshap.treeshap.pairBlockLeaves=0} selects for every block. Equal to
     * {@link #phi} per pair. Parallel
     * over foreground rows on at most {@link #withThreads} threads. Forests with a path of more than
     * {@link LeafGroups#MAX_WIDTH} distinct features fall back to {@link #phi} per pair.
     */
    @Override
    public double[][][] pairs(double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groups(foreground, background, model.width());
        double[] weights = new double[flat.size()];
        for (int t = 0; t < flat.size(); t++) {
            if (flat.get(t).maxWidth > LeafGroups.MAX_WIDTH) {
                return Pairwise.tensor(this, foreground, background, progress);
            }
            weights[t] = model.weight(t);
        }
        return PairTensor.compute(flat, weights, d, foreground, background, threads, progress);
    }

    @Override
    public double[][] coefficients(double[][] foreground, double[][] background, Progress progress) {
        int d = Rows.groups(foreground, background, model.width());
        checkPathWidths();
        SplitBins splits = new SplitBins(flat, d);
        int[][] foregroundBins = splits.bins(foreground);
        return pass(background, splits, d, true, t -> new LeafAggregate(flat.get(t), model.weight(t), foreground,
                splits, foregroundBins, LeafAggregate.blockLeaves(), LeafAggregate.MAX_ARENA), progress);
    }

    /**
     * Keeps the foreground's per-tree aggregates and their caches of block contributions between calls
     * ({@link TreeForeground}): after the first background, a call costs the look-ups of rows whose block keys were
     * seen before plus the contributions of new keys, instead of aggregating the foreground again per tree. Each call
     * equals {@link #coefficients} on the same rows to the last bit.
     */
    @Override
    public ForegroundCoefficients against(double[][] foreground) {
        int d = Rows.groups(foreground, foreground, model.width());
        checkPathWidths();
        return new TreeForeground(this, Matrices.copy(foreground), d);
    }

    List<FlatTree> flat() {
        return flat;
    }

    TreeEnsemble ensemble() {
        return model;
    }

    private void checkPathWidths() {
        for (int t = 0; t < flat.size(); t++) {
            if (flat.get(t).maxWidth > 63) {
                throw new IllegalArgumentException("tree " + t + " has a path testing " + flat.get(t).maxWidth
                        + " distinct features, more than the 63 the aggregated TreeSHAP handles; use the exact "
                        + "explainer");
            }
        }
    }

    /**
     * One coefficient pass: tree t's weighted coefficients from {@code aggregate.apply(t)} for every background row,
     * summed lane by lane. With {@code splitRows} false every tree is done by one worker, so an aggregate kept
     * between calls is never shared by two threads.
     */
    double[][] pass(double[][] background, SplitBins splits, int d, boolean splitRows,
                    IntFunction<LeafAggregate> aggregate, Progress progress) {
        int trees = flat.size();
        int nb = background.length;
        int[][] bins = splits.bins(background);
        // Lanes: fixed ranges of trees, each summed in tree order into its own array, then added lane by lane, so the
        // result does not depend on how many threads ran or which took what (a re-run gives the same bits, which the
        // genetic baseline's selection and the grid's resumed rows rely on). Their number depends on the inputs only.
        int lanes = lanes(trees, (long) nb * d);
        int rowBlocks = !splitRows || lanes >= 4 ? 1 : (int) Math.min(4, Math.max(1, nb / 2048));
        int units = lanes * rowBlocks;
        int workers = Cores.reserve(threads);
        try {
            double[][] laneSums = new double[lanes][];
            for (int l = 0; l < lanes; l++) {
                laneSums[l] = new double[nb * d];
            }
            AtomicLong done = new AtomicLong();
            ExecutorService pool = Workers.pool(Math.min(workers, units), "treeshap");
            try {
                Workers.forEach(pool, workers, units, u -> {
                    int lane = u / rowBlocks;
                    int block = u % rowBlocks;
                    int from = (int) ((long) nb * block / rowBlocks);
                    int to = (int) ((long) nb * (block + 1) / rowBlocks);
                    for (int t = (int) ((long) trees * lane / lanes); t < (long) trees * (lane + 1) / lanes; t++) {
                        aggregate.apply(t).accumulate(background, splits, bins, from, to, laneSums[lane], d);
                        progress.update("coefficients", done.incrementAndGet(), (long) trees * rowBlocks);
                    }
                }, "computing coefficients");
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
            double[][] c = new double[nb][d];
            for (double[] lane : laneSums) {
                for (int j = 0; j < nb; j++) {
                    for (int i = 0; i < d; i++) {
                        c[j][i] += lane[j * d + i];
                    }
                }
            }
            return c;
        } finally {
            Cores.release(workers);
        }
    }

    /** Up to 8 lanes, fewer for few trees or when 8 copies of the result would pass 64 MB. */
    private static int lanes(int trees, long cells) {
        long byMemory = Math.max(1, (64L << 20) / Math.max(1, cells * Double.BYTES));
        return (int) Math.max(1, Math.min(Math.min(8, trees), byMemory));
    }
}
