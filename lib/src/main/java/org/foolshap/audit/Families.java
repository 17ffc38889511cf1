package org.foolshap.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** How each {@link AuditFamily} is prepared against the groups the auditor holds, then run on supplied samples. */
final class Families {
    private static final List<String> LABELS = List.of("S_0'", "S_1'");

    private Families() {
    }

    /** A family ready to audit supplied samples of the prepared sizes. */
    interface Prepared {
        AuditVerdict audit(double[][] s0, double[][] s1, double[] y0, double[] y1, SplittableRandom rng);
    }

    /** What the auditor holds and how the Monte Carlo families draw; embeddings computed once, on demand. */
    static final class Context {
        final Auditor auditor;
        final double[][][] groups;
        final boolean[] categorical;
        final List<String> names;
        final int[] ms;
        final int draws;
        final boolean replacement;
        final int referenceSize;
        private final Embedding[] embeddings = new Embedding[2];
        private final double[][][] embedded = new double[2][][];

        Context(Auditor auditor, double[][] d0, double[][] d1, boolean[] categorical, List<String> names, int m0,
                int m1, int draws, boolean replacement, int referenceSize) {
            this.auditor = auditor;
            this.groups = new double[][][] {d0, d1};
            this.categorical = categorical;
            this.names = names;
            this.ms = new int[] {m0, m1};
            this.draws = draws;
            this.replacement = replacement;
            this.referenceSize = referenceSize;
        }

        int[] sizes() {
            return new int[] {groups[0].length, groups[1].length};
        }

        Embedding embedding(int g) {
            if (embeddings[g] == null) {
                embeddings[g] = Embedding.fit(groups[g], categorical);
            }
            return embeddings[g];
        }

        double[][] embedded(int g) {
            if (embedded[g] == null) {
                embedded[g] = embedding(g).embed(groups[g]);
            }
            return embedded[g];
        }

        double[] outputs(int g) {
            return (g == 0 ? auditor.foreground() : auditor.background()).outputs();
        }
    }

    static Prepared prepare(AuditFamily family, Context c, double alpha, SplittableRandom rng) {
        return switch (family) {
            case PAPER -> {
                Auditor a = c.auditor.withSignificance(alpha);
                yield (s0, s1, y0, y1, r) -> a.audit(y0, y1, r);
            }
            case DUPLICATES -> (s0, s1, y0, y1, r) -> AuditVerdict.of(List.of(
                    DuplicateTest.rows("S_0'", s0, c.groups[0], alpha / 2, r.nextLong()),
                    DuplicateTest.rows("S_1'", s1, c.groups[1], alpha / 2, r.nextLong())), alpha);
            case FEATURES -> monteCarlo(List.of(new FeatureStatistics(c.groups[0], c.categorical, c.names),
                    new FeatureStatistics(c.groups[1], c.categorical, c.names)), c, alpha, rng);
            case OUTPUTS -> monteCarlo(List.of(new OutputStatistics(c.outputs(0)), new OutputStatistics(c.outputs(1))),
                    c, alpha, rng);
            case MMD, ENERGY -> {
                List<GroupStatistics> stats = new ArrayList<>(2);
                for (int g = 0; g < 2; g++) {
                    int n = c.groups[g].length;
                    int[] ref = HonestDraws.positions(n, Math.min(c.referenceSize, n), false, rng);
                    stats.add(family == AuditFamily.MMD ? KernelStatistics.mmd(c.embedding(g), c.embedded(g), ref)
                            : KernelStatistics.energy(c.embedding(g), c.embedded(g), ref));
                }
                yield monteCarlo(stats, c, alpha, rng);
            }
            case CLASSIFIER -> classifier(c, alpha);
        };
    }

    private static Prepared monteCarlo(List<GroupStatistics> stats, Context c, double alpha, SplittableRandom rng) {
        MonteCarloNull mc = MonteCarloNull.draw(stats, LABELS, c.sizes(), c.ms, c.draws, c.replacement, rng);
        return (s0, s1, y0, y1, r) -> mc.test(mc.observe(List.of(s0, s1), java.util.Arrays.asList(y0, y1)), alpha);
    }

    /** Each sample against a fresh uniform sample of its group of the same size, alpha / 2 each. */
    private static Prepared classifier(Context c, double alpha) {
        Embedding e0 = c.embedding(0);
        Embedding e1 = c.embedding(1);
        ClassifierTest test = ClassifierTest.withDefaults();
        return (s0, s1, y0, y1, r) -> {
            List<TestOutcome> out = new ArrayList<>(2);
            for (int g = 0; g < 2; g++) {
                double[][] s = g == 0 ? s0 : s1;
                Embedding e = g == 0 ? e0 : e1;
                double[][] ref = Draws.pick(c.groups[g],
                        HonestDraws.positions(c.groups[g].length, s.length, c.replacement, r));
                TestResult t = test.test(e.embed(s), e.embed(ref), r.nextLong());
                out.add(TestOutcome.of("classifier " + LABELS.get(g), t.statistic(), t.pValue(), alpha / 2));
            }
            return AuditVerdict.of(out, alpha);
        };
    }
}
