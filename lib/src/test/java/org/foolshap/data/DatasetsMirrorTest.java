package org.foolshap.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

/** The paper's row counts and group sizes, on the shared mirror (skipped when it is absent). */
class DatasetsMirrorTest {
    @Test
    void adultHasThePapersRowsColumnsAndGroups() {
        Path mirror = Mirror.require("adult", "adult.data", "adult.test");
        Dataset d = Datasets.load("adult", mirror);
        assertEquals(48_842, d.rowCount());
        assertEquals(List.of("age", "workclass", "education", "marital-status", "relationship", "occupation", "race",
                "gender", "capital-gain", "capital-loss", "hours-per-week", "income"), d.table().columnNames());
        assertEquals(16_192, d.foregroundRows().length);
        assertEquals(32_650, d.backgroundRows().length);
        assertEquals("Female", d.protectedValue());
        Table t = d.table();
        assertEquals(ColumnType.STRING, t.column("gender").type());
        assertEquals(ColumnType.INTEGER, t.column("income").type());
        // Positive rates per group quoted in the paper notes: 0.109 (Female), 0.304 (Male).
        assertEquals(0.109, positiveRate(d, d.foregroundRows()), 0.001);
        assertEquals(0.304, positiveRate(d, d.backgroundRows()), 0.001);
        // Grouped categories, '?' folded into Other/Unknown, test-file labels without the trailing '.'.
        assertEquals(List.of("Government", "Other/Unknown", "Private", "Self-Employed"),
                sorted(t.stringColumn("workclass").unique().asList()));
        assertTrue(t.stringColumn("occupation").unique().asList().containsAll(
                List.of("White-Collar", "Blue-Collar", "Service", "Professional", "Other/Unknown")));
        assertTrue(!t.stringColumn("occupation").unique().asList().contains("?"));
        assertTrue(t.stringColumn("education").unique().asList().containsAll(List.of("School", "Assoc")));
        assertTrue(t.stringColumn("marital-status").unique().asList().containsAll(List.of("Married", "Single")));
        assertEquals(11, d.features().width());
    }

    @Test
    void compasHasThePapersRowsAndGroups() {
        Path mirror = Mirror.require("compas", "compas.csv");
        Dataset d = Datasets.load("compas", mirror);
        assertEquals(6_150, d.rowCount());
        assertEquals(3_696, d.foregroundRows().length);
        assertEquals(2_454, d.backgroundRows().length);
        assertEquals("low_risk", d.table().columnNames().get(8));
        assertEquals(0.486, positiveRate(d, d.foregroundRows()), 0.001);
        assertEquals(0.606, positiveRate(d, d.backgroundRows()), 0.001);
        assertEquals(List.of("Felony", "Misdemeanor"), sorted(d.table().stringColumn("c_charge_degree").unique().asList()));
    }

    @Test
    void communitiesHasThePapersRowsAndGroups() {
        Path mirror = Mirror.require("communities", "communities.csv");
        Dataset d = Datasets.load("communities", mirror);
        assertEquals(1_994, d.rowCount());
        // Protected (foreground) = PctWhite>90 == 0, as in the paper: 1,018 communities; the rest 976.
        assertEquals("PctWhite>90", d.sensitive());
        assertEquals(1_018, d.foregroundRows().length);
        assertEquals(976, d.backgroundRows().length);
        Table t = d.table();
        assertEquals("LowCrime", t.columnNames().get(t.columnCount() - 1));
        assertEquals(997, t.intColumn("LowCrime").sum(), "below-median target: half the rows");
        for (String gone : List.of("racepctblack", "racePctWhite", "racePctAsian", "racePctHisp", "communityname",
                "state", "fold", "county", "community", "C0", "ViolentCrimesPerPop")) {
            assertTrue(!t.containsColumn(gone), gone + " should be dropped");
        }
        for (var c : t.columns()) {
            assertEquals(0, c.countMissing(), c.name() + " has missing values");
        }
        // The catalog lists exactly the loader's features.
        assertEquals(Catalog.load().entry("communities").features(), d.features().names());
    }

    @Test
    void marketingHasTheUciRowsAndTheAgeGroup() {
        Path mirror = Mirror.require("marketing", "bank-full.csv");
        Dataset d = Datasets.load("marketing", mirror);
        assertEquals(45_211, d.rowCount());
        assertEquals("age", d.sensitive());
        assertEquals("age:30-60", d.protectedValue());
        // 30 <= age <= 60: 38,750 clients; the rest (younger than 30 or older than 60) 6,461
        assertEquals(38_750, d.foregroundRows().length);
        assertEquals(6_461, d.backgroundRows().length);
        Table t = d.table();
        assertEquals(5_289, t.intColumn("subscribed").sum(), "y = yes");
        assertEquals(List.of("age:30-60", "age:not30-60"), sorted(t.stringColumn("age").unique().asList()));
        assertTrue(t.containsColumn("duration"), "the paper keeps duration");
        assertEquals(Catalog.load().entry("marketing").features(), d.features().names());
        assertEquals(Catalog.load().entry("marketing").rows(), d.rowCount());
    }

    @Test
    void defaultCreditHasTheUciRowsAndThePapersRecodings() {
        Path mirror = Mirror.require("default_credit", "UCI_Credit_Card.csv");
        Dataset d = Datasets.load("default_credit", mirror);
        assertEquals(30_000, d.rowCount());
        assertEquals(18_112, d.foregroundRows().length, "SEX = 2, Female");
        assertEquals(11_888, d.backgroundRows().length);
        Table t = d.table();
        assertEquals(30_000 - 6_636, t.intColumn("good_credit").sum(), "good_credit = 1 - default");
        assertEquals(167_484.32, t.numberColumn("LIMIT_BAL").mean(), 0.005);
        assertEquals(List.of("Graduate_school", "High_school", "Others", "University"),
                sorted(t.stringColumn("EDUCATION").unique().asList()));
        assertEquals(List.of("Married", "Others", "Single"), sorted(t.stringColumn("MARRIAGE").unique().asList()));
        assertEquals(List.of("Pay_delay>=1", "Pay_duly"), sorted(t.stringColumn("PAY_0").unique().asList()));
        assertTrue(!t.containsColumn("ID"));
        assertEquals(Catalog.load().entry("default_credit").features(), d.features().names());
    }

    @Test
    void loadingIsShuffledWithAFixedSeed() {
        Path mirror = Mirror.require("compas", "compas.csv");
        Table a = Datasets.load("compas", mirror).table();
        Table b = Datasets.load("compas", mirror).table();
        assertEquals(a.print(), b.print());
        Table raw = Csv.read(mirror.resolve("compas/compas.csv"));
        // The first rows in file order differ from the shuffled first rows.
        int[] firstAges = new int[20];
        int[] rawAges = new int[20];
        Table rawKept = raw.where(raw.stringColumn("race").isIn("African-American", "Caucasian"));
        for (int i = 0; i < 20; i++) {
            firstAges[i] = a.intColumn("age").get(i);
            rawAges[i] = rawKept.intColumn("age").get(i);
        }
        assertTrue(!java.util.Arrays.equals(firstAges, rawAges), "rows should be shuffled");
    }

    @Test
    void mirrorChecksumsMatchTheCatalog() throws Exception {
        Path mirror = Mirror.require("adult", "adult.data");
        Path sums = mirror.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sums)) {
            // the per-user cache (no SHA256SUMS): every catalog file it holds must carry the catalog's digest
            int checked = 0;
            for (Catalog.Entry e : Catalog.load().datasets()) {
                for (Catalog.RawFile f : e.files()) {
                    Path p = mirror.resolve(e.name()).resolve(f.file());
                    if (f.verifiable() && Files.isRegularFile(p)) {
                        assertEquals(f.sha256(), Fetcher.sha256(p), e.name() + "/" + f.file());
                        checked++;
                    }
                }
            }
            assertTrue(checked >= 1, "adult.data at least is in " + mirror);
            return;
        }
        Map<String, String> bySum = Files.readAllLines(sums).stream().filter(l -> !l.isBlank())
                .map(l -> l.trim().split("\\s+", 2))
                .collect(Collectors.toMap(p -> p[1].replaceFirst("^\\*", ""), p -> p[0]));
        int checked = 0;
        for (Catalog.Entry e : Catalog.load().datasets()) {
            for (Catalog.RawFile f : e.checkedFiles()) {
                String sum = bySum.get(e.name() + "/" + f.file());
                if (sum != null) {
                    assertEquals(sum, f.sha256(), e.name() + "/" + f.file());
                    assertEquals(Files.size(mirror.resolve(e.name()).resolve(f.file())), f.bytes());
                    assertEquals(sum, Fetcher.sha256(mirror.resolve(e.name()).resolve(f.file())));
                    checked++;
                }
            }
        }
        assertEquals(6, checked, "adult (2 files), compas, communities, marketing and default_credit are in the mirror");
    }

    @Test
    void explicitDirectoryMayHoldTheFilesDirectly() {
        Path mirror = Mirror.require("compas", "compas.csv");
        assertArrayEquals(Datasets.load("compas", mirror).y(), Datasets.load("compas", mirror.resolve("compas")).y());
    }

    private static double positiveRate(Dataset d, int[] rows) {
        int[] y = d.y();
        double s = 0;
        for (int r : rows) {
            s += y[r];
        }
        return s / rows.length;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
