package org.foolshap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.Evaluation;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;
import org.foolshap.model.Training;

/**
 * Repairs the demographic_parity column of results.csv rows written before it was taken on the scale explained:
 * rows of boosted models explained on the probability (scale "probability", explainer "exact", model xgb or gbt)
 * carried the log-odds gap. Each such row's model is retrained from its recorded hyperparameters and seed; the
 * retrained model's log-odds gap must equal the stored value (as printed, 6 significant digits), which shows it is
 * the model of the run, and the cell then gets the gap of its sigmoid. Other rows, and rows that already hold the
 * sigmoid's gap, are left alone. Run from lib/ with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.foolshap.bench.ParityRepair DATA_DIR
 * results.csv}; rewrites the file in place (a copy beside it ends in .before-parity).
 */
public final class ParityRepair {
    private ParityRepair() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path file = Path.of(args[1]);
        List<String> lines = Files.readAllLines(file);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        int dataset = header.indexOf("dataset");
        int model = header.indexOf("model");
        int seed = header.indexOf("seed");
        int parity = header.indexOf("demographic_parity");
        int scale = header.indexOf("scale");
        int hyper = header.indexOf("hyperparameters");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        int repaired = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ModelKind kind = ModelKind.parse(cells[model]);
            if (!cells[scale].equals("probability") || (kind != ModelKind.XGB && kind != ModelKind.GBT)) {
                out.add(line);
                continue;
            }
            Dataset data = Datasets.load(cells[dataset], dir);
            int s = Integer.parseInt(cells[seed]);
            Split split = data.split(s);
            Trainer trainer = Trainer.of(kind).withSeed(s);
            for (String kv : cells[hyper].split(";")) {
                String[] p = kv.split("=");
                switch (p[0]) {
                    case "trees" -> trainer = trainer.withTrees(Integer.parseInt(p[1]));
                    case "max_depth" -> trainer = trainer.withMaxDepth(Integer.parseInt(p[1]));
                    case "model", "seed" -> { }
                    default -> throw new IllegalStateException("unknown hyperparameter " + kv + " in " + line);
                }
            }
            Training trained = trainer.train(data, split);
            if (trained.model().scale() != OutputScale.LOG_ODDS) {
                throw new IllegalStateException("not a log-odds model: " + line);
            }
            String printed = String.format(Locale.ROOT, "%.6g", trained.evaluation().demographicParity());
            String gap = String.format(Locale.ROOT, "%.6g",
                    Evaluation.of(new LogisticOutput(trained.model()), data, split).demographicParity());
            if (gap.equals(cells[parity])) { // written after the fix
                out.add(line);
                continue;
            }
            if (!printed.equals(cells[parity])) {
                throw new IllegalStateException(cells[dataset] + "/" + cells[model] + "/" + s + ": the retrained "
                        + "model's gaps (" + printed + " log-odds, " + gap + " probability) are not the stored "
                        + cells[parity] + "; not the run's model");
            }
            cells[parity] = gap;
            System.out.printf("%s/%s/%d: log-odds gap %s (matches the row) -> probability gap %s%n", cells[dataset],
                    cells[model], s, printed, cells[parity]);
            out.add(String.join(",", cells));
            repaired++;
        }
        Files.copy(file, Path.of(file + ".before-parity"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(file, out);
        System.out.println(repaired + " rows repaired in " + file);
    }
}
