package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.foolshap.model.Model;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.foolshap.model.RandomData;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Attributions;
import org.foolshap.shap.Explainers;
import org.foolshap.shap.GlobalShap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** The explain command's contract: file formats, agreement with the library, one-line errors. */
class ExplainCommandTest {
    @TempDir
    Path dir;
    private Model model;
    private double[][] fg;
    private double[][] bg;

    @BeforeEach
    void setUp() throws Exception {
        double[][] x = RandomData.rows(400, 1);
        int[] y = RandomData.labels(x, 2);
        model = Trainer.of(ModelKind.GBT).withTrees(20).fit(RandomData.FEATURES, x, y);
        new ModelFile(RandomData.FEATURES, model, ModelKind.GBT, "y", List.of("0", "1"), Map.of())
                .save(dir.resolve("m.model"));
        fg = RandomData.rows(7, 3);
        bg = RandomData.rows(9, 4);
        write(fg, "fg.csv");
        write(bg, "bg.csv");
    }

    @Test
    void globalValuesMatchTheLibrary() throws Exception {
        assertEquals(0, Main.run("explain", "--model", dir.resolve("m.model").toString(), "--foreground",
                dir.resolve("fg.csv").toString(), "--background", dir.resolve("bg.csv").toString(), "--out",
                dir.resolve("out.csv").toString()));
        List<String> lines = Files.readAllLines(dir.resolve("out.csv"));
        assertEquals("feature,phi,ci_half_width", lines.get(0));
        Attributions want = GlobalShap.of(Explainers.auto(model)).withNames(RandomData.FEATURES.names())
                .explain(fg, bg);
        assertEquals(6, lines.size());
        for (int i = 0; i < 5; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(RandomData.FEATURES.names().get(i), cells[0]);
            assertEquals(want.values()[i], Double.parseDouble(cells[1]), 1e-12);
            assertEquals(want.halfWidths()[i], Double.parseDouble(cells[2]), 1e-12);
        }
    }

    @Test
    void perPairRowsAreEfficient() throws Exception {
        assertEquals(0, Main.run("explain", "--model", dir.resolve("m.model").toString(), "--foreground",
                dir.resolve("fg.csv").toString(), "--background", dir.resolve("bg.csv").toString(), "--out",
                dir.resolve("pairs.csv").toString(), "--per-pair", "--method", "exact"));
        List<String> lines = Files.readAllLines(dir.resolve("pairs.csv"));
        assertEquals("fg,bg,a,colour,b,shape,c", lines.get(0));
        assertEquals(1 + 7 * 9, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            int a = Integer.parseInt(cells[0]);
            int b = Integer.parseInt(cells[1]);
            double sum = 0;
            for (int i = 2; i < cells.length; i++) {
                sum += Double.parseDouble(cells[i]);
            }
            assertEquals(model.output(fg[a]) - model.output(bg[b]), sum, 1e-9, line);
        }
    }

    @Test
    void missingColumnIsAOneLineUsageError() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "a,colour,b\n1,red,0.5\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int code;
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true));
        code = cl.execute("explain", "--model", dir.resolve("m.model").toString(), "--foreground",
                dir.resolve("bad.csv").toString(), "--background", dir.resolve("bg.csv").toString(), "--out",
                dir.resolve("o.csv").toString());
        System.setErr(old);
        assertEquals(2, code);
        String message = err.toString().trim();
        assertTrue(message.startsWith("error: column shape is missing from table"), message);
        assertEquals(1, message.lines().count(), message);
    }

    private void write(double[][] rows, String name) throws Exception {
        Table t = RandomData.FEATURES.decode(rows, name);
        t.addColumns(IntColumn.create("target", new int[rows.length])); // ignored by explain
        t.write().csv(dir.resolve(name).toFile());
    }
}
