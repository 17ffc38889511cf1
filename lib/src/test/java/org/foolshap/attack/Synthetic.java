package org.foolshap.attack;

import java.util.SplittableRandom;
import org.foolshap.model.Model;

/**
 * A small biased world for attack tests: features (age, gender, hours, capital); the model's output depends on
 * gender through an interaction with hours. Outputs are continuous: with heavily tied outputs, moving mass inside a
 * block of equal outputs costs no transport, and the attack overshoots past zero at every lambda (see the report).
 * Foreground = gender 0, background = gender 1.
 */
final class Synthetic {
    static final int GENDER = 1;

    private Synthetic() {
    }

    static Model model() {
        return Model.of(4, x -> {
            double z = -1.2 + 0.8 * x[0] + 1.6 * x[1] * x[2] + 0.6 * x[3];
            return 1 / (1 + Math.exp(-z));
        });
    }

    static double[][] group(int n, int gender, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), gender, r.nextGaussian() + 0.3 * gender,
                Math.round(Math.max(0, r.nextGaussian())) };
        }
        return x;
    }
}
