package org.foolshap.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;

/**
 * Synthetic data shaped like Adult after the paper's preprocessing: 11 features, 7 categorical (with Adult's level
 * counts), a numeric tail (capital gain), gender as the sensitive feature. Used where the real file may be absent.
 */
public final class AdultLike {
    public static final Features FEATURES = Features.of(
            Feature.numeric("age"),
            Feature.categorical("workclass", List.of("Government", "Other/Unknown", "Private", "Self-Employed")),
            Feature.categorical("education", List.of("Assoc", "Bachelors", "Doctorate", "HS-grad", "Masters",
                    "Prof-school", "School", "Some-college")),
            Feature.categorical("marital-status", List.of("Divorced", "Married", "Separated", "Single", "Widowed")),
            Feature.categorical("relationship", List.of("Husband", "Not-in-family", "Other-relative", "Own-child",
                    "Unmarried", "Wife")),
            Feature.categorical("occupation", List.of("Blue-Collar", "Other/Unknown", "Professional", "Sales",
                    "Service", "White-Collar")),
            Feature.categorical("race", List.of("Amer-Indian-Eskimo", "Asian-Pac-Islander", "Black", "Other",
                    "White")),
            Feature.categorical("gender", List.of("Female", "Male")),
            Feature.numeric("capital-gain"),
            Feature.numeric("capital-loss"),
            Feature.numeric("hours-per-week"));

    public static final int GENDER = 7;

    private AdultLike() {
    }

    /** Rows (first) and 0/1 labels (last column dropped into {@code y}). */
    public static double[][] rows(int n, long seed, int[] y) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            int male = r.nextDouble() < 0.67 ? 1 : 0;
            double age = Math.min(90, Math.max(17, Math.round(38 + 13 * gaussian(r))));
            int married = r.nextDouble() < (male == 1 ? 0.6 : 0.15) ? 1 : r.nextInt(5);
            int relationship = married == 1 ? (male == 1 ? 0 : 5) : 1 + r.nextInt(4);
            double gain = r.nextDouble() < 0.08 ? Math.round(Math.exp(7 + 2 * r.nextDouble())) : 0;
            double loss = r.nextDouble() < 0.05 ? Math.round(1500 + 500 * gaussian(r)) : 0;
            double hours = Math.max(1, Math.round(40 + (male == 1 ? 4 : -4) + 11 * gaussian(r)));
            int education = r.nextInt(8);
            int occupation = r.nextInt(6);
            x[i] = new double[] {age, r.nextInt(4), education, married, relationship, occupation, r.nextInt(5), male,
                gain, loss, hours};
            double s = -2.2 + 0.04 * (age - 38) + (married == 1 ? 1.6 : 0) + (education == 1 || education == 4 ? 0.9 : 0)
                    + (education == 2 || education == 5 ? 1.4 : 0) + (occupation == 2 || occupation == 5 ? 0.6 : 0)
                    + (gain > 5000 ? 2.5 : 0) + (loss > 1700 ? 1 : 0) + 0.03 * (hours - 40) + 0.4 * male
                    + gaussian(r);
            if (y != null) {
                y[i] = s > 0 ? 1 : 0;
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
