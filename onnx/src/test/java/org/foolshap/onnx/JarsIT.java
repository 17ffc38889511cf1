package org.foolshap.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jars as a user runs them, in a fresh JVM: foolshap.jar alone says which jar an .onnx model needs;
 * with foolshap-onnx.jar beside it on the class path, ONNX Runtime's natives load from the jar and the CLI explains
 * the graph.
 */
class JarsIT {
    private static final Path ROOT = Path.of(System.getProperty("workbench.root", "..")).toAbsolutePath().normalize();
    private static final Path LIB = ROOT.resolve("lib/target/foolshap.jar");
    private static final Path ONNX = ROOT.resolve("onnx/target/foolshap-onnx.jar");

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    private Run java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return new Run(p.exitValue(), out);
    }

    private String[] explain(Path model, Path out) {
        Path csv = Fixtures.path("test.csv");
        return new String[] {"explain", "--model", model.toString(), "--foreground", csv.toString(), "--background",
            csv.toString(), "--out", out.toString()};
    }

    @Test
    void withoutTheModuleAnOnnxModelIsOneLineNamingTheJar() throws Exception {
        Path alone = Files.copy(LIB, dir.resolve("foolshap.jar")); // no foolshap-onnx.jar anywhere near it
        List<String> args = new ArrayList<>(List.of("-jar", alone.toString()));
        args.addAll(List.of(explain(Fixtures.path("forest_columns.onnx"), dir.resolve("phi.csv"))));
        Run r = java(args.toArray(String[]::new));
        assertEquals(2, r.code(), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("foolshap-onnx.jar"), r.out());
    }

    /**
     * foolshap.jar's manifest Class-Path ("foolshap-onnx.jar ../../onnx/target/foolshap-onnx.jar", in lib/pom.xml)
     * makes plain {@code java -jar foolshap.jar} find the ONNX jar beside it. Runs once the manifest has the entry.
     */
    @Test
    void besideFoolshapJarTheOnnxJarIsFoundWithoutFlags() throws Exception {
        String classPath;
        try (var jar = new java.util.jar.JarFile(LIB.toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(classPath != null && classPath.contains("foolshap-onnx.jar"),
                "foolshap.jar's manifest has no Class-Path naming foolshap-onnx.jar");
        Path side = Files.createDirectory(dir.resolve("side"));
        Files.copy(LIB, side.resolve("foolshap.jar"));
        Files.copy(ONNX, side.resolve("foolshap-onnx.jar"));
        Path out = dir.resolve("phi.csv");
        List<String> args = new ArrayList<>(List.of("-jar", side.resolve("foolshap.jar").toString()));
        args.addAll(List.of(explain(Fixtures.path("forest_columns.onnx"), out)));
        Run r = java(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out());
        assertEquals(5, Files.readAllLines(out).size());
        // and run in place, from the repository: lib/target/foolshap.jar finds onnx/target/foolshap-onnx.jar
        args.set(1, LIB.toString());
        r = java(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out());
    }

    @Test
    void withTheModuleOnTheClassPathTheCliExplainsTheGraph() throws Exception {
        Path out = dir.resolve("phi.csv");
        List<String> args = new ArrayList<>(List.of("-cp", LIB + File.pathSeparator + ONNX,
                "org.foolshap.cli.Main"));
        args.addAll(List.of(explain(Fixtures.path("forest_columns.onnx"), out)));
        Run r = java(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("f0", "f1", "f2", "f3"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList());
        // foreground = background: every global value is 0 (efficiency: sum = mean f(FG) - mean f(BG) = 0)
        for (String l : lines.subList(1, lines.size())) {
            assertEquals(0, Double.parseDouble(l.split(",")[1]), 1e-12, l);
        }
    }
}
