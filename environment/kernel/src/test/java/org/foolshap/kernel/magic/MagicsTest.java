package org.foolshap.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.foolshap.kernel.eval.CellError;
import org.foolshap.kernel.eval.CellEvaluator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {
    static CellEvaluator eval;
    @TempDir
    static Path dir;
    static Path other;
    static List<List<String>> resolved = new ArrayList<>();
    static Magics magics;

    @BeforeAll
    static void start() throws IOException {
        eval = new CellEvaluator(o -> { });
        other = Files.createDirectories(dir.resolve("home"));
        ArtifactResolver fake = coordinates -> {
            resolved.add(coordinates);
            return List.of();
        };
        magics = new Magics(eval, fake, List.of(dir, other));
    }

    @AfterAll
    static void stop() {
        eval.close();
    }

    /** A jar holding {@code pkg.Greeter} with {@code static String hi()}. */
    static Path greeterJar(Path where, String greeting) throws IOException {
        Path src = Files.createDirectories(where.resolve("src/pkg")).resolve("Greeter.java");
        Files.writeString(src, "package pkg; public class Greeter { public static String hi() { return \"" + greeting + "\"; } }");
        Path classes = Files.createDirectories(where.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()));
        Path jar = where.resolve("greeter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("pkg/Greeter.class"));
            out.write(Files.readAllBytes(classes.resolve("pkg/Greeter.class")));
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void jarsAddsGlobMatchesAndRepeatingIsANoOp() throws Exception {
        Path libs = Files.createDirectories(dir.resolve("libs"));
        greeterJar(libs, "hello");
        assertNull(magics.run("%jars libs/*.jar"));
        assertEquals("hello", magics.run("pkg.Greeter.hi()").value());
        int before = eval.classpath().size();
        magics.run("%jars libs/greeter.jar");
        assertEquals(before, eval.classpath().size());
    }

    @Test
    void relativePathsFallBackToTheWorkbenchRoot() throws Exception {
        Path sub = Files.createDirectories(other.resolve("lib/target"));
        Files.move(greeterJar(Files.createDirectories(dir.resolve("build")), "hi"), sub.resolve("only-in-home.jar"));
        magics.run("%jars lib/target/only-in-home.jar");
        assertTrue(eval.classpath().stream().anyMatch(p -> p.endsWith("only-in-home.jar")));
    }

    @Test
    void brokenJarIsRefusedAndTheSessionKeepsCompiling() throws Exception {
        Files.write(dir.resolve("empty.jar"), new byte[0]);
        CellError e = assertThrows(CellError.class, () -> magics.run("%jars empty.jar"));
        assertTrue(e.evalue().contains("not a readable jar"), e.evalue());
        assertEquals(3, magics.run("1 + 2").value());
    }

    @Test
    void missingJarIsAClearError() {
        CellError e = assertThrows(CellError.class, () -> magics.run("%jars nothing/here-*.jar"));
        assertTrue(e.evalue().contains("nothing matches"), e.evalue());
    }

    @Test
    void classpathListsEntries() throws CellError {
        Object listing = magics.run("%classpath").value();
        assertTrue(String.valueOf(listing).contains(String.join("\n", eval.classpath().subList(0, 1))));
    }

    @Test
    void mavenPassesCoordinatesToTheResolver() throws CellError {
        resolved.clear();
        magics.run("%maven org.knowm.xchart:xchart:3.8.8 tech.tablesaw:tablesaw-core:0.44.4");
        assertEquals(List.of(List.of("org.knowm.xchart:xchart:3.8.8", "tech.tablesaw:tablesaw-core:0.44.4")), resolved);
    }

    @Test
    void magicsAndJavaMixInOrderAndErrorLinesStayCellLines() throws CellError {
        assertEquals(5, magics.run("%classpath\nint m = 5;\nm").value());
        CellError e = assertThrows(CellError.class, () -> magics.run("%classpath\nint ok = 1;\nint bad = nope;"));
        assertTrue(String.join("\n", e.traceback()).contains("cell line 3"), String.join("\n", e.traceback()));
    }

    @Test
    void cellMagicsRenderTheBody() throws CellError {
        DisplayData html = (DisplayData) magics.run("%%html\n<b>x</b>").value();
        assertEquals("<b>x</b>", html.getData(MIMEType.TEXT_HTML));
        DisplayData md = (DisplayData) magics.run("%%markdown\n# Title").value();
        assertEquals("# Title", md.getData(MIMEType.TEXT_MARKDOWN));
    }

    @Test
    void unknownMagicIsAnError() {
        CellError e = assertThrows(CellError.class, () -> magics.run("%nosuch"));
        assertEquals("UnknownMagic", e.ename());
    }

    @Test
    void mavenPomListsEveryCoordinate() {
        String pom = MavenResolver.pom(List.of("g:a:1.0", "g2:a2:pom:2.0"));
        assertTrue(pom.contains("<groupId>g</groupId><artifactId>a</artifactId><version>1.0</version><type>jar</type>"), pom);
        assertTrue(pom.contains("<type>pom</type>"), pom);
        assertThrows(IllegalArgumentException.class, () -> MavenResolver.pom(List.of("not-coordinates")));
    }
}
