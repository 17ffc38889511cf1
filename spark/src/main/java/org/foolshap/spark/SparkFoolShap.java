package org.foolshap.spark;

import org.apache.spark.sql.SparkSession;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;

/**
 * The whole Fool SHAP protocol (the library's {@link FoolShap}, paper Sections 4-5) on a background held by Spark:
 * the background's encoded rows are collected to the driver in row id order, the one expensive step, the coefficients
 * C[j][i] = Phi_i(f, S_0', z_j) over every background row, runs on the cluster ({@link DistributedCoefficients}), and
 * the rest (exact weights from (c_j, f(z_j)), the lambda sweep with its audits on the collected outputs, the samples,
 * the final audit, the baselines) is the library's code on the driver. Hence the same S_0', weights, lambda* and
 * samples as {@code FoolShap} in one JVM on the same rows in id order with the same seed.
 *
 * <p>Driver limit: the sweep holds about five copies of N x (d + 1) doubles (rows, coefficients, the setting's
 * copies); {@link DriverLimit} refuses with one line when that passes half the driver's heap (about 3 million
 * Adult rows on a 4 GB driver). The exact weights themselves cost O(N log N): 10^7 rows in about a second.
 */
public final class SparkFoolShap {
    private final FoolShap attack;
    private final int threads;

    private SparkFoolShap(FoolShap attack, int threads) {
        this.attack = attack;
        this.threads = threads;
    }

    /** The attack with the given settings (M, lambdas, repeats, seed, baselines...); its explainer is replaced. */
    public static SparkFoolShap of(FoolShap attack) {
        return new SparkFoolShap(attack, 1);
    }

    public SparkFoolShap withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads per task must be at least 1, got " + threads);
        }
        return new SparkFoolShap(attack, threads);
    }

    /**
     * Attacks Phi_s of feature {@code sensitive} for the foreground D_0 (on the driver) against the Spark background
     * D_1; samples are returned as positions in id order and as row ids.
     */
    public SparkAttackResult attack(SparkSession spark, ExplainedModel model, double[][] foreground,
                                    SparkBackground background, int sensitive) {
        DriverLimit.check(background.count(), model.names().size() + 1, 5, "the attack's sweep");
        EncodedPart rows = background.collect();
        DistributedExplainer explainer = new DistributedExplainer(spark, model, background, rows.rows(), threads);
        AttackResult r = attack.withExplainer(explainer).withNames(model.names())
                .attack(foreground, rows.rows(), sensitive);
        return new SparkAttackResult(r, rows.ids());
    }
}
