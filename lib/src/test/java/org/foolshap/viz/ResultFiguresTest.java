package org.foolshap.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.foolshap.ToyAudit;
import org.foolshap.attack.AttackResult;
import org.foolshap.attack.LambdaSweep;
import org.foolshap.attack.ManipulabilityInterval;
import org.foolshap.attack.SweepResult;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.DetectionPower;
import org.foolshap.audit.PowerTable;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Group;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.CoefficientMatrix;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every figure drawn straight from a small real attack's results renders to PNG bytes (what a notebook kernel sends):
 * non-empty, PNG magic, the chart's size, and not blank.
 */
class ResultFiguresTest {
    private static final AttackResult ATTACK = ToyAudit.attack();
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void attackFigures() {
        Attributions before = ATTACK.before();
        Attributions after = ATTACK.after();
        String s = ATTACK.sensitiveName();
        rendersPng(Figures.attributions(ATTACK), "result-attributions");
        rendersPng(Figures.attributions(before, s), "result-attributions-honest");
        rendersPng(Figures.attributions(before, after, s), "result-attributions-before-after");
        Map<String, Attributions> series = new LinkedHashMap<>();
        series.put("honest S_1'", before);
        series.put("stealthy S_1'", after);
        rendersPng(Figures.attributions(series, s, "toy attack"), "result-attributions-map");
        XYChart chart = Figures.attributions(ATTACK);
        assertTrue(chart.getXAxisTitle().contains(ATTACK.scale().label()), chart.getXAxisTitle());
        assertTrue(chart.getTitle().contains(s), chart.getTitle());
    }

    @Test
    void whatTheAuditorSees() {
        Auditor auditor = ATTACK.auditor();
        rendersPng(Figures.cdfs(ATTACK), "result-cdfs");
        rendersPng(Figures.cdfs(auditor, ATTACK.sampleS0(), ATTACK.honestSampleS1()), "result-cdfs-honest");
        XYChart histograms = Figures.outputHistograms(auditor);
        rendersPng(histograms, "result-histograms");
        AuditSetting setting = ATTACK.setting();
        assertTrue(histograms.getSeriesMap().keySet().stream()
                        .anyMatch(k -> k.contains(setting.name(Group.FOREGROUND))),
                "the groups' names label the series: " + histograms.getSeriesMap().keySet());
    }

    @Test
    void sweepFigures() {
        SweepResult sweep = ATTACK.sweep();
        rendersPng(Figures.lambdaCurves(sweep), "result-lambda-curves");
        rendersPng(Figures.detection(sweep), "result-detection");
        XYChart detection = Figures.detection(sweep);
        assertTrue(detection.getSeriesMap().keySet().stream().anyMatch(k -> k.contains("stealth threshold")),
                "threshold drawn: " + detection.getSeriesMap().keySet());
        assertEquals(sweep.chosen().isPresent(),
                detection.getSeriesMap().keySet().stream().anyMatch(k -> k.startsWith("chosen")), "lambda* marked iff chosen");
    }

    @Test
    void auditorSideFigures() {
        AuditSetting setting = ATTACK.setting();
        Auditor auditor = ATTACK.auditor();
        PowerTable power = DetectionPower.withDefaults().withRepeats(5).withSeed(1)
                .run(auditor, ATTACK.sweep(), 1, 20, ToyAudit.M);
        rendersPng(Figures.power(power, ToyAudit.M), "result-power");
        rendersPng(Figures.powerByM(power, "paper"), "result-power-by-m");
        CoefficientMatrix c = Explainers.exact(ToyAudit.model(setting)).coefficients(ATTACK.sampleS0(), setting);
        ManipulabilityInterval.Result interval = ManipulabilityInterval.of(LambdaSweep.withDefaults()
                .withM(ToyAudit.M).withRepeats(10).withLambdas(0.3, 3, 30).withSeed(4)).run(c, auditor);
        assertTrue(interval.low() <= interval.honest() && interval.honest() <= interval.high(), interval.toString());
        rendersPng(Figures.manipulability(interval), "result-manipulability");
    }

    /** PNG bytes: magic, the chart's size, some drawn pixels; also written to target/figures for a human. */
    private static void rendersPng(Chart<?, ?> chart, String name) {
        byte[] png = Figures.pngBytes(chart);
        assertTrue(png.length > 1000, name + ": " + png.length + " bytes");
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length), name + ": PNG magic");
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(chart.getWidth(), img.getWidth(), name);
        assertEquals(chart.getHeight(), img.getHeight(), name);
        FiguresTest.assertNonTrivial(img, 200, 200);
        FiguresTest.render(chart, name);
    }
}
