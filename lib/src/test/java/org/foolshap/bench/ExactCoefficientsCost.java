package org.foolshap.bench;

import java.nio.file.Path;
import org.foolshap.audit.Draws;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainers;

/**
 * The cost of the exact explainer's coefficient matrix in the paper's Figure 5 runs (MLP, and boosting on the
 * probability, on Adult and COMPAS): trains the model on split 0 (default hyperparameters), then times
 * {@code coefficients(S_0', first B background rows)} for M = 200 foreground rows and extrapolates linearly in B to
 * the full background (the cost is a sum over background rows), with the model's fast hybrid route
 * ({@link Model#hybridOutputs}) and, on B / R rows, with the same function as a black box. Run from lib/ with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.foolshap.bench.ExactCoefficientsCost
 * DATA_DIR adult mlp 300 10}: data directory, dataset, model (mlp, gbt or xgb), background rows timed B, R.
 */
public final class ExactCoefficientsCost {
    private ExactCoefficientsCost() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args.length > 1 ? args[1] : "adult";
        ModelKind kind = ModelKind.parse(args.length > 2 ? args[2] : "mlp");
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int slowFraction = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        Dataset data = Datasets.load(name, dir);
        long t0 = System.nanoTime();
        Model trained = Trainer.of(kind).withSeed(0).fit(data, data.split(0));
        Model model = trained.scale() == OutputScale.LOG_ODDS ? new LogisticOutput(trained) : trained;
        // the same function as a black box: what every model cost before Model.hybridOutputs had fast routes
        Model blackBox = Model.of(model.width(), model::output);
        System.out.printf("%s %s trained in %.1f s%n", name, kind.id(), (System.nanoTime() - t0) / 1e9);
        double[][] x = data.x();
        double[][] fg = Draws.pick(x, java.util.Arrays.copyOf(data.foregroundRows(), 200));
        int[] bgRows = data.backgroundRows();
        double[][] bg = Draws.pick(x, java.util.Arrays.copyOf(bgRows, Math.min(rows, bgRows.length)));
        double[][] bgSlow = java.util.Arrays.copyOf(bg, Math.max(1, bg.length / slowFraction));
        for (int rep = 0; rep < 2; rep++) { // the first round warms the JIT up
            double fast = time(Explainers.exact(model), fg, bg);
            double slow = time(Explainers.exact(blackBox), fg, bgSlow);
            System.out.printf("exact coefficients, fast route 200 x %d pairs: %.2f s = %.1f us/pair, full background "
                    + "(%d rows) about %.0f s; black box 200 x %d: %.2f s = %.1f us/pair, full background about %.0f s;"
                    + " ratio %.1fx, %d cores%n", bg.length, fast, fast * 1e6 / (200.0 * bg.length), bgRows.length,
                    fast * bgRows.length / bg.length, bgSlow.length, slow, slow * 1e6 / (200.0 * bgSlow.length),
                    slow * bgRows.length / bgSlow.length, (slow / bgSlow.length) / (fast / bg.length),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static double time(org.foolshap.shap.Explainer e, double[][] fg, double[][] bg) {
        long t = System.nanoTime();
        e.coefficients(fg, bg, org.foolshap.Progress.NONE);
        return (System.nanoTime() - t) / 1e9;
    }
}
