package org.foolshap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.foolshap.cli.DataCommandsTest.Run;
import org.foolshap.data.Csv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** audit's one-line verdict and its exit status under --fail-on-detection, on the toy data and a tree. */
class AuditCommandTest {
    @TempDir
    static Path dir;

    private static Table toy;

    @BeforeAll
    static void toy() {
        assertEquals(0, DataCommandsTest.run("data", "--dataset", "toy", "--out", dir.resolve("toy.csv").toString())
                .code());
        Run train = DataCommandsTest.run("train", "--dataset", "toy", "--model", "tree", "--out",
                dir.resolve("toy.model").toString());
        assertEquals(0, train.code(), train.err());
        toy = Csv.read(dir.resolve("toy.csv"));
    }

    /** Writes S0 and S1, 200 rows of women and of men each: drawn uniformly, or one row repeated. */
    private static Path[] samples(String name, boolean oneRowRepeated) throws Exception {
        List<Integer> women = new ArrayList<>();
        List<Integer> men = new ArrayList<>();
        for (int i = 0; i < toy.rowCount(); i++) {
            (toy.stringColumn("sex").get(i).equals("Female") ? women : men).add(i);
        }
        Random random = new Random(7);
        Path[] out = {dir.resolve(name + "-s0.csv"), dir.resolve(name + "-s1.csv")};
        List<List<Integer>> groups = List.of(women, men);
        for (int g = 0; g < 2; g++) {
            Table sample = toy.emptyCopy(); // Table.rows(int...) would keep each row once
            for (int k = 0; k < 200; k++) {
                List<Integer> group = groups.get(g);
                sample.addRow(oneRowRepeated ? group.get(0) : group.get(random.nextInt(group.size())), toy);
            }
            Csv.write(sample, out[g]);
        }
        return out;
    }

    private static Run audit(Path[] s, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", dir.resolve("toy.model").toString(), "--data",
                dir.resolve("toy.csv").toString(), "--sensitive", "sex", "--protected", "Female", "--s0",
                s[0].toString(), "--s1", s[1].toString()));
        args.addAll(List.of(extra));
        return DataCommandsTest.run(args.toArray(String[]::new));
    }

    @Test
    void oneRowRepeatedIsDetectedAndFailOnDetectionSetsTheExitStatus() throws Exception {
        Path[] s = samples("repeated", true);
        Run plain = audit(s, "--tests", "paper,duplicates");
        assertEquals(0, plain.code(), "detection is a result, not an error, unless asked: " + plain.err());
        String first = plain.out().lines().findFirst().orElse("");
        assertTrue(first.startsWith("audit: DETECTED at significance 0.05 by ") && first.contains("duplicates"),
                plain.out());
        Run failing = audit(s, "--tests", "paper,duplicates", "--fail-on-detection");
        assertEquals(AuditCommand.DETECTED_EXIT, failing.code(), failing.out() + failing.err());
        assertEquals(plain.out(), failing.out());
    }

    @Test
    void theVerdictLineAndTheExitStatusAgreeWithTheJson() throws Exception {
        Path[] s = samples("uniform", false);
        Run json = audit(s, "--tests", "paper,duplicates", "--json");
        assertEquals(0, json.code(), json.err());
        boolean detected = JsonParser.parseString(json.out()).getAsJsonObject().get("detected").getAsBoolean();
        Run line = audit(s, "--tests", "paper,duplicates", "--fail-on-detection");
        assertEquals(detected ? AuditCommand.DETECTED_EXIT : 0, line.code(), line.out() + line.err());
        List<String> lines = line.out().lines().toList();
        assertTrue(lines.get(0).startsWith(detected ? "audit: DETECTED" : "audit: accepted"), line.out());
        assertEquals(3, lines.size(), "the verdict, then one line per family: " + line.out());
        assertTrue(lines.get(1).strip().startsWith("paper") && lines.get(2).strip().startsWith("duplicates"),
                line.out());
    }
}
