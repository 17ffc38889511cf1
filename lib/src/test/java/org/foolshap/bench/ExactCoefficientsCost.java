package org.foolshap.bench;

import java.nio.file.Path;
import org.foolshap.audit.Draws;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainers;

/**
 * The cost of the exact explainer's coefficient matrix in the paper's Figure 5 runs (MLP, and boosting on the
 * probability, on Adult and COMPAS): trains the model on split 0 (default hyperparameters), then times
 * {@code coefficients(S_0', first B background rows)} for M = 200 foreground rows and extrapolates linearly in B to
 * the full background (the cost is a sum over background rows). Run from lib/ with
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=org.foolshap.bench.ExactCoefficientsCost
 * -Dexec.classpathScope=test -Dexec.args="DATA_DIR adult mlp 300"}: data directory, dataset, model (mlp or gbt),
 * background rows timed.
 */
public final class ExactCoefficientsCost {
    private ExactCoefficientsCost() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args.length > 1 ? args[1] : "adult";
        ModelKind kind = ModelKind.parse(args.length > 2 ? args[2] : "mlp");
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Dataset data = Datasets.load(name, dir);
        long t0 = System.nanoTime();
        Model trained = Trainer.of(kind).withSeed(0).fit(data, data.split(0));
        Model model = trained.scale() == OutputScale.LOG_ODDS
                ? Model.of(trained.width(), r -> 1 / (1 + Math.exp(-trained.output(r)))) : trained;
        System.out.printf("%s %s trained in %.1f s%n", name, kind.id(), (System.nanoTime() - t0) / 1e9);
        double[][] x = data.x();
        double[][] fg = Draws.pick(x, java.util.Arrays.copyOf(data.foregroundRows(), 200));
        int[] bgRows = data.backgroundRows();
        double[][] bg = Draws.pick(x, java.util.Arrays.copyOf(bgRows, Math.min(rows, bgRows.length)));
        var explainer = Explainers.exact(model);
        long t1 = System.nanoTime();
        explainer.coefficients(fg, bg, org.foolshap.Progress.NONE);
        double s = (System.nanoTime() - t1) / 1e9;
        System.out.printf("exact coefficients, 200 x %d pairs: %.1f s; full background (%d rows): about %.0f s "
                + "(%.1f h), %d cores%n", bg.length, s, bgRows.length, s * bgRows.length / bg.length,
                s * bgRows.length / bg.length / 3600, Runtime.getRuntime().availableProcessors());
    }
}
