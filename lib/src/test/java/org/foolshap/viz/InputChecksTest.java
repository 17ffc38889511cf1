package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.foolshap.shap.Attributions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs fail fast with an IllegalArgumentException that names the culprit. */
class InputChecksTest {
    private static final double[] L = FakeResults.lambdas();

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
        fails("half-width of age", () -> Figures.attributions(negative, "gender", "probability"));
        Attributions twice = new Attributions(List.of("a", "a"), new double[] {1, 2}, new double[2], 0, 0, .95);
        fails("contains a twice", () -> Figures.attributions(twice, (String) null, "probability"));
        fails("before", () -> Figures.attributions(null, FakeResults.after(), "gender"));
        fails("series", () -> Figures.attributions(new LinkedHashMap<>(), null, "probability", "t"));
    }

    @Test
    void distributions() {
        double[] ok = {0.1, 0.2, 0.3, 0.4};
        fails("fS1[2]", () -> Figures.cdfs(ok, ok, ok, new double[] {0.1, 0.2, Double.NaN}));
        fails("fD0 is empty", () -> Figures.cdfs(new double[0], null, ok, null));
        fails("fD1 is null", () -> Figures.cdfs(ok, null, null, null));
        fails("fD0[1]", () -> Figures.outputHistograms(new double[] {0, Double.POSITIVE_INFINITY}, ok));
        fails("bins", () -> Figures.outputHistograms(ok, ok, "a", "b", "probability", 0));
    }

    @Test
    void lambdaCurves() {
        double[][] mean = FakeResults.meanPhi(L);
        double[][] sd = FakeResults.sdPhi(L);
        fails("meanPhi has 19 elements but lambdas has 20",
                () -> Figures.lambdaCurves(L, FakeResults.ADULT, java.util.Arrays.copyOf(mean, 19), sd, "gender"));
        double[][] narrow = mean.clone();
        narrow[4] = new double[3];
        fails("meanPhi[4] has 3 elements but features has 11",
                () -> Figures.lambdaCurves(L, FakeResults.ADULT, narrow, null, "gender"));
        double[] zero = L.clone();
        zero[0] = 0;
        fails("lambdas[0] = 0.0 is not > 0", () -> Figures.lambdaCurves(zero, FakeResults.ADULT, mean, sd, "gender"));
        double[] dup = L.clone();
        dup[5] = dup[6];
        fails("are both", () -> Figures.lambdaCurves(dup, FakeResults.ADULT, mean, sd, "gender"));
        fails("chosenLambda", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, sd, "gender", "p", 0));
        List<String> dupNames = new java.util.ArrayList<>(FakeResults.ADULT);
        dupNames.set(1, "age");
        fails("features contains age twice", () -> Figures.lambdaCurves(L, dupNames, mean, sd, "gender"));
        fails("sensitive feature sex", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, sd, "sex"));
        double[][] negSd = FakeResults.sdPhi(L);
        negSd[3][1] = -0.1;
        fails("sdPhi[3][1]", () -> Figures.lambdaCurves(L, FakeResults.ADULT, mean, negSd, "gender"));
    }

    @Test
    void detection() {
        double[] rate = FakeResults.detectionRate(L);
        fails("detectionRate has 19 elements but lambdas has 20",
                () -> Figures.detection(L, java.util.Arrays.copyOf(rate, 19), 0.05, 2));
        double[] high = rate.clone();
        high[2] = 1.5;
        fails("detectionRate[2] = 1.5", () -> Figures.detection(L, high, 0.05, 2));
        fails("alpha", () -> Figures.detection(L, rate, 0, 2));
        fails("chosenLambda", () -> Figures.detection(L, rate, 0.05, -1));
        fails("rateHalfWidths has 3", () -> Figures.detection(L, rate, new double[3], 0.05, 2));
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
