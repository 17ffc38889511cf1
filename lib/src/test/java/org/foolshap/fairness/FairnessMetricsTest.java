package org.foolshap.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Feature;
import org.foolshap.data.Features;
import org.foolshap.data.Split;
import org.foolshap.model.Model;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.GlobalShap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Group metrics against hand computation on small tables (ties at the threshold, an empty intersection, groups with
 * one class only), against a brute-force reference on random data, and the entry points on datasets and settings.
 */
class FairnessMetricsTest {
    /**
     * Group A: outputs 0.2, 0.5, 0.7, 0.9 with labels 0, 1, 0, 1; group B: 0.1, 0.3, 0.5, 0.6, 0.4 with labels
     * 1, 0, 1, 0, 0. At threshold 0.5 the outputs equal to 0.5 are selected.
     */
    private static FairnessReport twoGroups(double threshold) {
        double[] f = {0.2, 0.5, 0.7, 0.9, 0.1, 0.3, 0.5, 0.6, 0.4};
        int[] y = {0, 1, 0, 1, 1, 0, 1, 0, 0};
        String[] g = {"A", "A", "A", "A", "B", "B", "B", "B", "B"};
        return FairnessMetrics.fromOutputs(f, y, g, threshold, OutputScale.PROBABILITY);
    }

    @Test
    void ratesByHandWithTiesAtTheThreshold() {
        FairnessReport r = twoGroups(0.5);
        GroupRates a = r.group("A");
        // decisions 0, 1 (0.5 >= 0.5), 1, 1: TP 2 (0.5, 0.9), FP 1 (0.7)
        assertEquals(4, a.count());
        assertEquals(2, a.positives());
        assertEquals(3.0 / 4, a.selectionRate(), 1e-15);
        assertEquals((0.2 + 0.5 + 0.7 + 0.9) / 4, a.meanOutput(), 1e-15);
        assertEquals(2.0 / 2, a.tpr(), 1e-15);
        assertEquals(1.0 / 2, a.fpr(), 1e-15);
        assertEquals(2.0 / 3, a.precision(), 1e-15);
        // positives {0.5, 0.9} vs negatives {0.2, 0.7}: 0.5 > 0.2, 0.9 > 0.2, 0.9 > 0.7
        assertEquals(3.0 / 4, a.auc(), 1e-15);
        GroupRates b = r.group("B");
        // decisions 0, 0, 1, 1, 0: TP 1 (0.5), FP 1 (0.6)
        assertEquals(2.0 / 5, b.selectionRate(), 1e-15);
        assertEquals(1.0 / 2, b.tpr(), 1e-15);
        assertEquals(1.0 / 3, b.fpr(), 1e-15);
        assertEquals(1.0 / 2, b.precision(), 1e-15);
        // positives {0.1, 0.5} vs negatives {0.3, 0.6, 0.4}: only 0.5 > 0.3 and 0.5 > 0.4
        assertEquals(2.0 / 6, b.auc(), 1e-15);

        assertEquals(3.0 / 4 - 2.0 / 5, r.demographicParityDifference(), 1e-15);
        assertEquals((2.0 / 5) / (3.0 / 4), r.demographicParityRatio(), 1e-15);
        assertEquals(Math.max(1 - 1.0 / 2, 1.0 / 2 - 1.0 / 3), r.equalizedOddsDifference(), 1e-15);
        assertEquals(1 - 1.0 / 2, r.equalOpportunityDifference(), 1e-15);
        assertFalse(r.passesFourFifthsRule(), "0.53 < 0.8");
        assertTrue(r.notes().isEmpty(), r.notes().toString());

        // just above the tie, the two outputs of 0.5 are no longer selected
        FairnessReport above = twoGroups(Math.nextUp(0.5));
        assertEquals(2.0 / 4, above.group("A").selectionRate(), 1e-15);
        assertEquals(1.0 / 5, above.group("B").selectionRate(), 1e-15);
        assertEquals(1.0 / 2, above.group("A").tpr(), 1e-15);
        assertEquals(0.0, above.group("B").tpr(), 1e-15);
    }

    @Test
    void anEmptyIntersectionIsNaNWithANote() {
        // sex x race: (F, a), (F, b), (M, a) occur, (M, b) does not
        Table sensitive = Table.create("s", StringColumn.create("sex", "F", "F", "F", "F", "M", "M", "M"),
                StringColumn.create("race", "a", "a", "b", "b", "a", "a", "a"));
        double[] f = {0.9, 0.1, 0.8, 0.6, 0.7, 0.2, 0.4};
        int[] y = {1, 0, 1, 0, 1, 0, 1};
        FairnessReport r = FairnessMetrics.fromOutputs(f, y, sensitive, 0.5, OutputScale.PROBABILITY);
        assertEquals(List.of("F, a", "F, b", "M, a", "M, b"), r.groups().stream().map(GroupRates::group).toList());
        GroupRates empty = r.group("M, b");
        assertEquals(0, empty.count());
        assertEquals(List.of("M", "b"), empty.values());
        for (double v : new double[] {empty.selectionRate(), empty.meanOutput(), empty.tpr(), empty.fpr(),
            empty.precision(), empty.auc()}) {
            assertTrue(Double.isNaN(v));
        }
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("M, b") && n.contains("empty")), r.notes().toString());
        // the summaries skip the empty group: selection rates 1/2 (0.9), 1 (0.8, 0.6), 1/3 (0.7)
        assertEquals(1 - 1.0 / 3, r.demographicParityDifference(), 1e-15);
        assertEquals(1.0 / 3, r.demographicParityRatio(), 1e-15);
        Table t = r.toTable();
        assertEquals(List.of("group", "sex", "race", "count", "positives", "selection_rate", "mean_output", "tpr",
                "fpr", "precision", "auc"), t.columnNames());
        assertEquals(4, t.rowCount());
        assertEquals(List.of("sex", "race"), r.sensitive());
    }

    @Test
    void groupsWithOneClassOnlyHaveNaNRatesWithNotes() {
        // P: only positives; N: only negatives; Z: selects nobody
        double[] f = {0.9, 0.3, 0.6, 0.2, 0.1, 0.4};
        int[] y = {1, 1, 0, 0, 1, 0};
        String[] g = {"P", "P", "N", "N", "Z", "Z"};
        FairnessReport r = FairnessMetrics.fromOutputs(f, y, g, 0.5, OutputScale.PROBABILITY);
        GroupRates p = r.group("P");
        assertEquals(1.0 / 2, p.tpr(), 1e-15);
        assertTrue(Double.isNaN(p.fpr()) && Double.isNaN(p.auc()));
        assertEquals(1.0, p.precision(), 1e-15);
        GroupRates n = r.group("N");
        assertTrue(Double.isNaN(n.tpr()) && Double.isNaN(n.auc()));
        assertEquals(1.0 / 2, n.fpr(), 1e-15);
        assertEquals(0.0, n.precision(), 1e-15);
        GroupRates z = r.group("Z");
        assertEquals(0.0, z.selectionRate(), 1e-15);
        assertTrue(Double.isNaN(z.precision()));
        assertEquals(0.0, z.auc(), 1e-15, "its positive (0.1) scores below its negative (0.4)");
        assertEquals(3, r.notes().size(), r.notes().toString());
    }

    @Test
    void summariesNeedTwoGroupsWithTheRate() {
        double[] f = {0.9, 0.3, 0.6, 0.2};
        int[] y = {1, 1, 0, 0};
        FairnessReport r = FairnessMetrics.fromOutputs(f, y, new String[] {"P", "P", "N", "N"}, 0.5,
                OutputScale.PROBABILITY);
        assertTrue(Double.isNaN(r.equalOpportunityDifference()), "only P has positives");
        assertTrue(Double.isNaN(r.equalizedOddsDifference()));
        assertEquals(0.0, r.demographicParityDifference(), 1e-15, "both select half");
        assertEquals(1.0, r.demographicParityRatio(), 1e-15);
        assertTrue(r.passesFourFifthsRule());
        assertTrue(r.notes().stream().anyMatch(s -> s.contains("equal opportunity")), r.notes().toString());

        FairnessReport nobody = FairnessMetrics.fromOutputs(f, y, new String[] {"P", "P", "N", "N"}, 0.95,
                OutputScale.PROBABILITY);
        assertEquals(0.0, nobody.demographicParityDifference(), 1e-15);
        assertTrue(Double.isNaN(nobody.demographicParityRatio()));
        assertFalse(nobody.passesFourFifthsRule());
        assertNull(nobody.toMap().get("four_fifths_rule"), "undetermined, not failed");
        assertTrue(nobody.notes().stream().anyMatch(s -> s.contains("0 / 0")), nobody.notes().toString());
    }

    @Test
    void agreesWithABruteForceReferenceOnRandomData() {
        Random random = new Random(17);
        for (int trial = 0; trial < 30; trial++) {
            int n = 5 + random.nextInt(60);
            double[] f = new double[n];
            int[] y = new int[n];
            String[] g = new String[n];
            for (int i = 0; i < n; i++) {
                f[i] = Math.round(random.nextDouble() * 10) / 10.0; // many ties
                y[i] = random.nextDouble() < 0.4 ? 1 : 0;
                g[i] = "g" + random.nextInt(3);
            }
            double t = f[random.nextInt(n)]; // a threshold equal to some output
            FairnessReport r = FairnessMetrics.fromOutputs(f, y, g, t, OutputScale.PROBABILITY);
            List<Double> selection = new ArrayList<>();
            for (GroupRates rates : r.groups()) {
                List<Integer> rows = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (g[i].equals(rates.group())) {
                        rows.add(i);
                    }
                }
                assertEquals(rows.size(), rates.count());
                double sel = 0;
                double tp = 0;
                double fp = 0;
                double pos = 0;
                double pairs = 0;
                double wins = 0;
                for (int i : rows) {
                    boolean d = !(f[i] < t);
                    sel += d ? 1 : 0;
                    pos += y[i];
                    tp += d && y[i] == 1 ? 1 : 0;
                    fp += d && y[i] == 0 ? 1 : 0;
                    for (int j : rows) {
                        if (y[i] == 1 && y[j] == 0) {
                            pairs++;
                            wins += f[i] > f[j] ? 1 : f[i] == f[j] ? 0.5 : 0;
                        }
                    }
                }
                double neg = rows.size() - pos;
                assertEquals(sel / rows.size(), rates.selectionRate(), 1e-12);
                assertNaNOr(pos > 0 ? tp / pos : Double.NaN, rates.tpr());
                assertNaNOr(neg > 0 ? fp / neg : Double.NaN, rates.fpr());
                assertNaNOr(sel > 0 ? tp / sel : Double.NaN, rates.precision());
                assertNaNOr(pairs > 0 ? wins / pairs : Double.NaN, rates.auc());
                selection.add(sel / rows.size());
            }
            double max = selection.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            double min = selection.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            if (selection.size() >= 2) {
                assertEquals(max - min, r.demographicParityDifference(), 1e-12);
                assertNaNOr(max > 0 ? min / max : Double.NaN, r.demographicParityRatio());
                assertEquals(max > 0 && min / max >= 0.8, r.passesFourFifthsRule());
            }
        }
    }

    @Test
    void aModelsDecisionsOnItsOwnScale() {
        Features features = Features.of(Feature.numeric("score"), Feature.categorical("group", List.of("u", "v")));
        Table t = Table.create("t", DoubleColumn.create("score", -2, -0.5, 0, 0.5, 1, 3),
                StringColumn.create("group", "u", "v", "u", "v", "u", "v"),
                IntColumn.create("label", 0, 0, 1, 0, 1, 1));
        Model logOdds = Model.of(2, x -> x[0], OutputScale.LOG_ODDS);
        FairnessMetrics m = FairnessMetrics.of(logOdds);
        assertEquals(0.0, m.threshold(), "log-odds decide at 0, the probability 0.5");
        FairnessReport r = m.evaluate(t, features, "label", "group");
        // u: -2, 0, 1 -> selected 0 (>= 0) and 1; v: -0.5, 0.5, 3 -> selected 0.5 and 3
        assertEquals(2.0 / 3, r.group("u").selectionRate(), 1e-15);
        assertEquals(2.0 / 3, r.group("v").selectionRate(), 1e-15);
        assertEquals(OutputScale.LOG_ODDS, r.scale());
        FairnessReport same = FairnessMetrics.fromOutputs(logOdds.outputs(features.encode(t)),
                FairnessMetrics.labels(t, "label"), new String[] {"u", "v", "u", "v", "u", "v"}, 0,
                OutputScale.LOG_ODDS);
        assertEquals(same.toTable().toString(), r.toTable().toString());
        // at 0.75 only u's 1 and v's 3 are selected
        FairnessReport higher = m.withThreshold(0.75).evaluate(t, features, "label", "group");
        assertEquals(1.0 / 3, higher.group("u").selectionRate(), 1e-15);
        assertEquals(1.0 / 3, higher.group("v").selectionRate(), 1e-15);

        Model raw = Model.of(2, x -> x[0], OutputScale.RAW);
        IllegalArgumentException noThreshold = assertThrows(IllegalArgumentException.class,
                () -> FairnessMetrics.of(raw).evaluate(t, features, "label", "group"));
        assertTrue(noThreshold.getMessage().contains("withThreshold"), noThreshold.getMessage());
    }

    @Test
    void labelsAndColumnsAreCheckedWithOneMessage() {
        Features features = Features.of(Feature.numeric("score"));
        Model model = Model.of(1, x -> x[0]);
        Table t = Table.create("t", DoubleColumn.create("score", 0.2, 0.7, 0.9, 0.4),
                StringColumn.create("outcome", "no", "yes", "yes", "no"), StringColumn.create("g", "a", "a", "b", "b"),
                StringColumn.create("three", "x", "y", "z", "x"));
        // group a: 0.2 "no", 0.7 "yes"; at 0.5 only 0.7 is selected
        FairnessReport byText = FairnessMetrics.of(model).evaluate(t, features, "outcome", "g");
        assertEquals(1.0, byText.group("a").tpr(), 1e-15, "\"yes\" > \"no\": the positive is 0.7, selected");
        FairnessReport byLevels = FairnessMetrics.of(model).evaluate(t, features, "outcome", List.of("yes", "no"), "g");
        assertEquals(0.0, byLevels.group("a").tpr(), 1e-15, "the model's level 1 \"no\": the positive is 0.2");
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> FairnessMetrics.of(model).evaluate(t, features, "three", "g"));
        assertTrue(three.getMessage().startsWith("target column 'three' has 3 distinct values"), three.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> FairnessMetrics.of(model).evaluate(t, features, "outcome", "race"));
        assertTrue(missing.getMessage().startsWith("sensitive column 'race' is not in t"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FairnessMetrics.of(model).evaluate(t, features, "outcome"));
        assertThrows(IllegalArgumentException.class, () -> FairnessMetrics.of(model).withThreshold(Double.NaN));
    }

    @Test
    void settingsAndDatasetsTieToTheShapGap() {
        AuditSetting setting = ToyAudit.setting();
        Model model = ToyAudit.model(setting);
        FairnessReport r = FairnessMetrics.of(model).evaluate(setting);
        assertEquals(List.of("sex"), r.sensitive());
        assertEquals(setting.source().rowCount(), r.rows());
        GroupRates women = r.group("Female");
        GroupRates men = r.group("Male");
        assertEquals(setting.size(org.foolshap.data.Group.FOREGROUND), women.count());
        // the gap in mean output is what SHAP's group attribution decomposes: sum_i Phi_i(f, D_0, D_1)
        double gap = GlobalShap.of(Explainers.exact(model)).explain(setting).total();
        assertEquals(gap, women.meanOutput() - men.meanOutput(), 1e-9);

        Dataset toy = Datasets.toy(ToyAudit.ROWS, ToyAudit.DATA_SEED);
        Split split = toy.split(0);
        FairnessReport test = FairnessMetrics.of(model).evaluate(toy, split, "sex");
        assertEquals(split.test().length, test.rows());
        assertEquals(toy.rowCount(), FairnessMetrics.of(model).evaluate(toy, "sex").rows());

        Map<String, Object> json = r.toMap();
        assertEquals(List.of("sensitive", "threshold", "output", "rows", "groups", "demographic_parity_difference",
                "demographic_parity_ratio", "equalized_odds_difference", "equal_opportunity_difference",
                "four_fifths_rule", "notes"), List.copyOf(json.keySet()));
        assertEquals(r.summaryTable().rowCount(), 5);
    }

    private static void assertNaNOr(double expected, double actual) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), "expected NaN, got " + actual);
        } else {
            assertEquals(expected, actual, 1e-12);
        }
    }
}
