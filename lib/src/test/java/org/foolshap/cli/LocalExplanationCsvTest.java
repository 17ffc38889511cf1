package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foolshap.Progress;
import org.foolshap.model.Metrics;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * {@code explain --local}'s file: {@code row,<features>,base_value}, one row per foreground row, each feature column
 * the mean over the whole background of phi_i(f, x, z), base_value = mean f(BG); checked against per-pair SHAP by
 * exact enumeration and against the model's outputs (efficiency).
 */
class LocalExplanationCsvTest {
    @TempDir
    Path dir;
    private Model model;
    private double[][] fg;
    private double[][] bg;

    @BeforeEach
    void setUp() throws Exception {
        double[][] x = RandomData.rows(400, 1);
        model = Trainer.of(ModelKind.GBT).withTrees(20).fit(RandomData.FEATURES, x, RandomData.labels(x, 2));
        new ModelFile(RandomData.FEATURES, model, ModelKind.GBT, "y", List.of("0", "1"), Map.of())
                .save(dir.resolve("m.model"));
        fg = RandomData.rows(7, 3);
        bg = RandomData.rows(11, 4);
        write(fg, "fg.csv");
        write(bg, "bg.csv");
    }

    @Test
    void oneRowPerForegroundRowAveragedOverTheWholeBackground() throws Exception {
        Path out = dir.resolve("local.csv");
        LocalExplanationCsv.write(dir.resolve("m.model"), dir.resolve("fg.csv"), dir.resolve("bg.csv"), "auto", out,
                Progress.NONE);
        checkFile(out);
    }

    @Test
    void throughTheExplainCommandOnceItIsWired() throws Exception {
        CommandLine cl = Main.commandLine();
        Assumptions.assumeTrue(cl.getSubcommands().get("explain").getCommandSpec().findOption("--local") != null,
                "explain has no --local option yet");
        Path out = dir.resolve("cli-local.csv");
        assertEquals(0, cl.execute("explain", "--local", "--model", dir.resolve("m.model").toString(),
                "--foreground", dir.resolve("fg.csv").toString(), "--background", dir.resolve("bg.csv").toString(),
                "--out", out.toString()));
        checkFile(out);
    }

    private void checkFile(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,a,colour,b,shape,c,base_value", lines.get(0));
        assertEquals(1 + fg.length, lines.size());
        double base = Metrics.mean(model.outputs(bg));
        Explainer exact = Explainers.exact(model);
        for (int r = 0; r < fg.length; r++) {
            String[] cells = lines.get(r + 1).split(",");
            assertEquals(r, Integer.parseInt(cells[0]), "row is the 0-based index into FG.csv");
            assertEquals(base, Double.parseDouble(cells[6]), 1e-12, "base_value = mean f over BG");
            double[] mean = new double[5];
            for (double[] z : bg) {
                double[] phi = exact.phi(fg[r], z);
                for (int i = 0; i < 5; i++) {
                    mean[i] += phi[i] / bg.length;
                }
            }
            double sum = 0;
            for (int i = 0; i < 5; i++) {
                double v = Double.parseDouble(cells[1 + i]);
                assertEquals(mean[i], v, 1e-9, "row " + r + " feature " + i);
                sum += v;
            }
            assertEquals(model.output(fg[r]) - base, sum, 1e-9, "efficiency of row " + r);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file removed");
        }
    }

    private void write(double[][] rows, String name) throws Exception {
        Table t = RandomData.FEATURES.decode(rows, name);
        t.addColumns(IntColumn.create("target", new int[rows.length])); // ignored
        t.write().csv(dir.resolve(name).toFile());
    }
}
