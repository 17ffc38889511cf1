package org.foolshap.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.data.Mirror;
import org.foolshap.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reduced grid (COMPAS, rf, one seed, 5 lambdas, 30 audits each, 1 s baselines) through the same code path as the
 * full study: columns, values, resumability, calibration, Figure 5, and a missing dataset skipped with its fetch
 * command. Needs the raw-data mirror (skipped without it).
 */
class StudyTest {
    @TempDir
    Path dir;

    /** Records what the study reports, as a CLI would show it. */
    static final class Recorder implements StudyListener {
        final List<Study.Skip> skipped = new ArrayList<>();
        final Set<String> stages = new HashSet<>();
        final List<ResultRow> finished = new ArrayList<>();

        @Override
        public synchronized void update(String stage, long done, long total) {
            stages.add(stage.substring(stage.indexOf(' ') + 1));
        }

        @Override
        public synchronized void skipped(Study.Skip skip) {
            skipped.add(skip);
        }

        @Override
        public synchronized void finished(ResultRow row, int done, int total) {
            finished.add(row);
        }
    }

    @Test
    void reducedGridWritesRowsResumesAndSkipsMissingDatasets() throws Exception {
        Path mirror = Mirror.require("compas", "compas.csv");
        // a data directory holding only COMPAS, so marketing is certainly missing
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("compas"));
        Files.copy(mirror.resolve("compas").resolve("compas.csv"), data.resolve("compas").resolve("compas.csv"));
        Study study = Study.withDefaults().withDatasets(List.of("marketing", "compas"))
                .withModels(List.of(ModelKind.RF))
                .withSeeds(List.of(0)).withRepeats(30).withLambdas(new LambdaGrid(0, 2, 5)).withDataDir(data)
                .withCalibrationDraws(200).withBaselineSeconds(1);
        ResultsFile results = new ResultsFile(dir.resolve("out").resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(dir.resolve("out").resolve("calibration.csv"));

        Recorder first = new Recorder();
        Study.Outcome o = study.run(results, calibration, first);

        assertEquals(1, o.skipped().size(), o.skipped().toString());
        Study.Skip skip = o.skipped().get(0);
        assertEquals("marketing", skip.dataset());
        assertTrue(skip.reason().contains("fetch --dataset marketing"), skip.reason());
        assertEquals(o.skipped(), first.skipped);
        assertEquals(1, o.ran());
        assertEquals(0, o.resumed());
        assertTrue(first.stages.containsAll(List.of("training", "calibration", "lambda sweep")),
                first.stages.toString());

        List<String> lines = Files.readAllLines(results.path());
        assertEquals(String.join(",", ResultRow.COLUMNS), lines.get(0));
        assertEquals("dataset,model,seed,n_foreground,n_background,demographic_parity,phi_s_before,rank_before,"
                + "phi_s_foolshap,rank_foolshap,phi_s_brute,phi_s_genetic,relative_decrease_foolshap,"
                + "relative_decrease_brute,relative_decrease_genetic,lambda,detection_rate,detected_final,seconds",
                lines.get(0));
        assertEquals(2, lines.size());
        ResultRow r = o.rows().get(0);
        assertEquals(lines.get(1), r.csv());
        assertEquals("compas/rf/0", r.key());
        assertEquals(3696, r.foreground()); // African-American
        assertEquals(2454, r.background()); // Caucasian
        assertTrue(r.demographicParity() < 0, "the protected group gets fewer low-risk predictions: " + r);
        assertTrue(r.rankBefore() >= 1 && r.rankBefore() <= 8, "rank among COMPAS's 8 features: " + r);
        assertTrue(r.rankFoolShap() >= 1 && r.rankFoolShap() <= 8, r.toString());
        assertTrue(r.phiBefore() != 0, r.toString());
        assertEquals(ResultRow.decrease(r.phiBefore(), r.phiFoolShap()), r.decreaseFoolShap(), 1e-5);
        assertTrue(r.decreaseFoolShap() > 0.3, "Fool SHAP shrinks |phi_s| on COMPAS: " + r);
        assertTrue(r.decreaseFoolShap() > r.decreaseBrute(), r.toString());
        assertTrue(r.detectionRate() <= 0.10, r.toString());
        assertTrue(r.lambda() >= 1 && r.lambda() <= 100, "lambda from the 10^0..10^2 grid: " + r);
        assertTrue(r.seconds() > 0);

        List<CalibrationRow> cal = calibration.read();
        assertEquals(1, cal.size());
        assertEquals(200, cal.get(0).draws());
        assertTrue(cal.get(0).low() <= cal.get(0).rate() && cal.get(0).rate() <= cal.get(0).high());
        assertTrue(cal.get(0).rate() < 0.15, "honest draws are rarely flagged: " + cal.get(0));

        // resumability: nothing recomputed, nothing appended, the same rows returned
        Recorder second = new Recorder();
        Study.Outcome again = study.run(results, calibration, second);
        assertEquals(0, again.ran());
        assertEquals(1, again.resumed());
        assertEquals(o.rows().stream().map(ResultRow::csv).toList(),
                again.rows().stream().map(ResultRow::csv).toList());
        assertEquals(lines, Files.readAllLines(results.path()));
        assertEquals(1, calibration.read().size());
        assertTrue(second.stages.isEmpty(), "a resumed run does no work: " + second.stages);

        // Figure 5 from the rows: a real picture with the three method colours, not a blank canvas
        Path png = Summary.writeFigure5(again.rows(), dir.resolve("out").resolve("figure5.png"));
        assertTrue(Files.size(png) > 5_000, "figure5.png is " + Files.size(png) + " bytes");
        BufferedImage img = ImageIO.read(png.toFile());
        Set<Integer> colours = new HashSet<>();
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        for (int p : px) {
            colours.add(p);
        }
        assertTrue(colours.size() > 50, "only " + colours.size() + " colours in figure5.png");
    }

    @Test
    void onlyMissingDatasetsGiveNoRowsAndOneSkipEach() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Recorder rec = new Recorder();
        Study.Outcome o = Study.withDefaults().withDatasets(List.of("compas", "adult"))
                .withModels(List.of(ModelKind.RF))
                .withSeeds(List.of(0, 1)).withDataDir(empty)
                .run(new ResultsFile(dir.resolve("results.csv")), rec);
        assertEquals(2, o.skipped().size());
        assertTrue(o.skipped().get(0).reason().contains("fetch --dataset compas"), o.skipped().get(0).reason());
        assertTrue(o.skipped().get(1).reason().contains("fetch --dataset adult"), o.skipped().get(1).reason());
        assertNull(o.skipped().get(0).model());
        assertTrue(o.rows().isEmpty());
        assertEquals(0, o.ran());
        assertFalse(Files.exists(dir.resolve("results.csv")));
    }
}
