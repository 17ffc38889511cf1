package org.foolshap.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import tech.tablesaw.api.Table;

/**
 * The catalog's datasets, preprocessed as in the paper and shuffled with a fixed seed ({@link #SHUFFLE_SEED}).
 * <pre>
 *   Dataset adult = Datasets.load("adult");                      // FOOLSHAP_DATA, then the cache
 *   Dataset compas = Datasets.load("compas", Path.of("mirror"));  // an explicit directory
 *   Dataset toy = Datasets.load("toy");                           // generated, no file needed
 * </pre>
 * Raw files are looked up as described in {@link DataLocator}; a missing dataset is an error naming the fetch
 * command. Loading parses the raw files every time (Adult: about a second).
 */
public final class Datasets {
    /** Seed of the row shuffle applied after preprocessing (the official code's shuffle seed). */
    public static final long SHUFFLE_SEED = 99;
    /** Seed of the embedded toy dataset. */
    public static final long TOY_SEED = 42;

    private Datasets() {
    }

    /** Names of the known datasets, catalog order. */
    public static List<String> names() {
        return Catalog.load().names();
    }

    /** Loads a dataset, finding its files through the environment and the per-user cache. */
    public static Dataset load(String name) {
        return load(name, null, DataLocator.fromEnvironment());
    }

    /** Loads a dataset from an explicit directory (holding the files, or {@code <name>/} with the files). */
    public static Dataset load(String name, Path dir) {
        return load(name, dir, DataLocator.fromEnvironment());
    }

    /** Loads a dataset with an explicit locator; {@code dir} may be null. */
    public static Dataset load(String name, Path dir, DataLocator locator) {
        Catalog.Entry entry = Catalog.load().entry(name);
        if (entry.embedded()) {
            return toy(Toy.DEFAULT_ROWS, TOY_SEED);
        }
        Path files = locator.resolve(entry, dir);
        Table t = switch (name) {
            case "adult" -> Preprocess.adult(files);
            case "compas" -> Preprocess.compas(files);
            case "communities" -> Preprocess.communities(files);
            case "marketing" -> Preprocess.marketing(files);
            case "default_credit" -> Preprocess.defaultCredit(files);
            default -> throw new IllegalStateException("no loader for catalog dataset " + name);
        };
        return Dataset.of(name, shuffle(t, SHUFFLE_SEED), entry.target(), entry.sensitive(), entry.protectedValue());
    }

    /** The toy employment dataset with {@code rows} rows (see {@link Toy}); sensitive sex, protected Female. */
    public static Dataset toy(int rows, long seed) {
        Catalog.Entry entry = Catalog.load().entry("toy");
        return Dataset.of("toy", Toy.generate(rows, seed), entry.target(), entry.sensitive(), entry.protectedValue());
    }

    /** The rows of {@code t} in a random order fixed by {@code seed} (Fisher-Yates with {@link Random}). */
    public static Table shuffle(Table t, long seed) {
        int[] order = new int[t.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rng = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        // Table.rows(int...) keeps table order (it selects through a bitmap), so sort on the permutation's ranks.
        String key = "__shuffle_rank__";
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        Table keyed = t.copy();
        keyed.addColumns(tech.tablesaw.api.IntColumn.create(key, rank));
        Table sorted = keyed.sortAscendingOn(key);
        sorted.removeColumns(key);
        return sorted.setName(t.name());
    }
}
