package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Metrics;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Per-row explanations: efficiency per row for every explainer, agreement with the per-pair definition and with
 * {@link GlobalShap} (the mean of the rows is Phi), the audit-setting entry points, slicing and the table.
 */
class LocalShapTest {
    private static final double[][] X = RandomData.rows(300, 1);
    private static final Model GBT = Trainer.of(ModelKind.GBT).withTrees(15).withSeed(3)
            .fit(RandomData.FEATURES, X, RandomData.labels(X, 2));
    private static final Model RF = Trainer.of(ModelKind.RF).withTrees(10).withSeed(4)
            .fit(RandomData.FEATURES, X, RandomData.labels(X, 2));
    private static final double[][] ROWS = RandomData.rows(9, 5);
    private static final double[][] BACKGROUND = RandomData.rows(13, 6);

    @Test
    void efficiencyHoldsForEveryRowWithEveryExplainer() {
        Model smooth = Model.of(5, x -> Math.tanh(0.3 * x[0] * x[4] / 10) + (x[1] == 2 ? 0.4 : 0) - x[2] * x[3] / 5);
        Map<String, Explainer> explainers = Map.of(
                "tree (gbt)", Explainers.tree(GBT),
                "tree (rf)", Explainers.tree(RF),
                "exact", Explainers.exact(smooth),
                "permutation", Explainers.permutation(smooth).withPermutations(4),
                "kernel", Explainers.kernel(smooth).withSamples(64),
                "linear", Explainers.linear(Model.linear(0.2, 1, -0.5, 2, 0.25, -0.1)));
        explainers.forEach((name, explainer) -> {
            Explanation e = LocalShap.of(explainer).explain(ROWS, BACKGROUND);
            Model f = explainer.model();
            assertEquals(Metrics.mean(f.outputs(BACKGROUND)), e.baseValue(), 1e-12, name + ": base value");
            for (int r = 0; r < ROWS.length; r++) {
                double sum = 0;
                for (double v : e.values()[r]) {
                    sum += v;
                }
                assertEquals(f.output(ROWS[r]) - e.baseValue(), sum, 1e-9, name + ": efficiency of row " + r);
                assertEquals(f.output(ROWS[r]), e.output(r), 1e-12, name);
            }
            assertTrue(e.maxEfficiencyError() < 1e-9, name + ": " + e.maxEfficiencyError());
            assertEquals(f.scale(), e.scale(), name);
        });
    }

    @Test
    void rowValuesAreTheBackgroundMeansOfThePerPairValues() {
        for (Explainer explainer : List.of(Explainers.tree(GBT), Explainers.exact(RF))) {
            Explanation e = LocalShap.of(explainer).explain(ROWS, BACKGROUND);
            for (int r = 0; r < ROWS.length; r++) {
                double[] mean = new double[5];
                for (double[] z : BACKGROUND) {
                    double[] phi = explainer.phi(ROWS[r], z);
                    for (int i = 0; i < 5; i++) {
                        mean[i] += phi[i] / BACKGROUND.length;
                    }
                }
                assertArrayEquals(mean, e.values()[r], 1e-9, explainer.getClass().getSimpleName() + " row " + r);
            }
        }
    }

    @Test
    void theMeanOfTheRowsIsTheGlobalAttribution() {
        Explainer explainer = Explainers.tree(GBT);
        Explanation e = LocalShap.of(explainer).explain(ROWS, BACKGROUND);
        Attributions global = GlobalShap.of(explainer).explain(ROWS, BACKGROUND);
        assertArrayEquals(global.values(), e.mean(), 1e-9);
        assertEquals(global.backgroundMean(), e.baseValue(), 1e-12);
        assertEquals(global.foregroundMean(), Metrics.mean(e.outputs()), 1e-12);
        assertEquals(OutputScale.LOG_ODDS, e.scale(), "boosted trees explain log-odds");
    }

    @Test
    void samplesOfAnAuditSettingKeepTheirIdsAndNames() {
        AuditSetting setting = ToyAudit.setting();
        Model model = ToyAudit.model(setting);
        Sample s0 = setting.uniformSample(Group.FOREGROUND, 25, 1);
        Sample s1 = setting.uniformSample(Group.BACKGROUND, 30, 2);
        Explanation e = LocalShap.of(Explainers.exact(model)).explain(s0, s1);
        assertEquals(setting.names(), e.features());
        assertArrayEquals(s0.ids(), e.ids().orElseThrow());
        assertEquals(s0.toTable().columnNames(), e.data().columnNames());
        assertTrue(e.isCategorical("sex") && !e.isCategorical("height"));
        assertEquals(List.of("Female"), e.levels("sex").orElseThrow().stream().distinct().toList(), "D_0 is women");
        assertTrue(e.levels("height").isEmpty());
        assertEquals(30, e.backgroundSize());
        assertEquals(s0.name(), e.rowsName());
        assertArrayEquals(GlobalShap.of(Explainers.exact(model)).explain(s0, s1).values(), e.mean(), 1e-9);

        Table t = e.toTable();
        assertEquals("row", t.column(0).name());
        assertEquals(setting.names(), t.columnNames().subList(1, 1 + setting.names().size()));
        assertEquals(List.of("base_value", "output"), t.columnNames().subList(t.columnCount() - 2, t.columnCount()));
        for (int r = 0; r < t.rowCount(); r++) {
            assertEquals(s0.ids()[r], t.intColumn("row").getInt(r));
            double sum = t.doubleColumn("base_value").getDouble(r);
            for (String f : setting.names()) {
                sum += t.doubleColumn(f).getDouble(r);
            }
            assertEquals(t.doubleColumn("output").getDouble(r), sum, 1e-9, "feature columns + base = output");
        }
    }

    @Test
    void theSettingExplainsEveryRowOfD0AgainstAllOfD1() {
        AuditSetting setting = ToyAudit.setting();
        Explainer explainer = Explainers.exact(ToyAudit.model(setting));
        Explanation e = LocalShap.of(explainer).explain(setting);
        assertEquals(setting.size(Group.FOREGROUND), e.rowCount());
        assertEquals(setting.size(Group.BACKGROUND), e.backgroundSize());
        assertArrayEquals(setting.ids(Group.FOREGROUND), e.ids().orElseThrow());
        Attributions honest = GlobalShap.of(explainer).explain(setting);
        assertArrayEquals(honest.values(), e.mean(), 1e-9);
        assertEquals(honest.gap(), Metrics.mean(e.outputs()) - e.baseValue(), 1e-12);
    }

    @Test
    void slicingByRowsAndFeatures() {
        Explanation e = LocalShap.of(Explainers.tree(GBT)).withFeatures(RandomData.FEATURES).explain(ROWS, BACKGROUND);
        Explanation middle = e.rows(2, 6);
        assertEquals(4, middle.rowCount());
        for (int r = 0; r < 4; r++) {
            assertArrayEquals(e.values()[r + 2], middle.values()[r]);
            assertEquals(e.output(r + 2), middle.output(r));
            assertEquals(e.valueText(r + 2, "colour"), middle.valueText(r, "colour"));
        }
        Explanation one = e.row(7);
        assertEquals(1, one.rowCount());
        assertArrayEquals(e.values()[7], one.values()[0]);

        Explanation two = e.features("shape", "a");
        assertEquals(List.of("shape", "a"), two.features());
        assertArrayEquals(e.values("shape"), two.values("shape"));
        assertArrayEquals(e.featureValues("a"), two.featureValues("a"));
        assertTrue(two.isCategorical("shape"));
        assertArrayEquals(e.outputs(), two.outputs(), "f(x) is kept");
        assertEquals(e.baseValue(), two.baseValue());

        Explanation sorted = e.sortedBy("c");
        double[] c = sorted.values("c");
        for (int r = 1; r < c.length; r++) {
            assertTrue(c[r - 1] <= c[r], "ascending");
        }
        assertEquals(e.rowCount(), sorted.rowCount());
        assertTrue(sorted.maxEfficiencyError() < 1e-9, "whole rows move together");

        assertThrows(IndexOutOfBoundsException.class, () -> e.row(9));
        assertThrows(IndexOutOfBoundsException.class, () -> e.rows(5, 4));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> e.features("d"));
        assertTrue(unknown.getMessage().contains("feature d is not among"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> e.features("a", "a"));
    }

    @Test
    void rawTablesAreEncodedWithTheModelsFeatures() {
        Table rows = RandomData.FEATURES.decode(ROWS, "rows");
        Table background = RandomData.FEATURES.decode(BACKGROUND, "background");
        LocalShap local = LocalShap.of(Explainers.tree(GBT));
        IllegalStateException noEncoding = assertThrows(IllegalStateException.class,
                () -> local.explain(rows, background));
        assertTrue(noEncoding.getMessage().contains("withFeatures"), noEncoding.getMessage());
        Explanation fromTables = local.withFeatures(RandomData.FEATURES).explain(rows, background);
        Explanation fromRows = local.explain(ROWS, BACKGROUND);
        for (int r = 0; r < ROWS.length; r++) {
            assertArrayEquals(fromRows.values()[r], fromTables.values()[r], 1e-12);
        }
        assertEquals(List.of("x0", "x1", "x2", "x3", "x4"), fromRows.features(), "unnamed rows");
        assertFalse(fromRows.isCategorical("x1"));
        assertEquals(rows.column("colour").asList(), fromTables.levels("colour").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> local.withNames(List.of("only", "three", "names")));
    }
}
