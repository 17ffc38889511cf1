package org.foolshap.kernel.magic;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Resolves Maven coordinates (with their runtime dependencies) to jar files by running the local {@code mvn} on a
 * throw-away pom: {@code dependency:build-classpath}. It tries offline first (the local repository is enough for
 * anything resolved before) and only then goes online. The executable is {@code $FOOLSHAP_MVN} or {@code mvn}.
 * Cost: one Maven start (about 2-4 s) per call, plus downloads the first time.
 */
public final class MavenResolver implements ArtifactResolver {
    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final long TIMEOUT_MINUTES = 10;

    private final String mvn;

    public MavenResolver() {
        this(System.getenv().getOrDefault("FOOLSHAP_MVN", "mvn"));
    }

    public MavenResolver(String mvn) {
        this.mvn = mvn;
    }

    /**
     * @param coordinates {@code group:artifact:version}, or {@code group:artifact:type:version}, or
     *                    {@code group:artifact:type:classifier:version}
     * @return the jars, the requested artifacts' own and their dependencies'
     */
    @Override
    public List<String> resolve(List<String> coordinates) throws IOException, InterruptedException {
        if (coordinates.isEmpty()) {
            throw new IllegalArgumentException("%maven needs at least one group:artifact:version");
        }
        Path dir = Files.createTempDirectory("foolshap-maven");
        try {
            Path pom = dir.resolve("pom.xml");
            Files.writeString(pom, pom(coordinates), StandardCharsets.UTF_8);
            Path out = dir.resolve("classpath.txt");
            Path log = dir.resolve("mvn.log");
            int code = run(pom, out, log, true);
            if (code != 0) {
                code = run(pom, out, log, false);
            }
            if (code != 0 || !Files.exists(out)) {
                throw new IOException("mvn could not resolve " + String.join(", ", coordinates) + ":\n" + tail(log));
            }
            List<String> jars = new ArrayList<>();
            for (String entry : Files.readString(out, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(entry.strip());
                }
            }
            return jars;
        } finally {
            deleteTree(dir);
        }
    }

    private int run(Path pom, Path out, Path log, boolean offline) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q"));
        if (offline) {
            cmd.add("-o");
        }
        cmd.addAll(List.of("-f", pom.toString(), DEPENDENCY_PLUGIN + ":build-classpath",
                "-Dmdep.outputFile=" + out, "-Dmdep.includeScope=runtime"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("mvn took longer than " + TIMEOUT_MINUTES + " minutes");
        }
        return p.exitValue();
    }

    static String pom(List<String> coordinates) {
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] p = c.strip().split(":");
            String type = "jar";
            String classifier = null;
            String version;
            if (p.length == 3) {
                version = p[2];
            } else if (p.length == 4) {
                type = p[2];
                version = p[3];
            } else if (p.length == 5) {
                type = p[2];
                classifier = p[3];
                version = p[4];
            } else {
                throw new IllegalArgumentException("not Maven coordinates (group:artifact:version): " + c);
            }
            deps.append("<dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                .append("</artifactId><version>").append(version).append("</version><type>").append(type)
                .append("</type>");
            if (classifier != null) {
                deps.append("<classifier>").append(classifier).append("</classifier>");
            }
            deps.append("</dependency>\n");
        }
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.foolshap.notebook</groupId><artifactId>maven-magic</artifactId><version>0</version>"
                + "<packaging>pom</packaging><dependencies>\n" + deps + "</dependencies></project>\n";
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no mvn output)";
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp files only
        }
    }
}
