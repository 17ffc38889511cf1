package org.foolshap.attack;

import java.util.Locale;
import java.util.Optional;
import org.foolshap.Tabular;
import org.foolshap.audit.AuditVerdict;
import org.foolshap.audit.Auditor;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.Attributions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything one Fool SHAP run produced (paper, Section 5 protocol), in its audit setting: the supplied samples as
 * tables of real rows, the attributions before and after, the sweep and the final audit.
 *
 * @param setting     the audit setting attacked (for the lower tier, one built from the rows)
 * @param sensitive   index of the attacked feature
 * @param s0          S_0': positions in the foreground (uniform, honest)
 * @param s1          S_1': positions in the background, drawn from the weights at lambda*
 * @param honestS1    an honest uniform S_1' of the same size, the "before" picture
 * @param before      SHAP run on S_0' x honest S_1'
 * @param after       SHAP run on S_0' x S_1' (the manipulated explanation shown to the auditor)
 * @param fullPhi     Phi with the whole background (mean of the coefficient rows): the honest value without sampling
 * @param sweep       the lambda sweep, with lambda* and the curves
 * @param chosen      the sweep point S_1' was drawn from: lambda*, or when no lambda was stealthy enough the least
 *                    detected one (the attack then did not succeed)
 * @param finalAudit  the auditor's verdict on the supplied S_0', S_1' at the chosen significance
 * @param bruteForce  the brute-force baseline, when baselines ran
 * @param genetic     the genetic baseline, when baselines ran
 * @param auditor     the auditor of the final audit (holds f(D_0), f(D_1) and the model)
 * @param seconds     wall time of the whole run
 */
public record AttackResult(AuditSetting setting, int sensitive, int[] s0, int[] s1, int[] honestS1,
                           Attributions before, Attributions after, double[] fullPhi, SweepResult sweep,
                           LambdaPoint chosen, AuditVerdict finalAudit, Optional<BruteForce.Result> bruteForce,
                           Optional<GeneticAttack.Result> genetic, Auditor auditor, double seconds)
        implements Tabular {
    public AttackResult {
        s0 = s0.clone();
        s1 = s1.clone();
        honestS1 = honestS1.clone();
        fullPhi = fullPhi.clone();
    }

    @Override
    public int[] s0() {
        return s0.clone();
    }

    @Override
    public int[] s1() {
        return s1.clone();
    }

    @Override
    public int[] honestS1() {
        return honestS1.clone();
    }

    @Override
    public double[] fullPhi() {
        return fullPhi.clone();
    }

    /** S_0' as handed to the auditor: the real foreground rows with their source row ids. */
    public Sample sampleS0() {
        return setting.sample(Group.FOREGROUND, s0, "S_0'");
    }

    /** S_1' as handed to the auditor: the real background rows drawn from the stealthy weights. */
    public Sample sampleS1() {
        return setting.sample(Group.BACKGROUND, s1, "S_1'");
    }

    /** The honest uniform S_1' of the "before" picture. */
    public Sample honestSampleS1() {
        return setting.sample(Group.BACKGROUND, honestS1, "honest S_1'");
    }

    /** The attacked feature's name. */
    public String sensitiveName() {
        return before.features().get(sensitive);
    }

    public OutputScale scale() {
        return before.scale();
    }

    /** lambda* (or the least detected lambda when none was stealthy). */
    public double lambda() {
        return chosen.lambda();
    }

    /** How often the R audits at the chosen lambda detected the attack. */
    public double detectionRate() {
        return chosen.detectionRate();
    }

    /** Whether the final audit rejected the supplied samples. */
    public boolean detected() {
        return finalAudit.detected();
    }

    public double phiBefore() {
        return before.values()[sensitive];
    }

    public double phiAfter() {
        return after.values()[sensitive];
    }

    /** 1 - |Phi_s after| / |Phi_s before| (both from SHAP on the actual samples): 0.9 is a 90% decrease. */
    public double relativeDecrease() {
        return 1 - Math.abs(phiAfter()) / Math.abs(phiBefore());
    }

    /** As {@link #relativeDecrease()} but against the whole-background value, which has no sampling noise. */
    public double relativeDecreaseVsFull() {
        return 1 - Math.abs(phiAfter()) / Math.abs(fullPhi[sensitive]);
    }

    /** The attack worked: a stealthy lambda exists, the final audit accepts, and |Phi_s| went down. */
    public boolean succeeded() {
        return sweep.succeeded() && !detected() && Math.abs(phiAfter()) < Math.abs(phiBefore());
    }

    /**
     * One row per feature: Phi with the honest S_1' and its CI half-width, Phi with the stealthy S_1' and its
     * half-width, and Phi with the whole background.
     */
    @Override
    public Table toTable() {
        return Table.create("attack").addColumns(
                StringColumn.create("feature", before.features()),
                DoubleColumn.create("phi_honest", before.values()),
                DoubleColumn.create("ci_honest", before.halfWidths()),
                DoubleColumn.create("phi_manipulated", after.values()),
                DoubleColumn.create("ci_manipulated", after.halfWidths()),
                DoubleColumn.create("phi_all_background", fullPhi));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: Phi %.5f (rank %d) -> %.5f (rank %d), a %.1f%% decrease of |Phi|; "
                        + "lambda %.3g detected in %.0f%% of %d simulated audits; final audit at %s: %s; attack %s.",
                sensitiveName(), phiBefore(), before.rank(sensitiveName()), phiAfter(), after.rank(sensitiveName()),
                100 * relativeDecrease(), lambda(), 100 * detectionRate(), chosen.repeats(),
                finalAudit.significance(), detected() ? "DETECTED" : "accepted",
                succeeded() ? "succeeded" : "failed");
    }
}
