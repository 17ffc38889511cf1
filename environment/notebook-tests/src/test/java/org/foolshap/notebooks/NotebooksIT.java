package org.foolshap.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} headless with nbconvert against the freshly built kernel and library
 * (kernelspec under {@code target/jupyter}), as a reader's "Run All" would, and checks the executed copies in
 * {@code target/executed/}: no error output (else the notebook, cell index and exception are named), at least the
 * expected number of PNG images, every code cell executed. Notebooks that need downloaded data run against the
 * mirror ({@code FOOLSHAP_DATA}); without data they must stop on a message naming the fetch command (skipped, or
 * failed under CI=true).
 */
class NotebooksIT {
    /** Each notebook's minimum number of image/png outputs; a notebook missing here fails the test. */
    static final Map<String, Integer> IMAGES = Map.of(
            "01-quickstart", 1,
            "02-adult-audit", 6,
            "03-detectors", 3,
            "04-datasets-and-models", 3,
            "05-your-own-model", 2);
    /** Notebooks that read downloaded datasets. */
    static final List<String> NEEDS_DATA = List.of("02-adult-audit", "03-detectors", "04-datasets-and-models");
    static final long TIMEOUT_MINUTES = 15;

    @BeforeAll
    static void setUp() throws Exception {
        Workbench.requireJupyter();
        Workbench.installKernelspec();
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanAndDrawsItsFigures() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Workbench.NOTEBOOKS)) {
            notebooks = s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= IMAGES.size(), "expected the notebooks " + IMAGES.keySet() + " in "
                + Workbench.NOTEBOOKS + ", found " + notebooks);
        return notebooks.stream().map(nb -> DynamicTest.dynamicTest(stem(nb), () -> execute(nb)));
    }

    private static void execute(Path notebook) throws Exception {
        String name = stem(notebook);
        Integer images = IMAGES.get(name);
        if (images == null) {
            fail("notebook " + name + " has no expectation in NotebooksIT.IMAGES: add how many images it draws");
        }
        Path out = Workbench.TARGET.resolve("executed");
        Files.createDirectories(out);
        Path log = out.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Workbench.JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=foolshap", "--ExecutePreprocessor.timeout=600",
                "--output-dir", out.toString(), "--allow-errors", notebook.toString())
                .directory(Workbench.NOTEBOOKS.toFile());
        Workbench.configure(pb.environment());
        long start = System.nanoTime();
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(name + ": nbconvert did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, p.exitValue(), name + ": nbconvert failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        Path executed = out.resolve(notebook.getFileName());
        JsonArray cells = JsonParser.parseString(Files.readString(executed, StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("cells");

        List<String> errors = new ArrayList<>();
        Map<String, Integer> outputs = new TreeMap<>();
        int png = 0;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            if (cell.get("execution_count").isJsonNull()) {
                errors.add("cell " + i + " was not executed");
            }
            for (JsonElement e : cell.getAsJsonArray("outputs")) {
                JsonObject o = e.getAsJsonObject();
                String type = o.get("output_type").getAsString();
                outputs.merge(type, 1, Integer::sum);
                if ("error".equals(type)) {
                    errors.add("cell " + i + ": " + o.get("ename").getAsString() + ": "
                            + o.get("evalue").getAsString().lines().findFirst().orElse(""));
                } else if (o.has("data") && o.getAsJsonObject("data").has("image/png")) {
                    png++;
                }
            }
        }
        System.out.printf("notebook %s: %.1f s, %d image(s), outputs %s, executed copy %s%n", name, seconds, png,
                outputs, executed);
        if (!errors.isEmpty() && NEEDS_DATA.contains(name) && Workbench.mirror() == null
                && errors.get(0).contains("fetch --dataset")) {
            String why = name + " needs downloaded data and says so: " + errors.get(0);
            if (Workbench.ci()) {
                fail(why + " (CI=true: the data mirror ../shared/datasets is expected)");
            }
            Assumptions.abort(why);
        }
        if (!errors.isEmpty()) {
            fail("notebook " + name + " has error output:\n  " + String.join("\n  ", errors) + "\nsee " + executed);
        }
        assertTrue(png >= images, "notebook " + name + " drew " + png + " image(s), expected at least " + images
                + "; see " + executed);
    }

    private static String stem(Path notebook) {
        String f = notebook.getFileName().toString();
        return f.substring(0, f.length() - ".ipynb".length());
    }
}
