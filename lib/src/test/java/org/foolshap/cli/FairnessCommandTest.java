package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.fairness.FairnessMetrics;
import org.foolshap.fairness.FairnessReport;
import org.foolshap.model.ModelFile;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The fairness command's contract: the JSON keys other tools read, values that agree with the library and with the
 * model's own outputs, intersectional groups, and one-line errors with exit code 2 that leave no file behind.
 */
class FairnessCommandTest {
    private static final List<String> GROUP_KEYS = List.of("group", "count", "selection_rate", "mean_output", "tpr",
            "fpr", "precision", "auc");

    @TempDir
    Path dir;
    private ModelFile model;
    private Table table;

    @BeforeEach
    void setUp() throws Exception {
        Dataset toy = Datasets.toy(300, 5);
        model = Trainer.of(ModelKind.RF).withTrees(20).withSeed(1).train(toy, toy.split(0)).modelFile();
        model.save(dir.resolve("m.model"));
        table = toy.table();
        Random random = new Random(3);
        StringColumn site = StringColumn.create("site");
        for (int r = 0; r < table.rowCount(); r++) {
            site.append(List.of("north", "south", "east").get(random.nextInt(3)));
        }
        table.addColumns(site); // not a model feature: a grouping column only
        Csv.write(table, dir.resolve("d.csv"));
    }

    /** The CLI with its real error handling, the fairness command registered if Main does not list it yet. */
    static CommandLine cli(StringWriter err) {
        CommandLine cl = Main.commandLine();
        if (!cl.getSubcommands().containsKey("fairness")) {
            cl.addSubcommand("fairness", new FairnessCommand());
        }
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void jsonHasTheContractKeysAndAgreesWithTheModelsOutputs() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("f.json");
        int code = new CommandLine(new FairnessCommand()).setErr(new PrintWriter(err, true)).execute("--model",
                dir.resolve("m.model").toString(), "--data", dir.resolve("d.csv").toString(), "--target", "employed",
                "--sensitive", "sex", "--out", out.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().startsWith("wrote 2 groups to "), err.toString());
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        for (String key : List.of("groups", "demographic_parity_difference", "demographic_parity_ratio",
                "equalized_odds_difference", "equal_opportunity_difference")) {
            assertTrue(json.has(key), key);
        }
        JsonArray groups = json.getAsJsonArray("groups");
        assertEquals(2, groups.size());
        double[] f = model.model().outputs(model.features().encode(table));
        int[] y = table.intColumn("employed").asIntArray();
        Map<String, Double> selection = new HashMap<>();
        for (JsonElement e : groups) {
            JsonObject g = e.getAsJsonObject();
            assertEquals(Set.copyOf(GROUP_KEYS), g.keySet());
            String name = g.get("group").getAsString();
            int n = 0;
            int selected = 0;
            int tp = 0;
            int pos = 0;
            double sum = 0;
            for (int r = 0; r < f.length; r++) {
                if (table.stringColumn("sex").get(r).equals(name)) {
                    n++;
                    sum += f[r];
                    selected += f[r] >= 0.5 ? 1 : 0;
                    pos += y[r];
                    tp += f[r] >= 0.5 && y[r] == 1 ? 1 : 0;
                }
            }
            assertEquals(n, g.get("count").getAsInt(), name);
            assertEquals((double) selected / n, g.get("selection_rate").getAsDouble(), 1e-12, name);
            assertEquals(sum / n, g.get("mean_output").getAsDouble(), 1e-12, name);
            if (pos > 0) {
                assertEquals((double) tp / pos, g.get("tpr").getAsDouble(), 1e-12, name);
            }
            selection.put(name, (double) selected / n);
        }
        assertEquals(Set.of("Female", "Male"), selection.keySet());
        double hi = Math.max(selection.get("Female"), selection.get("Male"));
        double lo = Math.min(selection.get("Female"), selection.get("Male"));
        assertEquals(hi - lo, json.get("demographic_parity_difference").getAsDouble(), 1e-12);
        assertEquals(lo / hi, json.get("demographic_parity_ratio").getAsDouble(), 1e-12);
        FairnessReport library = FairnessMetrics.of(model.model()).evaluate(table, model.features(), "employed", "sex");
        assertEquals(library.equalizedOddsDifference(), json.get("equalized_odds_difference").getAsDouble(), 1e-12);
        assertEquals(library.equalOpportunityDifference(), json.get("equal_opportunity_difference").getAsDouble(),
                1e-12);
        assertEquals(0.5, json.get("threshold").getAsDouble());
        assertNoTemporaryFiles();
    }

    @Test
    void severalSensitiveColumnsGiveIntersectionsAndTheThresholdApplies() throws Exception {
        StringWriter err = new StringWriter();
        Path out = dir.resolve("sub/f.json");
        int code = cli(err).execute("fairness", "--model", dir.resolve("m.model").toString(), "--data",
                dir.resolve("d.csv").toString(), "--target", "employed", "--sensitive", "sex,site", "--threshold", "0.3",
                "--out", out.toString());
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        JsonArray groups = json.getAsJsonArray("groups");
        assertEquals(2 * 3, groups.size());
        double[] f = model.model().outputs(model.features().encode(table));
        int total = 0;
        for (JsonElement e : groups) {
            JsonObject g = e.getAsJsonObject();
            String[] parts = g.get("group").getAsString().split(", ");
            int n = 0;
            int selected = 0;
            for (int r = 0; r < f.length; r++) {
                if (table.stringColumn("sex").get(r).equals(parts[0]) && table.stringColumn("site").get(r).equals(parts[1])) {
                    n++;
                    selected += f[r] >= 0.3 ? 1 : 0;
                }
            }
            assertEquals(n, g.get("count").getAsInt(), g.toString());
            assertEquals((double) selected / n, g.get("selection_rate").getAsDouble(), 1e-12, g.toString());
            total += n;
        }
        assertEquals(table.rowCount(), total);
        assertEquals(0.3, json.get("threshold").getAsDouble());
    }

    @Test
    void mistakesAreOneLineErrorsWithExitCodeTwo() throws Exception {
        Map<String, List<String>> cases = Map.of(
                "error: sensitive column 'race' is not in d.csv", List.of("--target", "employed", "--sensitive", "race"),
                "error: target column 'height' has ", List.of("--target", "height", "--sensitive", "sex"),
                "error: target column 'salary' is not in d.csv", List.of("--target", "salary", "--sensitive", "sex"),
                "error: --target employed cannot also be a --sensitive column",
                List.of("--target", "employed", "--sensitive", "sex,employed"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            StringWriter err = new StringWriter();
            List<String> args = new java.util.ArrayList<>(List.of("fairness", "--model", dir.resolve("m.model")
                    .toString(), "--data", dir.resolve("d.csv").toString(), "--out", dir.resolve("bad.json").toString()));
            args.addAll(c.getValue());
            int code = cli(err).execute(args.toArray(String[]::new));
            String message = err.toString().trim();
            assertEquals(2, code, message);
            assertTrue(message.startsWith(c.getKey()), message);
            assertEquals(1, message.lines().count(), message);
            assertFalse(Files.exists(dir.resolve("bad.json")), "no output on failure");
        }
        assertNoTemporaryFiles();
    }

    private void assertNoTemporaryFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            Set<String> tmp = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))
                    .collect(Collectors.toSet());
            assertTrue(tmp.isEmpty(), tmp.toString());
        }
    }
}
