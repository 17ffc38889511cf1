package org.foolshap.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.ToyAudit;
import org.foolshap.attack.AttackResult;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.junit.jupiter.api.Test;

/** Every family of a full audit: exact under the null, powerful under a shift, Bonferroni across families. */
class AuditFamiliesTest {
    static final boolean[] MASK = {false, false, true};
    static final List<AuditFamily> MONTE_CARLO = List.of(AuditFamily.FEATURES, AuditFamily.OUTPUTS, AuditFamily.MMD,
            AuditFamily.ENERGY);

    /** Rows (two numeric columns, one categorical) and an output depending on all three. */
    record Groups(double[][] d0, double[][] d1, double[] f0, double[] f1) {
        static Groups make(long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] d0 = new double[900][];
            double[][] d1 = new double[1200][];
            for (double[][] d : List.of(d0, d1)) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = new double[] {Math.round(10 * r.nextGaussian()) / 10.0, r.nextDouble(), r.nextInt(4)};
                }
            }
            return new Groups(d0, d1, f(d0), f(d1));
        }

        static double[] f(double[][] rows) {
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                y[i] = Math.round(20 / (1 + Math.exp(-rows[i][0] - rows[i][1] + 0.3 * rows[i][2]))) / 20.0;
            }
            return y;
        }

        FullAudit audit() {
            return FullAudit.of(Auditor.of(f0, f1)).withFeatureAudit(FeatureAudit.withDefaults().withCategorical(MASK))
                    .withDraws(99).withReferenceSize(200);
        }
    }

    /** The family's p-value: the smallest adjusted p-value of its tests. */
    static double familyP(AuditVerdict v) {
        return v.tests().stream().mapToDouble(TestOutcome::pValue).min().orElseThrow();
    }

    @Test
    void monteCarloFamiliesAreExactUnderTheNull() {
        Groups g = Groups.make(1);
        FullAudit audit = g.audit().withFamilies(MONTE_CARLO);
        int reps = 120;
        int m = 30;
        double[][] p = new double[MONTE_CARLO.size()][reps];
        SplittableRandom r = new SplittableRandom(2);
        for (int k = 0; k < reps; k++) {
            int[] i0 = Draws.uniform(g.d0().length, m, r);
            int[] i1 = Draws.uniform(g.d1().length, m, r);
            Map<String, AuditVerdict> v = audit.run(g.d0(), g.d1(), Draws.pick(g.d0(), i0), Draws.pick(g.d1(), i1),
                    Draws.pick(g.f0(), i0), Draws.pick(g.f1(), i1), r.nextLong()); // a fresh null per audit
            for (int f = 0; f < MONTE_CARLO.size(); f++) {
                p[f][k] = familyP(v.get(MONTE_CARLO.get(f).id()));
            }
        }
        for (int f = 0; f < MONTE_CARLO.size(); f++) {
            PValueChecks.assertSuperUniform(p[f], MONTE_CARLO.get(f).id());
            if (MONTE_CARLO.get(f) != AuditFamily.FEATURES) { // continuous statistics: uniform, not conservative
                PValueChecks.assertUniform(p[f], MONTE_CARLO.get(f).id());
            }
        }
    }

    @Test
    void everyFamilyCatchesAShiftedBackgroundSample() {
        Groups g = Groups.make(3);
        FullAudit audit = g.audit().withFamilies(AuditFamily.all());
        int m = 60;
        Integer[] order = new Integer[g.d1().length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(g.f1()[b], g.f1()[a]));
        FullAudit.Prepared prepared = audit.prepare(g.d0(), g.d1(), m, m, 4);
        SplittableRandom r = new SplittableRandom(5);
        int reps = 10;
        int[] hits = new int[AuditFamily.values().length];
        for (int k = 0; k < reps; k++) {
            int[] i0 = Draws.uniform(g.d0().length, m, r);
            int[] i1 = new int[m]; // drawn from the 600 rows with the highest outputs: a shifted background
            for (int i = 0; i < m; i++) {
                i1[i] = order[r.nextInt(600)];
            }
            Map<String, AuditVerdict> v = prepared.run(Draws.pick(g.d0(), i0), Draws.pick(g.d1(), i1),
                    Draws.pick(g.f0(), i0), Draws.pick(g.f1(), i1), r.nextLong());
            for (AuditFamily f : AuditFamily.all()) {
                hits[f.ordinal()] += v.get(f.id()).detectedAt(0.05) ? 1 : 0;
            }
        }
        for (AuditFamily f : AuditFamily.all()) {
            if (f != AuditFamily.DUPLICATES) { // 60 of 600 rows repeat no more than honest draws do
                assertTrue(hits[f.ordinal()] >= reps / 2, f + " detected " + hits[f.ordinal()] + " of " + reps);
            }
        }
    }

    @Test
    void alphaIsSplitEquallyBetweenTheFamilies() {
        AuditSetting setting = ToyAudit.setting();
        Auditor auditor = Auditor.of(ToyAudit.model(setting), setting).withSignificance(0.07);
        FullAudit all = FullAudit.of(auditor).withFamilies(AuditFamily.all()).withDraws(99).withReferenceSize(100);
        assertEquals(0.01, all.familyLevel(), 1e-15);
        Sample s0 = setting.uniformSample(Group.FOREGROUND, 40, 1);
        Sample s1 = setting.uniformSample(Group.BACKGROUND, 40, 2);
        FullAudit.Report report = all.run(s0, s1, 3);
        assertEquals(AuditFamily.all().stream().map(AuditFamily::id).toList(), List.copyOf(report.families().keySet()));
        for (AuditVerdict v : report.families().values()) {
            assertEquals(0.01, v.significance(), 1e-15);
            double shares = v.tests().stream().mapToDouble(TestOutcome::level).max().orElseThrow();
            assertTrue(shares <= 0.01 + 1e-15, "every test within its family's share: " + v);
        }
        assertEquals(List.of("MMD S_0'", "MMD S_1'"), report.family("mmd").tests().stream().map(TestOutcome::name)
                .toList());
        assertEquals(List.of("AD S_0'", "CvM S_0'", "AD S_1'", "CvM S_1'"), report.family("outputs").tests().stream()
                .map(TestOutcome::name).toList());
        assertEquals(report, all.run(s0, s1, 3), "seeded");
        assertEquals(List.of(AuditFamily.PAPER, AuditFamily.MMD), FullAudit.of(auditor)
                .withFamilies(AuditFamily.MMD, AuditFamily.PAPER).families(), "report order whatever the order given");
    }

    @Test
    void aVerdictJudgedAtAnotherLevelScalesEveryTestsShare() {
        AuditVerdict v = AuditVerdict.of(List.of(TestOutcome.of("a", 1, 0.004, 0.0025),
                TestOutcome.of("b", 1, 0.2, 0.005)), 0.01);
        assertFalse(v.detected());
        assertTrue(v.detectedAt(0.05), "0.004 < 0.0025 x 5");
        assertFalse(v.detectedAt(0.015));
    }

    @Test
    void familiesParseFromTheCommandLine() {
        assertEquals(List.of(AuditFamily.PAPER, AuditFamily.MMD), AuditFamily.parseList("mmd, paper"));
        assertEquals(AuditFamily.all(), AuditFamily.parseList("all"));
        assertEquals(List.of(AuditFamily.CLASSIFIER), AuditFamily.parseList("Classifier,classifier"));
        String m = assertThrows(IllegalArgumentException.class, () -> AuditFamily.parseList("paper,ks")).getMessage();
        assertTrue(m.contains("'ks'") && m.contains("energy") && m.contains("all"), m);
    }

    @Test
    void aPreparedAuditChecksTheSamplesItGets() {
        Groups g = Groups.make(6);
        FullAudit.Prepared p = g.audit().withFamilies(AuditFamily.FEATURES).prepare(g.d0(), g.d1(), 20, 20, 1);
        double[][] s0 = Arrays.copyOf(g.d0(), 20);
        double[][] s1 = Arrays.copyOf(g.d1(), 19);
        String msg = assertThrows(IllegalArgumentException.class, () -> p.run(s0, s1, Arrays.copyOf(g.f0(), 20),
                Arrays.copyOf(g.f1(), 19), 1)).getMessage();
        assertTrue(msg.contains("S_1'") && msg.contains("20") && msg.contains("19"), msg);
        assertThrows(IllegalArgumentException.class, () -> p.run(AuditFamily.MMD, s0, s0, g.f0(), g.f0(),
                new SplittableRandom(1)));
    }

    @Test
    void calibrationAndPowerOfEveryFamilyOnAnAttack() {
        AttackResult attack = ToyAudit.attack();
        AuditSetting setting = attack.setting();
        Auditor auditor = Auditor.of(ToyAudit.model(setting), setting);
        FullAudit audit = FullAudit.of(auditor).withFamilies(AuditFamily.all()).withDraws(99).withReferenceSize(100);
        List<AuditFamily> small = List.of(AuditFamily.PAPER, AuditFamily.FEATURES);
        FamilyRates rates = Calibration.withDefaults().withRepeats(40).withM(ToyAudit.M).withSeed(1)
                .withBatteries(small).run(audit);
        assertEquals(List.of("paper+features"), List.copyOf(rates.batteries().keySet()));
        assertTrue(rates.batteries().get("paper+features").events() <= rates.rate("paper").events()
                + rates.rate("features").events(), "a battery flags no more than its families alone");
        assertEquals(AuditFamily.all().stream().map(AuditFamily::id).toList(), rates.families());
        assertEquals(40, rates.all().trials());
        assertEquals(rates.families().size() + 2, rates.toTable().rowCount());
        for (String f : rates.families()) {
            assertTrue(rates.rate(f).value() <= 0.25, f + " " + rates.rate(f));
        }
        PowerTable power = DetectionPower.withDefaults().withRepeats(10).withSeed(2).withBatteries(small)
                .run(audit, attack.sweep(), 2, ToyAudit.M);
        assertEquals(rates.families().size() + 2, power.tests().size());
        assertEquals(List.of("all", "paper+features"), power.tests().subList(power.tests().size() - 2,
                power.tests().size()));
        for (int l = 0; l < power.lambdas().length; l++) {
            assertTrue(power.rate("paper+features", l, 0) <= power.rate("paper", l, 0) + power.rate("features", l, 0)
                    + 1e-12, "union bound at lambda " + power.lambdas()[l]);
        }
        assertEquals((attack.sweep().points().size() + 1) / 2, power.lambdas().length);
    }
}
