package org.foolshap.shap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.foolshap.ToyAudit;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Group;
import org.foolshap.data.Sample;
import org.foolshap.model.Metrics;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The attack's input on an audit setting: column means are Phi, each row obeys efficiency, the matrix agrees with
 * global SHAP on the same samples (exact and TreeSHAP), and its table leads back to the background's source rows.
 */
class CoefficientMatrixTest {
    private static final AuditSetting SETTING = ToyAudit.setting();
    private static final Model MODEL = ToyAudit.model(SETTING);
    private static final Sample S0 = SETTING.uniformSample(Group.FOREGROUND, 30, 1);

    @Test
    void columnMeansArePhiAndRowsAreEfficient() {
        CoefficientMatrix c = Explainers.exact(MODEL).coefficients(S0, SETTING);
        double[][] values = c.values();
        int d = SETTING.names().size();
        assertEquals(SETTING.size(Group.BACKGROUND), c.rows());
        assertEquals(c.rows(), values.length);
        assertEquals(SETTING.names(), c.names());
        double[] phi = c.phi();
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (double[] row : values) {
                sum += row[i];
            }
            assertEquals(sum / values.length, phi[i], 1e-12, "Phi of " + c.names().get(i));
            assertArrayEquals(c.column(i), c.column(c.names().get(i)));
        }
        assertArrayEquals(c.column(SETTING.sensitiveIndex()), c.sensitiveColumn());
        assertArrayEquals(MODEL.outputs(SETTING.rows(Group.BACKGROUND)), c.backgroundOutputs());
        assertArrayEquals(MODEL.outputs(S0.rows()), c.s0Outputs());
        // efficiency per reference: sum_i Phi_i(f, S_0', z_j) = mean f(S_0') - f(z_j)
        double f0 = Metrics.mean(c.s0Outputs());
        double[] f1 = c.backgroundOutputs();
        for (int j = 0; j < values.length; j++) {
            double total = 0;
            for (double v : values[j]) {
                total += v;
            }
            assertEquals(f0 - f1[j], total, 1e-9, "row " + j);
        }
        assertEquals(S0, c.s0());
        assertEquals(OutputScale.PROBABILITY, c.scale());
        assertTrue(c.seconds() >= 0);
    }

    @Test
    void agreesWithGlobalShapOnTheSameSamples() {
        Explainer exact = Explainers.exact(MODEL);
        CoefficientMatrix c = exact.coefficients(S0, SETTING);
        Attributions global = GlobalShap.of(exact).explain(S0, SETTING.all(Group.BACKGROUND));
        assertEquals(SETTING.names(), global.features());
        assertArrayEquals(global.values(), c.phi(), 1e-12);
        assertEquals(global.foregroundMean(), Metrics.mean(c.s0Outputs()), 1e-12);
        assertEquals(global.backgroundMean(), Metrics.mean(c.backgroundOutputs()), 1e-12);
    }

    @Test
    void treeShapCoefficientsMatchExactGlobalShap() {
        Dataset toy = Datasets.toy(ToyAudit.ROWS, ToyAudit.DATA_SEED);
        Model forest = Trainer.of(ModelKind.RF).withTrees(8).withMaxDepth(5).withSeed(2)
                .fit(toy.features(), toy.x(), toy.y());
        CoefficientMatrix tree = Explainers.tree(forest).coefficients(S0, SETTING);
        Attributions exact = GlobalShap.of(Explainers.exact(forest)).explain(S0, SETTING.all(Group.BACKGROUND));
        assertArrayEquals(exact.values(), tree.phi(), 1e-9);
        assertEquals(exact.gap(), sum(tree.phi()), 1e-9);
        assertArrayEquals(forest.outputs(SETTING.rows(Group.BACKGROUND)), tree.backgroundOutputs());
    }

    @Test
    void tableRowsAreTheBackgroundRows() {
        CoefficientMatrix c = Explainers.exact(MODEL).coefficients(S0, SETTING);
        Table t = c.toTable();
        assertEquals(c.rows(), t.rowCount());
        assertArrayEquals(SETTING.ids(Group.BACKGROUND), t.intColumn(AuditSetting.ROW_ID).asIntArray());
        assertArrayEquals(SETTING.background().intColumn(AuditSetting.ROW_ID).asIntArray(),
                t.intColumn(AuditSetting.ROW_ID).asIntArray());
        assertArrayEquals(c.backgroundOutputs(), t.doubleColumn("f(z)").asDoubleArray());
        for (String f : c.names()) {
            assertArrayEquals(c.column(f), t.doubleColumn(f).asDoubleArray(), f);
        }
        assertEquals(2 + c.names().size(), t.columnCount());
    }

    @Test
    void badSamplesAreNamed() {
        Explainer exact = Explainers.exact(MODEL);
        Sample background = SETTING.uniformSample(Group.BACKGROUND, 10, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> exact.coefficients(background, SETTING))
                .getMessage().contains("foreground"));
        AuditSetting twoFeatures = AuditSetting.ofRows(new double[][] {{0, 1}, {1, 1}}, new double[][] {{2, 3}},
                List.of("a", "b"));
        Sample other = twoFeatures.all(Group.FOREGROUND);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> exact.coefficients(other, SETTING))
                .getMessage().contains("[a, b]"));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
