package org.foolshap;

import java.util.List;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.FoolShap;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Datasets;
import org.foolshap.model.Model;
import org.foolshap.shap.Explainers;

/**
 * A small audit for tests of the notebook-facing API: the paper's toy employment data (sensitive {@code sex},
 * protected value Female, so D_0 = women), a smooth model of its five features in which sex matters directly, and
 * a fast Fool SHAP configuration (exact SHAP, M = 40, five lambdas, 20 audits each, no baselines). Everything is
 * seeded; {@link #attack()} is computed once per JVM and shared, since results are immutable.
 */
public final class ToyAudit {
    /** Toy rows: about 200 per group, enough for M = 40 without many repeats. */
    public static final int ROWS = 400;
    public static final long DATA_SEED = 7;
    public static final int M = 40;

    private ToyAudit() {
    }

    /** The toy setting with its own sensitive attribute, groups named women and men. */
    public static AuditSetting setting() {
        return AuditSetting.of(Datasets.toy(ROWS, DATA_SEED)).withGroupNames("women", "men");
    }

    /**
     * P(employed) = sigmoid(0.25 (muscle - 28) + 0.06 (height - 170) + 0.8 [male] + 0.01 noise1), features found by
     * name in the setting, so the model follows its encoding (sex is coded by level: the men's code gets the bonus).
     */
    public static Model model(AuditSetting setting) {
        List<String> names = setting.names();
        int sex = names.indexOf("sex");
        int height = names.indexOf("height");
        int muscle = names.indexOf("muscle");
        int noise = names.indexOf("noise1");
        double male = setting.features().get(sex).code("Male");
        return Model.of(names.size(), x -> {
            double z = 0.25 * (x[muscle] - 28) + 0.06 * (x[height] - 170) + (x[sex] == male ? 0.8 : 0)
                    + 0.01 * x[noise];
            return 1 / (1 + Math.exp(-z));
        });
    }

    /** The fast attack configuration, explaining {@link #model} exactly. */
    public static FoolShap foolShap(AuditSetting setting) {
        return FoolShap.of(Explainers.exact(model(setting))).withBaselines(false).withM(M).withRepeats(20)
                .withLambdas(0.1, 0.5, 2, 10, 50).withSeed(11);
    }

    /** {@code foolShap(setting()).attack(setting())}, computed once. */
    public static AttackResult attack() {
        return Shared.ATTACK;
    }

    private static final class Shared {
        private static final AttackResult ATTACK = run();

        private static AttackResult run() {
            AuditSetting setting = setting();
            return foolShap(setting).attack(setting);
        }
    }
}
