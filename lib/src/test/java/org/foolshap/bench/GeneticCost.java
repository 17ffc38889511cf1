package org.foolshap.bench;

import java.nio.file.Path;
import org.foolshap.Progress;
import org.foolshap.attack.GeneticAttack;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Split;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;
import org.foolshap.shap.Explainer;
import org.foolshap.shap.Explainers;

/**
 * The published genetic baseline's cost on Adult's forest (the grid's tuned adult/rf/0 choice by default: 200
 * trees, depth 16): {@code generations} generations of population 10 on 200 women x 200 men, A/B in one JVM with
 * TreeSHAP's kept foreground ({@link Explainer#against}) and with a fresh coefficient pass per individual (an
 * explainer that hides the override), alternating, {@code reps} times; prints wall seconds per generation and
 * checks both give the same result. Args: datasets dir, reps, generations, trees, max depth, and "kept" to time only that route (for a profiler).
 */
public final class GeneticCost {
    private GeneticCost() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../../shared/datasets");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int generations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int trees = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int depth = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        Dataset adult = Datasets.load("adult", dir);
        Split split = adult.split(0);
        Model forest = Trainer.of(ModelKind.RF).withSeed(0).withTrees(trees).withMaxDepth(depth)
                .train(adult, split).model();
        double[][] x = adult.x();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(0);
        double[][] women = sample(x, adult.foregroundRows(), rng);
        double[][] men = sample(x, adult.backgroundRows(), rng);
        Auditor auditor = Auditor.of(forest.outputs(Draws.pick(x, adult.foregroundRows())),
                forest.outputs(Draws.pick(x, adult.backgroundRows())));
        int sensitive = adult.features().index(adult.sensitive());
        Explainer kept = Explainers.auto(forest);
        Explainer fresh = new Explainer() { // the interface's default against: a full pass per call
            @Override
            public Model model() {
                return kept.model();
            }

            @Override
            public double[] phi(double[] a, double[] b) {
                return kept.phi(a, b);
            }

            @Override
            public double[][] coefficients(double[][] fg, double[][] bg, Progress progress) {
                return kept.coefficients(fg, bg, progress);
            }
        };
        GeneticAttack genetic = GeneticAttack.withDefaults().withMaxGenerations(generations).withPatience(1000)
                .withProgress(Progress.NONE);
        System.out.printf("Adult RF %d trees, depth <= %d; %d generations of population %d, 200 x 200%n", trees, depth,
                generations, genetic.population());
        if (args.length > 5 && args[5].equals("kept")) { // for a profiler: the kept route alone
            GeneticAttack.Result a = genetic.run(kept, women, men, sensitive, auditor);
            System.out.printf("kept foreground %.2f s/generation%n", a.seconds() / a.generations());
            return;
        }
        for (int r = 0; r < reps; r++) {
            GeneticAttack.Result a = genetic.run(kept, women, men, sensitive, auditor);
            GeneticAttack.Result b = genetic.run(fresh, women, men, sensitive, auditor);
            System.out.printf("rep %d: kept foreground %.2f s/generation, fresh passes %.2f s/generation (ratio %.1f);"
                    + " same result: %b%n", r, a.seconds() / a.generations(), b.seconds() / b.generations(),
                    b.seconds() / a.seconds(), Double.compare(a.target(), b.target()) == 0);
        }
    }

    /** 200 rows of x among {@code ids}, uniformly without replacement. */
    private static double[][] sample(double[][] x, int[] ids, java.util.SplittableRandom rng) {
        int[] picked = Draws.uniform(ids.length, 200, rng);
        double[][] out = new double[picked.length][];
        for (int i = 0; i < picked.length; i++) {
            out[i] = x[ids[picked[i]]];
        }
        return out;
    }
}
