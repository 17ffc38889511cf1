package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.SweepResult;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.PowerTable;
import org.foolshap.model.OutputScale;
import org.foolshap.shap.Attributions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs fail fast with an IllegalArgumentException that names the culprit. */
class InputChecksTest {
    private static final double[] L = FakeResults.lambdas();
    private static final OutputScale P = OutputScale.PROBABILITY;
    private static final double NONE = Double.NaN;

    private static void fails(String expected, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), "message \"" + e.getMessage() + "\" should name " + expected);
    }

    @Test
    void attributions() {
        fails("gnder", () -> Figures.attributions(FakeResults.before(), FakeResults.after(), "gnder"));
        Attributions other = new Attributions(List.of("a", "b"), new double[] {1, 2}, new double[] {0, 0}, 0, 0, .95);
        fails("manipulated", () -> Figures.attributions(FakeResults.before(), other, null));
        double[] v = FakeResults.BEFORE.clone();
        v[2] = Double.NaN;
        Attributions nan = new Attributions(FakeResults.ADULT, v, new double[v.length], 0, 0, .95);
        fails("Phi of education", () -> Figures.attributions(FakeResults.before(), nan, "gender"));
        double[] h = new double[v.length];
        h[0] = -1;
        Attributions negative = new Attributions(FakeResults.ADULT, FakeResults.AFTER, h, 0, 0, .95);
        fails("half-width of age", () -> Figures.attributions(negative, "gender"));
        Attributions twice = new Attributions(List.of("a", "a"), new double[] {1, 2}, new double[2], 0, 0, .95);
        fails("contains a twice", () -> Figures.attributions(twice, (String) null));
        fails("before", () -> Figures.attributions(null, FakeResults.after(), "gender"));
        fails("series", () -> Figures.attributions(new LinkedHashMap<>(), null, "t"));
        fails("attack", () -> Figures.attributions((AttackResult) null));
    }

    @Test
    void distributions() {
        double[] ok = {0.1, 0.2, 0.3, 0.4};
        fails("fS1[2]", () -> Figures.cdfs(ok, ok, ok, new double[] {0.1, 0.2, Double.NaN}, "a", "b", P));
        fails("fD0 is empty", () -> Figures.cdfs(new double[0], null, ok, null, "a", "b", P));
        fails("fD1 is null", () -> Figures.cdfs(ok, null, null, null, "a", "b", P));
        fails("scale", () -> Figures.cdfs(ok, null, ok, null, "a", "b", null));
        fails("fD0[1]", () -> Figures.outputHistograms(new double[] {0, Double.POSITIVE_INFINITY}, ok, "a", "b", P,
                30));
        fails("bins", () -> Figures.outputHistograms(ok, ok, "a", "b", P, 0));
        fails("scale", () -> Figures.outputHistograms(ok, ok, "a", "b", null, 30));
        fails("auditor", () -> Figures.outputHistograms((Auditor) null));
        fails("auditor", () -> Figures.cdfs(null, null, null));
        fails("attack", () -> Figures.cdfs((AttackResult) null));
    }

    @Test
    void lambdaCurves() {
        double[][] mean = FakeResults.meanPhi(L);
        double[][] sd = FakeResults.sdPhi(L);
        fails("meanPhi has 19 elements but lambdas has 20",
                () -> Figures.lambdaCurves(L, FakeResults.ADULT, java.util.Arrays.copyOf(mean, 19), sd, "gender", P,
                        NONE));
        double[][] narrow = mean.clone();
        narrow[4] = new double[3];
        fails("meanPhi[4] has 3 elements but features has 11",
                () -> Figures.lambdaCurves(L, FakeResults.ADULT, narrow, null, "gender", P, NONE));
        double[] zero = L.clone();
        zero[0] = 0;
        fails("lambdas[0] = 0.0 is not > 0",
                () -> Figures.lambdaCurves(zero, FakeResults.ADULT, mean, sd, "gender", P, NONE));
        double[] dup = L.clone();
        dup[5] = dup[6];
        fails("are both", () -> Figures.lambdaCurves(dup, FakeResults.ADULT, mean, sd, "gender", P, NONE));
        fails("chosenLambda", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, sd, "gender", P, 0));
        fails("scale", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, sd, "gender", null, NONE));
        List<String> dupNames = new java.util.ArrayList<>(FakeResults.ADULT);
        dupNames.set(1, "age");
        fails("features contains age twice", () -> Figures.lambdaCurves(L, dupNames, mean, sd, "gender", P, NONE));
        fails("sensitive feature sex", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, sd, "sex", P, NONE));
        double[][] negSd = FakeResults.sdPhi(L);
        negSd[3][1] = -0.1;
        fails("sdPhi[3][1]", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, negSd, "gender", P, NONE));
        fails("sweep", () -> Figures.lambdaCurves((SweepResult) null));
    }

    @Test
    void detection() {
        double[] rate = FakeResults.detectionRate(L);
        fails("detectionRate has 19 elements but lambdas has 20",
                () -> Figures.detection(L, java.util.Arrays.copyOf(rate, 19), null, 0.05, 0.1, 2));
        double[] high = rate.clone();
        high[2] = 1.5;
        fails("detectionRate[2] = 1.5", () -> Figures.detection(L, high, null, 0.05, 0.1, 2));
        fails("alpha", () -> Figures.detection(L, rate, null, 0, 0.1, 2));
        fails("chosenLambda", () -> Figures.detection(L, rate, null, 0.05, 0.1, -1));
        fails("rateHalfWidths has 3", () -> Figures.detection(L, rate, new double[3], 0.05, 0.1, 2));
        fails("sweep", () -> Figures.detection((SweepResult) null));
    }

    @Test
    void auditorSide() {
        PowerTable power = new PowerTable(List.of("paper", "duplicates S_1'"), new double[] {0.5, 1, 2},
                new int[] {50, 100}, new double[2][3][2], 10);
        fails("M = 75", () -> Figures.power(power, 75));
        fails("no test named features S_1'", () -> Figures.powerByM(power, "features S_1'"));
        fails("power", () -> Figures.power(null, 50));
        fails("test", () -> Figures.powerByM(power, null));
        fails("interval", () -> Figures.manipulability(null));
    }

    @Test
    void methodComparison() {
        fails("valuesByMethod is empty", () -> Figures.methodComparison(Map.of(), "y"));
        Map<String, double[]> m = new LinkedHashMap<>(FakeResults.methods(1));
        m.put("genetic", new double[] {1, Double.NaN});
        fails("values of genetic[1]", () -> Figures.methodComparison(m, "y"));
        Map<String, Map<String, double[]>> byDataset = new LinkedHashMap<>(FakeResults.figure5());
        byDataset.put("COMPAS", Map.of("Fool SHAP", new double[0]));
        fails("values of COMPAS / Fool SHAP is empty", () -> Figures.methodComparisonByDataset(byDataset, "y"));
    }
}
