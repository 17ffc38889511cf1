package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class CsvTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void questionMarkAndEmptyAreMissingAndLettersStayStrings() throws Exception {
        Table t = Csv.read(write("a.csv", "n,deg,w\n1,F,x\n2,M,?\n3,F,\n"));
        assertEquals(3, t.rowCount());
        assertEquals(ColumnType.INTEGER, t.column("n").type());
        assertEquals(ColumnType.STRING, t.column("deg").type(), "F/M must not become booleans");
        assertEquals(2, t.column("w").countMissing());
    }

    @Test
    void raggedRowsAreOneLineErrors() throws Exception {
        var shortRow = assertThrows(IllegalArgumentException.class, () -> Csv.read(write("s.csv", "a,b,c\n1,2,3\n4,5\n")));
        assertTrue(shortRow.getMessage().contains("ragged"), shortRow.getMessage());
        var longRow = assertThrows(IllegalArgumentException.class, () -> Csv.read(write("l.csv", "a,b\n1,2\n3,4,5\n")));
        assertTrue(longRow.getMessage().contains("ragged"), longRow.getMessage());
        assertTrue(!longRow.getMessage().contains("\n"));
    }

    @Test
    void emptyFilesAndHeaderOnlyFilesAreErrors() throws Exception {
        var empty = assertThrows(IllegalArgumentException.class, () -> Csv.read(write("e.csv", "")));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        var header = assertThrows(IllegalArgumentException.class, () -> Csv.read(write("h.csv", "a,b\n")));
        assertTrue(header.getMessage().contains("no data rows"), header.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Csv.read(dir.resolve("missing.csv")));
    }

    @Test
    void writeThenReadRoundTrips() throws Exception {
        Table t = Csv.read(write("r.csv", "x,y\n1.5,a\n2.5,b\n"));
        Path out = dir.resolve("sub/out.csv");
        Csv.write(t, out);
        Table back = Csv.read(out);
        assertEquals(t.rowCount(), back.rowCount());
        assertEquals(2.5, back.doubleColumn("x").get(1));
        assertEquals("b", back.stringColumn("y").get(1));
    }
}
