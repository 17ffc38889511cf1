package org.foolshap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure in the middle of a write leaves the previous result whole and no temporary file or folder behind. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFileWriteThatFailsHalfwayLeavesThePreviousFile() throws Exception {
        Path f = dir.resolve("s0.csv");
        AtomicFiles.write(f, out -> out.write("old\n".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("new, but only half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full (simulated)");
        }));
        assertEquals("old\n", Files.readString(f));
        assertEquals(List.of("s0.csv"), names(dir));
        AtomicFiles.write(f, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new\n", Files.readString(f));
        assertEquals(List.of("s0.csv"), names(dir));
    }

    @Test
    void aFolderWriteThatFailsAfterItsFirstFileLeavesThePreviousFolder() throws Exception {
        Path out = dir.resolve("attack");
        AtomicFiles.writeFolder(out, d -> {
            Files.writeString(d.resolve("s0.csv"), "old s0");
            Files.writeString(d.resolve("s1.csv"), "old s1");
        });
        assertThrows(IOException.class, () -> AtomicFiles.writeFolder(out, d -> {
            Files.writeString(d.resolve("s0.csv"), "new s0");
            throw new IOException("interrupted after the first file (simulated)");
        }));
        assertEquals("old s0", Files.readString(out.resolve("s0.csv")));
        assertEquals("old s1", Files.readString(out.resolve("s1.csv")));
        assertEquals(List.of("attack"), names(dir), "no fresh or old folder left beside the result");
    }

    @Test
    void aFolderWriteReplacesTheWholeFolder() throws Exception {
        Path out = dir.resolve("attack");
        AtomicFiles.writeFolder(out, d -> {
            Files.writeString(d.resolve("s0.csv"), "old s0");
            Files.writeString(d.resolve("stale.png"), "old figure");
        });
        AtomicFiles.writeFolder(out, d -> Files.writeString(d.resolve("s0.csv"), "new s0"));
        assertEquals(List.of("s0.csv"), names(out), "nothing of the previous result is mixed in");
        assertEquals("new s0", Files.readString(out.resolve("s0.csv")));
        assertEquals(List.of("attack"), names(dir));
    }

    @Test
    void aFolderCannotReplaceAFileNorAFileAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("x"), "keep");
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.writeFolder(file, d -> { }));
        Path folder = Files.createDirectory(dir.resolve("y"));
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(folder, out -> { }));
        assertEquals("keep", Files.readString(file));
        assertTrue(Files.isDirectory(folder));
    }
}
