package org.foolshap.attack;

import org.foolshap.audit.AuditVerdict;
import org.foolshap.shap.Attributions;

/**
 * Everything one Fool SHAP run produced (paper, Section 5 protocol).
 *
 * @param sensitive   index of the attacked feature
 * @param s0          S_0': row indices into the foreground (uniform, honest)
 * @param s1          S_1': row indices into the background, drawn from the weights at lambda*
 * @param honestS1    an honest uniform S_1' of the same size, the "before" picture
 * @param before      SHAP run on S_0' x honest S_1'
 * @param after       SHAP run on S_0' x S_1' (the manipulated explanation shown to the auditor)
 * @param fullPhi     Phi with the whole background (mean of the coefficient rows): the honest value without sampling
 * @param sweep       the lambda sweep, with lambda* and the curves
 * @param chosen      the sweep point S_1' was drawn from: lambda*, or when no lambda was stealthy enough the least
 *                    detected one (the attack then did not succeed)
 * @param finalAudit  the auditor's verdict on the supplied S_0', S_1' at the chosen significance
 * @param bruteForce  the brute-force baseline (null when baselines are off)
 * @param genetic     the genetic baseline (null when off)
 * @param seconds     wall time of the whole run
 */
public record AttackResult(int sensitive, int[] s0, int[] s1, int[] honestS1, Attributions before,
                           Attributions after, double[] fullPhi, SweepResult sweep, LambdaPoint chosen,
                           AuditVerdict finalAudit,
                           BruteForce.Result bruteForce, GeneticAttack.Result genetic, double seconds) {
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
}
