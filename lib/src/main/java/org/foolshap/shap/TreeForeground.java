package org.foolshap.shap;

import org.foolshap.Progress;

/**
 * TreeSHAP's coefficients against one kept foreground ({@link TreeExplainer#against}): the per-tree
 * {@link LeafAggregate}s, built at the first call, stay with their caches of leaf and block contributions. Why: the
 * genetic baseline asks for up to 1,500 backgrounds of 200 rows against one S_0', each a perturbation of the last;
 * building the aggregates per call (the foreground's masks at every leaf, tables of 2^w cells per leaf) and
 * recomputing every block contribution cost about 1 s per call on Adult's tuned forest (200 trees, 415 leaves),
 * while most block keys of a perturbed row were seen in earlier calls.
 *
 * <p>Memory: kept aggregates use hash maps instead of direct 2^w tables, and the forest's cached block entries are
 * bounded by an eighth of the heap (beyond, misses are computed and not kept). Calls run one at a time.
 */
final class TreeForeground implements ForegroundCoefficients {
    /** Rough bytes per cached block entry: its key's map slots and a few arena values. */
    private static final long ENTRY_BYTES = 64;

    private final TreeExplainer explainer;
    private final double[][] foreground;
    private final int d;
    private final SplitBins splits;
    private final int[][] foregroundBins;
    private final LeafAggregate[] kept;
    private final int maxArena;

    TreeForeground(TreeExplainer explainer, double[][] foreground, int d) {
        this(explainer, foreground, d, defaultArena(explainer.flat().size()));
    }

    /** With at most {@code maxArena} cached block entries per tree (tests force the full-cache path with few). */
    TreeForeground(TreeExplainer explainer, double[][] foreground, int d, int maxArena) {
        this.explainer = explainer;
        this.foreground = foreground;
        this.d = d;
        this.splits = new SplitBins(explainer.flat(), d);
        this.foregroundBins = splits.bins(foreground);
        this.kept = new LeafAggregate[explainer.flat().size()];
        this.maxArena = maxArena;
    }

    /** An eighth of the heap shared by the trees, at least 4,096 entries each, at most a single pass's limit. */
    private static int defaultArena(int trees) {
        long perTree = Runtime.getRuntime().maxMemory() / 8 / ENTRY_BYTES / Math.max(1, trees);
        return (int) Math.max(4096, Math.min(LeafAggregate.MAX_ARENA, perTree));
    }

    @Override
    public synchronized double[][] of(double[][] background, Progress progress) {
        Rows.groups(foreground, background, explainer.model().width());
        return explainer.pass(background, splits, d, false, this::aggregate, progress);
    }

    /** Tree t's kept aggregate; each tree is in one lane, so one worker at a time touches it. */
    private LeafAggregate aggregate(int t) {
        if (kept[t] == null) {
            kept[t] = new LeafAggregate(explainer.flat().get(t), explainer.ensemble().weight(t), foreground, splits,
                    foregroundBins, LeafAggregate.blockLeaves(), maxArena, 0);
        }
        return kept[t];
    }
}
