package org.foolshap.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.foolshap.attack.FoolShap;
import org.foolshap.attack.LambdaGrid;
import org.foolshap.attack.LambdaPoint;
import org.foolshap.attack.SweepResult;
import org.foolshap.attack.Weights;
import org.foolshap.audit.Protocol;
import org.foolshap.data.Mirror;
import org.foolshap.model.ModelKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A reduced grid (COMPAS, rf, one seed, 5 lambdas, 30 audits each, 1 s baselines) through the same code path as the
 * full study: the plan, columns, values, resumability, calibration, Figure 5, and a missing dataset skipped with its
 * fetch command (needs the raw-data mirror; skipped without it). Then the settings, the plan's checks and the lambda
 * grid's widening, which need no data.
 */
class StudyTest {
    @TempDir
    Path dir;

    /** Records what the study reports, as a CLI would show it. */
    static final class Recorder implements StudyListener {
        final List<Study.Skip> skipped = new ArrayList<>();
        final Set<String> stages = new HashSet<>();
        final List<ResultRow> finished = new ArrayList<>();
        int planned = -1;

        @Override
        public synchronized void update(String stage, long done, long total) {
            stages.add(stage.substring(stage.indexOf(' ') + 1));
        }

        @Override
        public synchronized void planned(int toRun, int resumed) {
            planned = toRun;
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
    void reducedGridPlansWritesRowsResumesAndSkipsMissingDatasets() throws Exception {
        Path mirror = Mirror.require("compas", "compas.csv");
        // a data directory holding only COMPAS, so marketing is certainly missing
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("compas"));
        Files.copy(mirror.resolve("compas").resolve("compas.csv"), data.resolve("compas").resolve("compas.csv"));
        Protocol protocol = Protocol.paper().withRepeats(30);
        Study study = Study.withDefaults().withDatasets(List.of("marketing", "compas"))
                .withModels(List.of(ModelKind.RF)).withSeeds(List.of(0)).withDataDir(data)
                .withAttack(FoolShap.withDefaults().withProtocol(protocol).withLambdas(new LambdaGrid(0, 2, 5))
                        .withBaselineSeconds(1).withFastGenetic(true))
                .withCalibrationDraws(200).withTuning(0).withFreshDraws(200);
        assertEquals(protocol, study.protocol());
        ResultsFile results = new ResultsFile(dir.resolve("out").resolve("results.csv"));
        CalibrationFile calibration = new CalibrationFile(dir.resolve("out").resolve("calibration.csv"));

        // the plan: one run to do, marketing skipped with the command that fetches it, nothing computed or written
        Plan plan = study.plan(results, calibration);
        assertEquals(List.of(new Plan.Task("compas", ModelKind.RF, 0, true, true)), plan.tasks());
        assertTrue(plan.resumed().isEmpty());
        assertEquals(1, plan.skipped().size(), plan.skipped().toString());
        Study.Skip skip = plan.skipped().get(0);
        assertEquals("marketing", skip.dataset());
        assertTrue(skip.reason().contains("fetch --dataset marketing"), skip.reason());
        Table table = plan.toTable();
        assertEquals(List.of("attack and calibration", "skipped"), table.stringColumn("action").asList());
        assertTrue(plan.toString().contains("to do compas/rf/0") && plan.toString().contains("skipped marketing"),
                plan.toString());
        assertFalse(Files.exists(results.path()));

        Recorder first = new Recorder();
        Study.Outcome o = study.execute(plan, first);
        assertEquals(plan.skipped(), o.skipped());
        assertEquals(o.skipped(), first.skipped);
        assertEquals(1, first.planned);
        assertEquals(1, o.ran());
        assertEquals(0, o.resumed());
        assertTrue(first.stages.containsAll(List.of("training rf", "calibration", "lambda sweep")),
                first.stages.toString());

        List<String> lines = Files.readAllLines(results.path());
        assertEquals(String.join(",", ResultRow.COLUMNS), lines.get(0));
        assertEquals("dataset,model,seed,n_foreground,n_background,demographic_parity,phi_s_before,rank_before,"
                + "phi_s_foolshap,rank_foolshap,phi_s_brute,phi_s_genetic,relative_decrease_foolshap,"
                + "relative_decrease_brute,relative_decrease_genetic,lambda,detection_rate,detected_final,seconds,"
                + "genetic_generations,genetic_seconds,scale,explainer,hyperparameters,phi_s_full,"
                + "relative_decrease_full,detection_rate_fresh,fresh_draws,lambda_grid", lines.get(0));
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
        assertTrue(r.detectionRate() < protocol.stealthThreshold(), r.toString());
        assertTrue(r.lambda() >= 1 && r.lambda() <= 100, "lambda from the 10^0..10^2 grid: " + r);
        assertTrue(r.seconds() > 0);

        List<CalibrationRow> cal = calibration.read();
        assertEquals(1, cal.size());
        assertEquals(200, cal.get(0).draws());
        assertEquals(protocol.significance(), cal.get(0).significance());
        assertTrue(cal.get(0).low() <= cal.get(0).rate() && cal.get(0).rate() <= cal.get(0).high());
        assertTrue(cal.get(0).rate() < 0.15, "honest draws are rarely flagged: " + cal.get(0));

        // resumability: planned as resumed, nothing recomputed, nothing appended, the same rows returned
        Plan resumed = study.plan(results, calibration);
        assertTrue(resumed.isEmpty());
        assertEquals(lines.subList(1, 2), resumed.resumed().stream().map(ResultRow::csv).toList());
        assertTrue(resumed.toTable().stringColumn("action").asList().contains("resumed"));
        Recorder second = new Recorder();
        Study.Outcome again = study.execute(resumed, second);
        assertEquals(0, again.ran());
        assertEquals(1, again.resumed());
        assertEquals(o.rows().stream().map(ResultRow::csv).toList(),
                again.rows().stream().map(ResultRow::csv).toList());
        assertEquals(lines, Files.readAllLines(results.path()));
        assertEquals(1, calibration.read().size());
        assertTrue(second.stages.isEmpty(), "a resumed run does no work: " + second.stages);

        // the folder records the settings of its rows; a study with another protocol is refused, never mixed in
        assertEquals(study.settings(), SettingsFile.besides(results).read().orElseThrow());
        Study other = study.withProtocol(protocol.withRepeats(31));
        Study.SettingsChanged changed = assertThrows(Study.SettingsChanged.class,
                () -> other.plan(results, calibration));
        assertEquals(List.of(new Study.SettingsChanged.Change("repeats", "30", "31")), changed.changes());
        assertEquals(lines, Files.readAllLines(results.path()));

        // a lost calibration.csv is planned as calibration only: the model is retrained, the attack not redone
        Files.delete(calibration.path());
        Plan calibrateOnly = study.plan(results, calibration);
        assertEquals(List.of(new Plan.Task("compas", ModelKind.RF, 0, false, true)), calibrateOnly.tasks());
        assertEquals(1, calibrateOnly.resumed().size());
        Recorder third = new Recorder();
        Study.Outcome recalibrated = study.execute(calibrateOnly, third);
        assertTrue(third.stages.containsAll(List.of("training rf", "calibration")), third.stages.toString());
        assertFalse(third.stages.contains("lambda sweep"), third.stages.toString());
        assertEquals(lines, Files.readAllLines(results.path()));
        assertEquals(cal, calibration.read(), "same seed, same calibration");
        assertEquals(lines.subList(1, 2), recalibrated.rows().stream().map(ResultRow::csv).toList());

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
        Study study = Study.withDefaults().withDatasets(List.of("compas", "adult")).withModels(List.of(ModelKind.RF))
                .withSeeds(List.of(0, 1)).withDataDir(empty);
        Study.Outcome o = study.run(new ResultsFile(dir.resolve("results.csv")), rec);
        assertEquals(2, o.skipped().size());
        assertEquals(o.skipped(), rec.skipped);
        assertTrue(o.skipped().get(0).reason().contains("fetch --dataset compas"), o.skipped().get(0).reason());
        assertTrue(o.skipped().get(1).reason().contains("fetch --dataset adult"), o.skipped().get(1).reason());
        assertNull(o.skipped().get(0).model());
        assertTrue(o.rows().isEmpty());
        assertEquals(0, o.ran());
        assertEquals(0, rec.planned);
        assertFalse(Files.exists(dir.resolve("results.csv")));

        // a plan belongs to the study that made it
        Plan plan = study.plan(new ResultsFile(dir.resolve("results.csv")));
        var e = assertThrows(IllegalArgumentException.class,
                () -> study.withThreads(2).execute(plan, StudyListener.NONE));
        assertTrue(e.getMessage().contains("another study"), e.getMessage());
    }

    /** The default study is the paper's Figure 5: 4 datasets x their models x 5 seeds = 50 runs, planned only. */
    @Test
    void theDefaultGridIsThePapersFiftyRuns() throws Exception {
        Path mirror = Mirror.require("marketing", "bank-full.csv");
        Mirror.require("adult", "adult.data", "adult.test");
        Mirror.require("compas", "compas.csv");
        Mirror.require("communities", "communities.csv");
        Study study = Study.withDefaults().withDataDir(mirror);
        assertEquals(List.of("compas", "adult", "marketing", "communities"), study.datasets());
        assertEquals(50, study.tuning());
        assertFalse(study.attack().fastGenetic(), "the study's genetic baseline is the published one");
        assertEquals("published", study.settings().get("genetic"));
        assertTrue(FoolShap.withDefaults().fastGenetic(), "a single attack defaults to the FAST setting");
        Plan plan = study.plan(new ResultsFile(dir.resolve("grid").resolve("results.csv")));
        assertEquals(50, plan.tasks().size(), plan.toString());
        assertEquals(15, plan.tasks().stream().filter(t -> t.dataset().equals("adult")).count());
        assertEquals(10, plan.tasks().stream().filter(t -> t.dataset().equals("marketing")).count());
        assertEquals(2, plan.skipped().size(), plan.skipped().toString());
        for (Study.Skip skip : plan.skipped()) {
            assertEquals("mlp", skip.model());
            assertTrue(skip.reason().contains("Figure 5"), skip.reason());
        }
        assertEquals(55, study.withPaperModels(false).plan(new ResultsFile(dir.resolve("all").resolve("results.csv")))
                .tasks().size(), "mlp on marketing too (communities is too wide for exact SHAP)");
        // the paper's scales: boosting explained on the probability on adult and compas, log-odds elsewhere
        assertEquals(org.foolshap.model.OutputScale.PROBABILITY, PaperGrid.scale("adult", PaperGrid.XGB_COLUMN));
        assertEquals(org.foolshap.model.OutputScale.LOG_ODDS, PaperGrid.scale("marketing", PaperGrid.XGB_COLUMN));
        assertEquals(new LambdaGrid(-0.5, 4, 40), PaperGrid.officialLambdas("communities", ModelKind.RF).orElseThrow());
        assertTrue(PaperGrid.officialLambdas("marketing", PaperGrid.XGB_COLUMN).isEmpty());
    }

    /** A boosted model on the probability scale is the sigmoid of its log-odds, then explained exactly. */
    @Test
    void boostingOnTheProbabilityScaleIsTheSigmoidOfItsMargin() {
        org.foolshap.model.Model margin = org.foolshap.model.Model.of(2, x -> x[0] - 2 * x[1],
                org.foolshap.model.OutputScale.LOG_ODDS);
        org.foolshap.model.Model p = StudyRun.explained(margin, org.foolshap.model.OutputScale.PROBABILITY);
        assertEquals(org.foolshap.model.OutputScale.PROBABILITY, p.scale());
        assertEquals(1 / (1 + Math.exp(-(0.5 - 2))), p.output(new double[] {0.5, 1}), 1e-12);
        assertEquals("exact", StudyRun.explainerName(p));
        assertTrue(StudyRun.explained(margin, org.foolshap.model.OutputScale.LOG_ODDS) == margin);
    }

    @Test
    void theParityGapIsOnTheScaleExplained() throws Exception {
        org.foolshap.data.Dataset data = org.foolshap.data.Datasets.load("compas", Mirror.require("compas",
                "compas.csv"));
        org.foolshap.data.Split split = data.split(0);
        org.foolshap.model.Training boosted = org.foolshap.model.Trainer.of(ModelKind.GBT).withSeed(0)
                .train(data, split);
        org.foolshap.model.Model p = StudyRun.explained(boosted.model(), org.foolshap.model.OutputScale.PROBABILITY);
        double[] out = p.outputs(data.x());
        double gap = mean(out, data.foregroundRows()) - mean(out, data.backgroundRows());
        assertEquals(gap, StudyRun.parity(p, boosted, data, split), 1e-12);
        double margins = boosted.evaluation().demographicParity();
        assertTrue(Math.abs(margins - gap) > 0.05, "log-odds gap " + margins + " against probability gap " + gap);
        // a model explained as it is keeps its own evaluation's gap
        org.foolshap.model.Model m = StudyRun.explained(boosted.model(), org.foolshap.model.OutputScale.LOG_ODDS);
        assertEquals(margins, StudyRun.parity(m, boosted, data, split), 0);
    }

    private static double mean(double[] values, int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += values[r];
        }
        return s / rows.length;
    }

    @Test
    void settingsAreDeclaredOnceAndBadOnesAreRefusedNamingThem() {
        Study s = Study.withDefaults();
        assertEquals(Protocol.paper(), s.protocol());
        assertEquals(FoolShap.withDefaults().protocol(), s.protocol());
        Protocol p = Protocol.paper().withM(50).withRepeats(10).withSignificance(0.01);
        assertEquals(p, s.withProtocol(p).protocol());
        assertEquals(p, s.withAttack(FoolShap.withDefaults().withProtocol(p)).protocol());
        // the prototype carries the protocol: replacing the prototype replaces it
        assertEquals(Protocol.paper(), s.withProtocol(p).withAttack(FoolShap.withDefaults()).protocol());
        assertTrue(s.withProtocol(p).toString().contains("M = 50"), s.withProtocol(p).toString());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.withDatasets(List.of("adult", "iris")))
                .getMessage().contains("iris"));
        assertThrows(IllegalArgumentException.class, () -> s.withSeeds(List.of()));
        assertThrows(IllegalArgumentException.class, () -> s.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> s.withCalibrationDraws(-1));
        assertThrows(NullPointerException.class, () -> s.withAttack(null));
        assertEquals(2, s.withDatasets(List.of("adult", "adult", "compas")).datasets().size());
        assertEquals(s.datasets().size() * s.models().size() * s.seeds().size(), s.size());
        assertEquals(List.of(ModelKind.RF), s.withModels(List.of(ModelKind.RF)).models());
    }

    private static SweepResult sweep(int best, int points) {
        List<LambdaPoint> list = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            Weights w = new Weights(new int[] {1}, new int[] {0}, 1, k, 0, 0);
            list.add(new LambdaPoint(k, w, new double[] {0}, new double[] {0}, 0, 0, 10));
        }
        return new SweepResult(list, best, new double[] {1}, 1, 0.1, 0, 1);
    }

    @Test
    void theLambdaGridWidensOnlyPastTheEdgeLambdaStarSitsOn() {
        LambdaGrid paper = LambdaGrid.paper();
        assertNull(StudyRun.widen(paper, paper, sweep(7, 20)));
        LambdaGrid down = StudyRun.widen(paper, paper, sweep(0, 20));
        assertEquals(new LambdaGrid(paper.lo() - (paper.hi() - paper.lo()), paper.hi(), 2 * paper.steps() - 1), down);
        LambdaGrid up = new LambdaGrid(paper.lo(), paper.hi() + (paper.hi() - paper.lo()), 2 * paper.steps() - 1);
        assertEquals(up, StudyRun.widen(paper, paper, sweep(19, 20)));
        assertEquals(up, StudyRun.widen(paper, paper, sweep(-1, 20)), "no stealthy lambda widens upwards");
        // a second extension adds the original span again, at the original density
        LambdaGrid twice = StudyRun.widen(down, paper, sweep(0, 39));
        assertEquals(3 * paper.steps() - 2, twice.steps());
        double[] v = twice.values();
        assertEquals(Math.log10(v[1] / v[0]), Math.log10(paper.values()[1] / paper.values()[0]), 1e-9);
    }

    /** The widening starts from the lambdas the prototype's sweep used: its grid is recovered exactly. */
    @Test
    void thePrototypesGridIsRecoveredFromItsLambdas() {
        for (LambdaGrid g : List.of(LambdaGrid.paper(), new LambdaGrid(0, 2, 5), new LambdaGrid(-3.3, 1.7, 11))) {
            assertEquals(g, StudyRun.gridOf(g.values()));
        }
        assertEquals(1, StudyRun.gridOf(new double[] {3}).steps());
        assertNull(StudyRun.widen(StudyRun.gridOf(new double[] {3}), StudyRun.gridOf(new double[] {3}), sweep(0, 1)));
        assertEquals(new LambdaGrid(0, 2, 3), StudyRun.gridOf(new double[] {100, 1, 7}));
    }

    @Test
    void mlpBackgroundSubsampleIsSeededWithoutRepeats() {
        double[][] rows = new double[50][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i};
        }
        double[][] a = StudyRun.subsample(rows, 10, 3);
        double[][] b = StudyRun.subsample(rows, 10, 3);
        assertEquals(10, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i][0], b[i][0]);
            if (i > 0) {
                assertTrue(a[i][0] > a[i - 1][0], "distinct rows in original order");
            }
        }
    }
}
