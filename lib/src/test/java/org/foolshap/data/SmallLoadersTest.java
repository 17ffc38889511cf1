package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The marketing and default-credit loaders on small files in the UCI layouts (edge cases of each recoding); the
 * real files are checked in {@link DatasetsMirrorTest}.
 */
class SmallLoadersTest {
    @TempDir
    Path dir;

    @Test
    void marketingBucketsAgeAndCodesTheTarget() throws Exception {
        Files.createDirectories(dir.resolve("marketing"));
        Files.writeString(dir.resolve("marketing/bank-full.csv"), String.join("\n",
                "\"age\";\"job\";\"balance\";\"y\"",
                "58;\"management\";2143;\"no\"",
                "29;\"technician\";29;\"yes\"",
                "30;\"admin.\";2;\"no\"",
                "61;\"retired\";1506;\"yes\"",
                "60;\"blue-collar\";1;\"no\"", ""));
        Dataset d = Datasets.load("marketing", dir);
        Table t = d.table();
        assertEquals(List.of("age", "job", "balance", "subscribed"), t.columnNames());
        assertEquals(5, d.rowCount());
        assertEquals(3, d.foregroundRows().length, "ages 30, 58 and 60 are in 30-60");
        assertEquals(2, t.intColumn("subscribed").sum());
        assertEquals("age:30-60", d.protectedValue());
    }

    @Test
    void defaultCreditSpellsSexAndInvertsDefault() throws Exception {
        Files.createDirectories(dir.resolve("default_credit"));
        Files.writeString(dir.resolve("default_credit/UCI_Credit_Card.csv"), String.join("\n",
                "ID,LIMIT_BAL,SEX,AGE,default payment next month",
                "1,20000,2,24,1",
                "2,120000,2,26,0",
                "3,90000,1,34,0",
                "4,50000,1,37,0", ""));
        Dataset d = Datasets.load("default_credit", dir);
        assertEquals(List.of("LIMIT_BAL", "SEX", "AGE", "good_credit"), d.table().columnNames());
        Table t = d.table();
        for (int r = 0; r < t.rowCount(); r++) {
            boolean female = t.stringColumn("SEX").get(r).equals("Female");
            int limit = t.intColumn("LIMIT_BAL").get(r);
            assertEquals(limit == 20000 || limit == 120000, female);
            assertEquals(limit == 20000 ? 0 : 1, t.intColumn("good_credit").get(r));
        }
        assertEquals(2, d.foregroundRows().length);
    }

    @Test
    void defaultCreditWithoutTheNamedHeaderIsAClearError() throws Exception {
        Files.createDirectories(dir.resolve("default_credit"));
        Files.writeString(dir.resolve("default_credit/UCI_Credit_Card.csv"), "X1,X2,X3\n1,2,3\n");
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.load("default_credit", dir));
        assertTrue(e.getMessage().contains("named header row"), e.getMessage());
    }

    @Test
    void shuffleIsAFixedPermutation() {
        Table t = Toy.generate(50, 1);
        Table a = Datasets.shuffle(t, 99);
        Table b = Datasets.shuffle(t, 99);
        assertArrayEquals(a.doubleColumn("height").asDoubleArray(), b.doubleColumn("height").asDoubleArray());
        double[] sortedA = a.doubleColumn("height").asDoubleArray().clone();
        double[] sortedT = t.doubleColumn("height").asDoubleArray().clone();
        java.util.Arrays.sort(sortedA);
        java.util.Arrays.sort(sortedT);
        assertArrayEquals(sortedT, sortedA, "same rows");
        assertTrue(!java.util.Arrays.equals(t.doubleColumn("height").asDoubleArray(), a.doubleColumn("height").asDoubleArray()));
    }
}
