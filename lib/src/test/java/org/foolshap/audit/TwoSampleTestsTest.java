package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import org.junit.jupiter.api.Test;

/**
 * The two-sample tests on rows (MMD, energy, classifier) and on values (Anderson-Darling, Cramer-von Mises): exact
 * permutation p-values on tiny samples, p-values uniform under the null, power above alpha under a shift.
 */
class TwoSampleTestsTest {
    /** Rows with two Gaussian columns (the first shifted by {@code shift}) and a three-level column. */
    static double[][] rows(int n, double shift, SplittableRandom r) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian() + shift, r.nextGaussian(), r.nextInt(3)};
        }
        return x;
    }

    static double[] values(int n, double shift, SplittableRandom r) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.round(4 * (r.nextGaussian() + shift)) / 4.0; // ties, as model outputs have
        }
        return x;
    }

    // ---- exactness: the permutation p-value is the share of all splits at least as extreme ----

    /** Brute force: every split of the pooled rows into m and n, with the test's own statistic. */
    static double bruteForceRows(double[][] x, double[][] y, ToDoubleBiFunction<double[][], double[][]> stat) {
        double[][] pooled = Kernels.pool(x, y);
        double observed = stat.applyAsDouble(x, y);
        int n = pooled.length;
        int hits = 0;
        int total = 0;
        for (int mask = 0; mask < 1 << n; mask++) {
            if (Integer.bitCount(mask) != x.length) {
                continue;
            }
            List<double[]> a = new ArrayList<>();
            List<double[]> b = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ((mask >> i & 1) == 1 ? a : b).add(pooled[i]);
            }
            double t = stat.applyAsDouble(a.toArray(double[][]::new), b.toArray(double[][]::new));
            hits += t >= observed - 1e-12 * Math.max(1, Math.abs(observed)) ? 1 : 0;
            total++;
        }
        return hits / (double) total;
    }

    static double bruteForceValues(double[] x, double[] y, EdfTest test) {
        double[][] rx = new double[x.length][];
        double[][] ry = new double[y.length][];
        for (int i = 0; i < x.length; i++) {
            rx[i] = new double[] {x[i]};
        }
        for (int i = 0; i < y.length; i++) {
            ry[i] = new double[] {y[i]};
        }
        return bruteForceRows(rx, ry, (a, b) -> test.statistic(column(a), column(b)));
    }

    static double[] column(double[][] rows) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][0];
        }
        return c;
    }

    @Test
    void permutationPValuesAreExactOnTinySamples() {
        SplittableRandom r = new SplittableRandom(1);
        for (int trial = 0; trial < 6; trial++) {
            int m = 2 + trial % 3;
            double[][] x = rows(m, trial * 0.5, r);
            double[][] y = rows(7 - m, 0, r);
            MmdTest mmd = MmdTest.withDefaults();
            TestResult tm = mmd.test(x, y, trial);
            assertTrue(tm.exact(), "C(7, m) splits are enumerated");
            assertEquals(bruteForceRows(x, y, mmd::statistic), tm.pValue(), 1e-12, "MMD, m = " + m);
            assertEquals(mmd.statistic(x, y), tm.statistic(), 1e-12);
            EnergyTest energy = EnergyTest.withDefaults();
            TestResult te = energy.test(x, y, trial);
            assertEquals(bruteForceRows(x, y, energy::statistic), te.pValue(), 1e-12, "energy, m = " + m);
            double[] vx = column(x);
            double[] vy = column(y);
            for (EdfTest t : List.of(EdfTest.andersonDarling(), EdfTest.cramerVonMises(), EdfTest.kolmogorovSmirnov())) {
                TestResult tv = t.test(vx, vy, trial);
                assertTrue(tv.exact());
                assertEquals(bruteForceValues(vx, vy, t), tv.pValue(), 1e-12, t.kind() + ", m = " + m);
            }
        }
        // ties: x = {0, 0, 1}, y = {1, 2, 2}: the most extreme of the 20 splits up to the mirror image
        double[] x = {0, 0, 1};
        double[] y = {1, 2, 2};
        for (EdfTest t : List.of(EdfTest.andersonDarling(), EdfTest.cramerVonMises())) {
            assertEquals(bruteForceValues(x, y, t), t.test(x, y, 0).pValue(), 1e-12, t.kind() + " with ties");
            assertTrue(t.test(x, y, 0).pValue() <= 0.2, t.kind() + " " + t.test(x, y, 0));
        }
    }

    @Test
    void monteCarloPermutationAgreesWithEnumeration() {
        SplittableRandom r = new SplittableRandom(2);
        double[][] x = rows(7, 0.7, r);
        double[][] y = rows(7, 0, r); // C(14, 7) = 3432 splits
        double exact = MmdTest.withDefaults().withPermutations(5000).test(x, y, 3).pValue();
        TestResult mc = MmdTest.withDefaults().withPermutations(2000).test(x, y, 3);
        assertTrue(!mc.exact() && mc.resamples() == 2000);
        double sd = Math.sqrt(exact * (1 - exact) / 2000);
        assertEquals(exact, mc.pValue(), 4 * sd + 1e-3, "Monte Carlo permutation p-value near the exact one");
    }

    @Test
    void classifierNullLawIsTheExactArrangementDistribution() {
        // a held-out set of 6 rows, 2 of them from x, the model predicting "x" for the rows {0, 3, 4}
        int held = 6;
        int positives = 2;
        boolean[] predicted = {true, false, false, true, true, false};
        double[] brute = new double[held + 1];
        int arrangements = 0;
        for (int a = 0; a < held; a++) {
            for (int b = a + 1; b < held; b++) {
                int correct = 0;
                for (int i = 0; i < held; i++) {
                    boolean label = i == a || i == b;
                    correct += label == predicted[i] ? 1 : 0;
                }
                brute[correct]++;
                arrangements++;
            }
        }
        double[] d = ClassifierTest.heldOutDistribution(held, positives, 3);
        for (int c = 0; c <= held; c++) {
            assertEquals(brute[c] / arrangements, d[c], 1e-12, "P(correct = " + c + ")");
        }
    }

    // ---- calibration: p-values uniform under the null ----

    @Test
    void rowTestsAreUniformUnderTheNull() {
        int reps = 200;
        double[] mmd = new double[reps];
        double[] energy = new double[reps];
        double[] classifier = new double[reps];
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < reps; k++) {
            double[][] x = rows(25, 0, r);
            double[][] y = rows(25, 0, r);
            mmd[k] = MmdTest.withDefaults().withPermutations(199).test(x, y, k).pValue();
            energy[k] = EnergyTest.withDefaults().withPermutations(199).test(x, y, k).pValue();
            classifier[k] = ClassifierTest.withDefaults().test(x, y, k).pValue();
        }
        PValueChecks.assertUniform(mmd, "MMD");
        PValueChecks.assertUniform(energy, "energy");
        // the accuracy is discrete: its p-values are valid (never too many small ones), not exactly uniform
        PValueChecks.assertSuperUniform(classifier, "classifier");
        assertTrue(java.util.Arrays.stream(classifier).filter(p -> p < 0.05).count() <= reps * 0.05 + 2 * Math.sqrt(
                reps * 0.05), "classifier: " + PValueChecks.summary(classifier));
    }

    @Test
    void classifierStaysValidInHighDimension() {
        // many features, few rows: where pooling cross-validated folds as if independent flagged honest samples
        int reps = 150;
        double[] p = new double[reps];
        SplittableRandom r = new SplittableRandom(8);
        for (int k = 0; k < reps; k++) {
            double[][] x = new double[40][60];
            double[][] y = new double[40][60];
            for (double[][] s : List.of(x, y)) {
                for (double[] row : s) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = r.nextGaussian();
                    }
                }
            }
            p[k] = ClassifierTest.withDefaults().test(x, y, k).pValue();
        }
        PValueChecks.assertSuperUniform(p, "classifier, 60 features");
        assertTrue(java.util.Arrays.stream(p).filter(v -> v < 0.05).count() <= reps * 0.05 + 2 * Math.sqrt(reps * 0.05),
                PValueChecks.summary(p));
    }

    @Test
    void edfTestsAreUniformUnderTheNull() {
        int reps = 300;
        double[] ad = new double[reps];
        double[] cvm = new double[reps];
        SplittableRandom r = new SplittableRandom(6);
        for (int k = 0; k < reps; k++) {
            double[] x = values(30, 0, r);
            double[] y = values(40, 0, r);
            ad[k] = EdfTest.andersonDarling().withPermutations(199).test(x, y, k).pValue();
            cvm[k] = EdfTest.cramerVonMises().withPermutations(199).test(x, y, k).pValue();
        }
        PValueChecks.assertUniform(ad, "Anderson-Darling");
        PValueChecks.assertUniform(cvm, "Cramer-von Mises");
    }

    // ---- power: a shift is found far more often than alpha ----

    @Test
    void everyTestHasPowerAgainstAShift() {
        int reps = 40;
        int[] hits = new int[5];
        SplittableRandom r = new SplittableRandom(7);
        for (int k = 0; k < reps; k++) {
            double[][] x = rows(40, 0.9, r);
            double[][] y = rows(40, 0, r);
            hits[0] += MmdTest.withDefaults().withPermutations(199).test(x, y, k).reject(0.05) ? 1 : 0;
            hits[1] += EnergyTest.withDefaults().withPermutations(199).test(x, y, k).reject(0.05) ? 1 : 0;
            hits[2] += ClassifierTest.withDefaults().test(x, y, k).reject(0.05) ? 1 : 0;
            double[] vx = values(40, 0.6, r);
            double[] vy = values(40, 0, r);
            hits[3] += EdfTest.andersonDarling().withPermutations(199).test(vx, vy, k).reject(0.05) ? 1 : 0;
            hits[4] += EdfTest.cramerVonMises().withPermutations(199).test(vx, vy, k).reject(0.05) ? 1 : 0;
        }
        String[] names = {"MMD", "energy", "classifier", "AD", "CvM"};
        for (int t = 0; t < hits.length; t++) {
            assertTrue(hits[t] >= reps / 2, names[t] + " rejects a shift in " + hits[t] + " of " + reps);
        }
    }

    @Test
    void badInputNamesTheProblem() {
        double[][] ok = {{1, 2}, {3, 4}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MmdTest.withDefaults().test(ok,
                new double[][] {{1, 2, 3}}, 1)).getMessage().contains("columns"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnergyTest.withDefaults().test(ok,
                new double[][] {{1, Double.NaN}}, 1)).getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> MmdTest.withDefaults().withBandwidth(0));
        assertThrows(IllegalArgumentException.class, () -> EnergyTest.withDefaults().withPermutations(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClassifierTest.withDefaults().test(ok, ok, 1))
                .getMessage().contains("3-fold"));
        assertThrows(IllegalArgumentException.class, () -> EdfTest.andersonDarling().test(new double[0], new double[] {1}, 1));
    }
}
