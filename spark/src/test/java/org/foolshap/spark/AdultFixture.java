package org.foolshap.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.foolshap.data.Csv;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Adult from the shared raw-data mirror ({@code FOOLSHAP_MIRROR}, else the first shared/datasets above the working
 * directory; skipped without it), a small random forest trained on split 0, and CSV files of women (foreground) and
 * men (background, with a row id column holding the source row index, so ids are not positions).
 */
final class AdultFixture {
    final Dataset adult;
    final Model forest;
    final ExplainedModel model;
    final Path foreground;
    final Path background;
    final Path backgroundWithoutIds;
    final Path withoutAge;

    private AdultFixture(Dataset adult, Model forest, Path foreground, Path background, Path withoutIds) {
        this.adult = adult;
        this.forest = forest;
        this.model = new ExplainedModel(adult.features(), forest, "auto");
        this.foreground = foreground;
        this.background = background;
        this.backgroundWithoutIds = withoutIds;
        this.withoutAge = withoutIds.resolveSibling("men-without-age.csv");
        Table t = Csv.read(withoutIds);
        Csv.write(t.removeColumns("age"), withoutAge);
    }

    /**
     * The raw-data folder holding {@code dataset}: FOOLSHAP_DATA (the workbench's one name for it; FOOLSHAP_MIRROR
     * is its old name), else {@code shared/datasets} above the checkout. Missing data skips the test with the
     * command that would make it run, and fails it under CI=true, where the data must be there.
     */
    static Path require(String dataset) {
        Path data = mirror();
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "foolshap");
        if ((data == null || !Files.isDirectory(data.resolve(dataset))) && Files.isDirectory(cache.resolve(dataset))) {
            data = cache; // where fetch puts it
        }
        if (data == null || !Files.isDirectory(data.resolve(dataset))) {
            String why = "no " + dataset + " in the data folder or ~/.cache/foolshap; run: java -jar "
                    + "lib/target/foolshap.jar fetch --dataset " + dataset;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(why + " (CI=true: nothing may skip for lack of data)");
            }
            assumeTrue(false, "skipped: " + why);
        }
        return data;
    }

    static Path mirror() {
        for (String name : new String[] {"FOOLSHAP_DATA", "FOOLSHAP_MIRROR"}) {
            String env = System.getenv(name);
            if (env != null && Files.isDirectory(Path.of(env))) {
                return Path.of(env);
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate.resolve("adult"))) {
                return candidate;
            }
        }
        return null;
    }

    /** {@code women} foreground rows and {@code men} background rows written under {@code dir}. */
    static AdultFixture make(Path dir, int women, int men) {
        Path mirror = require("adult");
        Dataset adult = Datasets.load("adult", mirror);
        Split split = adult.split(0);
        int[] train = Arrays.copyOf(split.train(), 4000);
        double[][] x = adult.x();
        int[] y = adult.y();
        double[][] tx = new double[train.length][];
        int[] ty = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            tx[i] = x[train[i]];
            ty[i] = y[train[i]];
        }
        Model forest = Trainer.of(ModelKind.RF).withSeed(0).withTrees(20).withMaxDepth(6)
                .fit(adult.features(), tx, ty);
        int[] fg = Arrays.copyOf(adult.foregroundRows(), women);
        int[] bg = Arrays.copyOfRange(adult.backgroundRows(), 100, 100 + men);
        Table f = adult.rows(fg);
        Table b = adult.rows(bg);
        Path fgFile = dir.resolve("women.csv");
        Path bgNoIds = dir.resolve("men-no-ids.csv");
        Csv.write(f, fgFile);
        Csv.write(b, bgNoIds);
        Table withIds = b.copy();
        withIds.insertColumn(0, IntColumn.create(SparkBackground.ROW_ID, bg));
        Path bgFile = dir.resolve("men.csv");
        Csv.write(withIds, bgFile);
        return new AdultFixture(adult, forest, fgFile, bgFile, bgNoIds);
    }

    /** The library's rows of a CSV file, as foolshap.jar reads it. */
    double[][] rows(Path file) {
        return adult.features().encode(Csv.read(file));
    }

    /** The row ids of the background file, in file order. */
    long[] ids() {
        Table t = Csv.read(background);
        long[] ids = new long[t.rowCount()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = ((Number) t.column(SparkBackground.ROW_ID).get(r)).longValue();
        }
        return ids;
    }
}
