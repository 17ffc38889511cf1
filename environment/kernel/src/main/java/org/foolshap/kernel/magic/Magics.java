package org.foolshap.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.foolshap.kernel.eval.CellError;
import org.foolshap.kernel.eval.CellEvaluator;
import org.foolshap.kernel.eval.CellValue;
import org.foolshap.kernel.runtime.Display;

/**
 * IJava-compatible magics around a {@link CellEvaluator}.
 * <ul>
 *   <li>{@code %jars PATH...}: add jars (globs allowed, e.g. {@code lib/*.jar}, {@code deps/**.jar});</li>
 *   <li>{@code %classpath PATH...}: add jars or class directories; with no argument, list the class path;</li>
 *   <li>{@code %maven group:artifact:version...}: resolve with the local {@code mvn} and add the jars;</li>
 *   <li>{@code %%html} / {@code %%markdown} as a cell's first line: render the rest of the cell.</li>
 * </ul>
 * Line magics start a line ({@code %} in column 1) and may be mixed with Java lines; they run in order.
 * Relative paths are tried against the working directory, then against {@code $FOOLSHAP_HOME} (the workbench
 * root), so {@code %jars lib/target/foolshap.jar} works from {@code notebooks/} too. Adding a path twice is a no-op.
 */
public final class Magics {
    private final CellEvaluator evaluator;
    private final ArtifactResolver maven;
    private final List<Path> bases;

    public Magics(CellEvaluator evaluator, ArtifactResolver maven, List<Path> bases) {
        this.evaluator = evaluator;
        this.maven = maven;
        this.bases = List.copyOf(bases);
    }

    /** The default search bases: the working directory, then {@code $FOOLSHAP_HOME} if set. */
    public static List<Path> defaultBases() {
        List<Path> b = new ArrayList<>();
        b.add(Path.of("").toAbsolutePath());
        String home = System.getenv("FOOLSHAP_HOME");
        if (home != null && !home.isBlank()) {
            b.add(Path.of(home));
        }
        return b;
    }

    /** Runs a cell: magics and Java code in order; the value is the last Java expression's or a cell magic's. */
    public CellValue run(String cell) throws CellError {
        if (cell.startsWith("%%")) {
            int nl = cell.indexOf('\n');
            String head = (nl < 0 ? cell : cell.substring(0, nl)).substring(2).strip();
            String body = nl < 0 ? "" : cell.substring(nl + 1);
            String name = head.split("\\s+", 2)[0];
            switch (name) {
                case "html":
                    return new CellValue(Display.html(body));
                case "markdown":
                    return new CellValue(Display.markdown(body));
                default:
                    throw error("UnknownMagic", "no cell magic %%" + name + " (known: %%html, %%markdown)");
            }
        }
        CellValue last = null;
        StringBuilder java = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("%") && !line.startsWith("%%")) {
                if (!java.toString().isBlank()) {
                    last = evaluator.eval(java.toString());
                }
                last = lineMagic(line.substring(1).strip());
                // the next Java chunk starts with blank lines so "cell line N" in errors stays the cell's line N
                java.setLength(0);
                java.append("\n".repeat(i + 1));
            } else {
                java.append(line).append('\n');
            }
        }
        if (!java.toString().isBlank()) {
            last = evaluator.eval(java.toString().stripTrailing());
        }
        return last;
    }

    /** The Java part of a cell, magic lines blanked (for completion and is_complete). */
    public static String javaPart(String cell) {
        if (cell.startsWith("%%")) {
            return "";
        }
        StringBuilder b = new StringBuilder(cell.length());
        for (String line : cell.split("\n", -1)) {
            b.append(line.startsWith("%") ? " ".repeat(line.length()) : line).append('\n');
        }
        return b.substring(0, b.length() - 1);
    }

    private CellValue lineMagic(String text) throws CellError {
        List<String> words = words(text);
        if (words.isEmpty()) {
            throw error("UnknownMagic", "empty magic");
        }
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "jars":
                return add(args, p -> Files.isRegularFile(p) && p.toString().endsWith(".jar"), "%jars");
            case "classpath":
                if (args.isEmpty()) {
                    return new CellValue(String.join("\n", evaluator.classpath()));
                }
                return add(args, p -> Files.isDirectory(p) || p.toString().endsWith(".jar"), "%classpath");
            case "maven":
                try {
                    List<String> jars = maven.resolve(args);
                    int added = 0;
                    for (String jar : jars) {
                        checkReadable(Path.of(jar), "%maven");
                        if (evaluator.addToClasspath(jar)) {
                            added++;
                        }
                    }
                    System.out.println("%maven: " + jars.size() + " jar(s) resolved, " + added + " added to the class path");
                    return null;
                } catch (IOException | IllegalArgumentException e) {
                    throw error("MavenError", e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw error("Interrupted", "%maven was interrupted");
                }
            default:
                throw error("UnknownMagic", "no line magic %" + name + " (known: %jars, %classpath, %maven)");
        }
    }

    private CellValue add(List<String> patterns, Predicate<Path> accept, String magic) throws CellError {
        if (patterns.isEmpty()) {
            throw error("MagicError", magic + " needs at least one path");
        }
        for (String pattern : patterns) {
            List<Path> found = expand(pattern).stream().filter(accept).collect(Collectors.toList());
            if (found.isEmpty()) {
                throw error("MagicError", magic + ": nothing matches " + pattern + " (searched from " + bases + ")");
            }
            for (Path p : found) {
                checkReadable(p, magic);
                evaluator.addToClasspath(p.toString());
            }
        }
        return null;
    }

    /** A broken jar on javac's class path fails every later compilation, so it is refused up front. */
    private static void checkReadable(Path p, String magic) throws CellError {
        if (Files.isDirectory(p)) {
            return;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(p.toFile())) {
            jar.size();
        } catch (IOException | RuntimeException e) {
            throw error("MagicError", magic + ": " + p + " is not a readable jar (" + e.getMessage() + ")");
        }
    }

    /** Files matching a path or glob; the first base directory with any match wins. */
    List<Path> expand(String pattern) {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        boolean glob = expanded.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
        List<Path> candidates = Path.of(expanded.replaceAll("[*?\\[{].*", "x")).isAbsolute()
                ? List.of(Path.of("/")) : bases;
        for (Path base : candidates) {
            if (!glob) {
                Path p = base.resolve(expanded).normalize();
                if (Files.exists(p)) {
                    return List.of(p);
                }
                continue;
            }
            Path full = base.resolve(expanded);
            // walk from the longest directory prefix without glob characters
            String s = full.toString();
            int firstGlob = s.length();
            for (char g : new char[] {'*', '?', '[', '{'}) {
                int i = s.indexOf(g);
                if (i >= 0) {
                    firstGlob = Math.min(firstGlob, i);
                }
            }
            Path root = Path.of(s.substring(0, s.lastIndexOf(File.separatorChar, firstGlob) + 1));
            if (!Files.isDirectory(root)) {
                continue;
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + s);
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> hits = walk.filter(matcher::matches).sorted().collect(Collectors.toList());
                if (!hits.isEmpty()) {
                    return hits;
                }
            } catch (IOException e) {
                // unreadable directory: try the next base
            }
        }
        return List.of();
    }

    /** Splits on blanks, keeping "double quoted" words together. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    private static CellError error(String ename, String evalue) {
        return new CellError(ename, evalue, List.of(ename + ": " + evalue));
    }
}
