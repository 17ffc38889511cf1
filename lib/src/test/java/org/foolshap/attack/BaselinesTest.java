package org.foolshap.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.foolshap.audit.Auditor;
import org.foolshap.model.Model;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    @Test
    void bruteForceKeepsTheBestUndetectedSample() {
        Auditor auditor = Auditor.of(LambdaSweepTest.F0, LambdaSweepTest.F1);
        BruteForce.Result r = BruteForce.withDefaults().withMaxTries(300).withSeconds(30).withSeed(2)
                .run(LambdaSweepTest.C, 0, LambdaSweepTest.F1, LambdaSweepTest.s0Outputs(), auditor);
        assertTrue(r.found());
        assertEquals(300, r.tries());
        assertEquals(r.target(), r.phi()[0], 1e-12);
        int[] all = java.util.stream.IntStream.range(0, LambdaSweepTest.N).toArray();
        double honest = Coefficients.phi(LambdaSweepTest.C, all)[0];
        assertTrue(Math.abs(r.target()) < Math.abs(honest), "best of 300 honest samples beats the mean");
        assertThrows(IllegalArgumentException.class, () -> BruteForce.withDefaults().withSeconds(0));
    }

    @Test
    void geneticStopsAfterTenConsecutiveDetections() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(300, 0, 1);
        double[][] men = Synthetic.group(400, 1, 2);
        // The auditor's background outputs are all far below anything the model gives: every audit detects.
        double[] f0 = explainer.model().outputs(women);
        double[] impossible = new double[400];
        for (int i = 0; i < impossible.length; i++) {
            impossible[i] = -10 - i % 7;
        }
        Auditor auditor = Auditor.of(f0, impossible);
        GeneticAttack.Result r = GeneticAttack.withDefaults().withPopulation(6).withMaxGenerations(50)
                .withSeconds(60).run(explainer, java.util.Arrays.copyOf(women, 50), java.util.Arrays.copyOf(men, 50),
                        Synthetic.GENDER, auditor);
        assertEquals(GeneticAttack.Stop.DETECTIONS, r.stop());
        assertEquals(10, r.generations());
        assertFalse(r.found());
    }

    @Test
    void geneticShrinksTheAttributionWhenUndetected() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(300, 0, 1);
        double[][] men = Synthetic.group(400, 1, 2);
        Auditor auditor = Auditor.of(explainer.model().outputs(women), explainer.model().outputs(men));
        double[][] s0 = java.util.Arrays.copyOf(women, 60);
        double[][] s1 = java.util.Arrays.copyOf(men, 60);
        boolean[] categorical = {false, true, false, false};
        GeneticAttack.Result r = GeneticAttack.withDefaults().withPopulation(8).withMaxGenerations(8)
                .withCategorical(categorical).withSeed(1).run(explainer, s0, s1, Synthetic.GENDER, auditor);
        assertTrue(r.found());
        int[] all = java.util.stream.IntStream.range(0, 60).toArray();
        double start = Coefficients.phi(explainer.coefficients(s0, s1), all)[Synthetic.GENDER];
        for (double[] row : r.rows()) {
            assertEquals(1, row[Synthetic.GENDER], "categorical column changed");
        }
        assertEquals(GeneticAttack.Stop.GENERATIONS, r.stop());
        // every audited champion is at least as good as the initial sample, which is in generation one
        assertTrue(Math.abs(r.target()) <= Math.abs(start), r.target() + " vs " + start);
        assertEquals(r.target(), r.phi()[Synthetic.GENDER], 1e-12);
    }

    /**
     * The published setting: population 10 and exactly 100 generations when no audit ever fires (no early stop, no
     * time limit); the operators keep categorical columns, zeros (capital = 0) and the initial range of each column.
     */
    @Test
    void publishedGeneticRunsAHundredGenerationsAndKeepsZerosAndRanges() {
        GeneticAttack published = GeneticAttack.withDefaults();
        assertEquals(10, published.population());
        assertEquals(100, published.maxGenerations());
        assertEquals(Double.POSITIVE_INFINITY, published.seconds());
        assertEquals(7.5, GeneticAttack.fast(7.5).seconds());
        assertEquals(100, GeneticAttack.fast(7.5).maxGenerations());

        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(300, 0, 1);
        double[][] men = Synthetic.group(400, 1, 2);
        // an auditor that never fires: the search can only end at the generation limit
        Auditor auditor = Auditor.of(explainer.model().outputs(women), explainer.model().outputs(men))
                .withSignificance(1e-300);
        double[][] s0 = java.util.Arrays.copyOf(women, 40);
        double[][] s1 = java.util.Arrays.copyOf(men, 40);
        GeneticAttack.Result r = published.withCategorical(new boolean[] {false, true, false, false}).withSeed(3)
                .run(explainer, s0, s1, Synthetic.GENDER, auditor);
        assertEquals(GeneticAttack.Stop.GENERATIONS, r.stop());
        assertEquals(100, r.generations());
        assertTrue(r.found(), "a hundred undetected generations improve on the initial sample");
        int[] all = java.util.stream.IntStream.range(0, 40).toArray();
        double start = Coefficients.phi(explainer.coefficients(s0, s1), all)[Synthetic.GENDER];
        assertTrue(Math.abs(r.target()) < Math.abs(start), r.target() + " vs " + start);
        boolean moved = false;
        for (int row = 0; row < 40; row++) {
            assertEquals(1, r.rows()[row][Synthetic.GENDER], "categorical column changed");
            if (s1[row][3] == 0) {
                assertEquals(0, r.rows()[row][3], "a zero was mutated");
            }
            for (int col : new int[] {0, 2, 3}) {
                double lo = java.util.Arrays.stream(s1).mapToDouble(x -> x[col]).min().orElseThrow();
                double hi = java.util.Arrays.stream(s1).mapToDouble(x -> x[col]).max().orElseThrow();
                assertTrue(r.rows()[row][col] >= lo && r.rows()[row][col] <= hi, "column " + col + " out of range");
                moved |= r.rows()[row][col] != s1[row][col];
            }
        }
        assertTrue(moved);
    }

    @Test
    void geneticDetectionStopCountsConsecutiveGenerations() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        double[][] women = Synthetic.group(300, 0, 1);
        double[] impossible = new double[400];
        for (int i = 0; i < impossible.length; i++) {
            impossible[i] = -10 - i % 7; // far below every output of the model: every audit detects
        }
        Auditor auditor = Auditor.of(explainer.model().outputs(women), impossible);
        for (int patience : new int[] {1, 4}) {
            GeneticAttack.Result r = GeneticAttack.withDefaults().withPatience(patience).run(explainer,
                    java.util.Arrays.copyOf(women, 30), Synthetic.group(30, 1, 2), Synthetic.GENDER, auditor);
            assertEquals(GeneticAttack.Stop.DETECTIONS, r.stop());
            assertEquals(patience, r.generations());
        }
    }

    @Test
    void constantModelIsRejected() {
        Explainer explainer = Explainers.auto(Model.of(4, x -> 0.5));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FoolShap.of(explainer)
                .attack(Synthetic.group(300, 0, 1), Synthetic.group(300, 1, 2), 1)).getMessage().contains("constant"));
    }

    @Test
    void facadeInputErrorsNameTheCulprit() {
        Explainer explainer = Explainers.auto(Synthetic.model());
        FoolShap fs = FoolShap.of(explainer);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fs.attack(Synthetic.group(100, 0, 1), Synthetic.group(300, 1, 2), 1)).getMessage()
                .contains("larger than the foreground"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fs.attack(Synthetic.group(300, 0, 1), Synthetic.group(300, 1, 2), 4)).getMessage()
                .contains("sensitive feature 4"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fs.attack(new double[0][], Synthetic.group(300, 1, 2), 1)).getMessage().contains("foreground"));
        double[][] bad = Synthetic.group(300, 1, 2);
        bad[3][2] = Double.NaN;
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> fs.attack(Synthetic.group(300, 0, 1), bad, 1)).getMessage().contains("background row 3"));
        assertThrows(IllegalArgumentException.class, () -> fs.withSignificance(1.5));
    }
}
