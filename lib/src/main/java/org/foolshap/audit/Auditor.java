package org.foolshap.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The paper's detector (Section 4.1 and Appendix C, as in the official code). The auditor holds the model outputs
 * f(D_0), f(D_1) on both whole groups, and receives the supplied samples S_0', S_1' (it looks only at their outputs).
 * For each group it runs
 * <ul>
 *   <li>two two-sample Kolmogorov-Smirnov tests of f(S') against fresh uniform size-|S'| subsamples (with
 *   replacement) of f(D), each at level alpha / 8, and</li>
 *   <li>a two-sided Wald test W = sqrt(M) (mean f(S') - mean f(D)) / sd f(D) against N(0, 1) at level alpha / 4,</li>
 * </ul>
 * and declares the samples biased if any of the six rejects: total level alpha by Bonferroni.
 *
 * <p>Ties. KS p-values are exact permutation p-values with ties ({@link ExactKs}) by default, or Commons Statistics'
 * Monte Carlo {@code ESTIMATE} ({@link KsMethod#ESTIMATE}, seeded from the audit's generator, ~150 times slower).
 * Each audit is random only through its reference subsamples; every call takes a seed or a generator.
 */
public final class Auditor {
    /** How the KS p-values are computed. */
    public enum KsMethod {
        /** Exact permutation p-value, correct with ties ({@link ExactKs}). */
        EXACT,
        /** Apache Commons Statistics' {@code PValueMethod.ESTIMATE} with 10,000 iterations. */
        ESTIMATE
    }

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private final Population d0;
    private final Population d1;
    private final double significance;
    private final KsMethod ks;
    private final Model model;
    private final AuditSetting setting;

    private Auditor(Population d0, Population d1, double significance, KsMethod ks, Model model,
                    AuditSetting setting) {
        this.d0 = d0;
        this.d1 = d1;
        this.significance = significance;
        this.ks = ks;
        this.model = model;
        this.setting = setting;
    }

    /**
     * An auditor of a model in an audit setting: it computes f(D_0) and f(D_1) on the setting's groups and can then
     * audit supplied {@link Sample}s directly ({@link #audit(Sample, Sample, long)}). Significance 0.05, exact KS.
     */
    public static Auditor of(Model model, AuditSetting setting) {
        if (model.width() != setting.features().width()) {
            throw new IllegalArgumentException("the model takes " + model.width() + " features but the setting has "
                    + setting.features().width() + " " + setting.names());
        }
        return new Auditor(Population.of(setting.foregroundName() + " (D_0)", model.outputs(setting.rows(Group.FOREGROUND))),
                Population.of(setting.backgroundName() + " (D_1)", model.outputs(setting.rows(Group.BACKGROUND))),
                0.05, KsMethod.EXACT, model, setting);
    }

    /**
     * An auditor holding f(D_0) (foreground, e.g. women) and f(D_1) (background); significance 0.05, exact KS.
     * Outputs must be finite and not constant within a group.
     */
    public static Auditor of(double[] foregroundOutputs, double[] backgroundOutputs) {
        return new Auditor(Population.of("D_0 (foreground)", foregroundOutputs),
                Population.of("D_1 (background)", backgroundOutputs), 0.05, KsMethod.EXACT, null, null);
    }

    /** Total level alpha in (0, 1), shared by Bonferroni among the six tests. */
    public Auditor withSignificance(double alpha) {
        return new Auditor(d0, d1, checkLevel(alpha), ks, model, setting);
    }

    public Auditor withKsMethod(KsMethod method) {
        return new Auditor(d0, d1, significance, method, model, setting);
    }

    public double significance() {
        return significance;
    }

    Population foreground() {
        return d0;
    }

    Population background() {
        return d1;
    }

    /** f(D_0), the outputs on the whole foreground (a copy). */
    public double[] foregroundOutputs() {
        return d0.outputs().clone();
    }

    /** f(D_1), the outputs on the whole background (a copy). */
    public double[] backgroundOutputs() {
        return d1.outputs().clone();
    }

    /** The audited model, when built with {@link #of(Model, AuditSetting)}. */
    public Optional<Model> model() {
        return Optional.ofNullable(model);
    }

    /** The audit setting, when built with {@link #of(Model, AuditSetting)}. */
    public Optional<AuditSetting> setting() {
        return Optional.ofNullable(setting);
    }

    /** The output scale of the audited model (probability when only outputs were given). */
    public OutputScale scale() {
        return model == null ? OutputScale.PROBABILITY : model.scale();
    }

    /** f on a supplied sample; needs the model ({@link #of(Model, AuditSetting)}). */
    public double[] outputs(Sample sample) {
        if (model == null) {
            throw new IllegalStateException("this auditor holds outputs only: pass outputs to audit(...), or build it "
                    + "with Auditor.of(model, setting)");
        }
        return model.outputs(sample.rows());
    }

    /** The paper's six tests on supplied samples S_0' (of D_0) and S_1' (of D_1), references drawn from seed. */
    public AuditVerdict audit(Sample s0, Sample s1, long seed) {
        if (s0.group() != Group.FOREGROUND || s1.group() != Group.BACKGROUND) {
            throw new IllegalArgumentException("audit(S_0', S_1') takes a sample of D_0 then one of D_1, got "
                    + s0.group().symbol() + " and " + s1.group().symbol());
        }
        return audit(outputs(s0), outputs(s1), seed);
    }

    public int foregroundSize() {
        return d0.size();
    }

    public int backgroundSize() {
        return d1.size();
    }

    /** The full audit with all six outcomes, reference subsamples drawn from {@code seed}. */
    public AuditVerdict audit(double[] s0Outputs, double[] s1Outputs, long seed) {
        return audit(s0Outputs, s1Outputs, new SplittableRandom(seed));
    }

    public AuditVerdict audit(double[] s0Outputs, double[] s1Outputs, SplittableRandom rng) {
        check("S_0'", s0Outputs);
        check("S_1'", s1Outputs);
        List<TestOutcome> out = new ArrayList<>(6);
        SplittableRandom ksRng = rng.split(); // taken whatever the KS method, so both draw the same references
        group(d0, "D_0", s0Outputs, rng, ksRng, out, false);
        group(d1, "D_1", s1Outputs, rng, ksRng, out, false);
        return AuditVerdict.of(out, significance);
    }

    /**
     * Whether the audit rejects, stopping at the first rejection (the lambda sweep calls this thousands of times).
     * Consumes the generator differently from {@link #audit}, so the two need not agree draw for draw.
     */
    public boolean detects(double[] s0Outputs, double[] s1Outputs, SplittableRandom rng) {
        check("S_0'", s0Outputs);
        check("S_1'", s1Outputs);
        List<TestOutcome> out = new ArrayList<>(6);
        SplittableRandom ksRng = rng.split();
        return group(d0, "D_0", s0Outputs, rng, ksRng, out, true)
                || group(d1, "D_1", s1Outputs, rng, ksRng, out, true);
    }

    /** The three tests of one group; with {@code stopEarly}, returns at the first rejection. */
    private boolean group(Population d, String name, double[] s, SplittableRandom rng, SplittableRandom ksRng,
                          List<TestOutcome> out, boolean stopEarly) {
        int m = s.length;
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= m;
        double w = Math.sqrt(m) * (mean - d.mean()) / d.sd();
        TestOutcome wald = TestOutcome.of("Wald " + name, w, 2 * NORMAL.survivalProbability(Math.abs(w)),
                significance / 4);
        out.add(wald);
        if (stopEarly && wald.reject()) {
            return true;
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        // both references first, so that the KS method does not change which references are drawn
        double[][] refs = new double[2][];
        for (int k = 0; k < 2; k++) {
            refs[k] = Draws.pick(d.outputs(), Draws.uniform(d.size(), m, rng));
            Arrays.sort(refs[k]);
        }
        for (int k = 1; k <= 2; k++) {
            double[] sp = ks(sorted, refs[k - 1], ksRng);
            TestOutcome t = TestOutcome.of("KS-" + k + " " + name, sp[0], sp[1], significance / 8);
            out.add(t);
            if (stopEarly && t.reject()) {
                return true;
            }
        }
        return out.stream().anyMatch(TestOutcome::reject);
    }

    private double[] ks(double[] sortedSample, double[] sortedRef, SplittableRandom rng) {
        if (ks == KsMethod.EXACT) {
            ExactKs.Result r = ExactKs.testSorted(sortedSample, sortedRef);
            return new double[] {r.statistic(), r.pValue()};
        }
        UniformRandomProvider provider = rng::nextLong;
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().with(PValueMethod.ESTIMATE)
                .with(provider).test(sortedSample, sortedRef);
        return new double[] {r.getStatistic(), r.getPValue()};
    }

    static double checkLevel(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the significance must be in (0, 1), got " + alpha);
        }
        return alpha;
    }

    private static void check(String what, double[] outputs) {
        if (outputs == null || outputs.length == 0) {
            throw new IllegalArgumentException("the outputs of the supplied sample " + what + " are empty");
        }
        for (int i = 0; i < outputs.length; i++) {
            if (!Double.isFinite(outputs[i])) {
                throw new IllegalArgumentException("the outputs of the supplied sample " + what + " have " + outputs[i]
                        + " at position " + i);
            }
        }
    }
}
