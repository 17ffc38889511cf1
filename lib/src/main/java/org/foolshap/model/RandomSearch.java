package org.foolshap.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.foolshap.Futures;
import org.foolshap.Progress;
import org.foolshap.data.Dataset;
import org.foolshap.data.Split;

/**
 * A small random search over a trainer's hyperparameters, scored by AUC on a validation split: the training rows
 * of the given split are split again, stratified 80/20 (validation = the 20%), so the test rows are never
 * seen. The base trainer is always among the candidates. Spaces: RF trees 50..300, depth 4..16; GBT trees
 * 100..300, depth 3..6; tree depth 3..14; MLP hidden 8..128; logistic has nothing to tune. Cost: {@code
 * iterations} fits on 64% of the data. The study uses it with the paper's 50 iterations
 * ({@code Study.withTuning}).
 */
public final class RandomSearch {
    private final int iterations;
    private final long seed;
    private final int threads;
    private final Progress progress;

    private RandomSearch(int iterations, long seed, int threads, Progress progress) {
        this.iterations = iterations;
        this.seed = seed;
        this.threads = threads;
        this.progress = progress;
    }

    public static RandomSearch of(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("a random search needs at least 1 iteration, got " + iterations);
        }
        return new RandomSearch(iterations, 0, Runtime.getRuntime().availableProcessors(), Progress.ambient());
    }

    public RandomSearch withSeed(long seed) {
        return new RandomSearch(iterations, seed, threads, progress);
    }

    /**
     * Candidates fitted at once (default: the processors). Each fit runs on a thread of its own and depends on its
     * seed only ({@link OneThread}), and the candidates are drawn before any is fitted, so the choice does not
     * depend on this number: Smile's fits use one core each, and the Adult forest's 50 took 10 minutes one by one.
     */
    public RandomSearch withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new RandomSearch(iterations, seed, threads, progress);
    }

    /**
     * Reports "tuning KIND (N candidates)" as candidates finish (the candidates' own fits report nothing: several run
     * at once).
     */
    public RandomSearch withProgress(Progress progress) {
        return new RandomSearch(iterations, seed, threads, java.util.Objects.requireNonNull(progress, "progress"));
    }

    /**
     * The candidate with the best validation AUC (the base on ties), configured with the base's seed. Only the
     * training rows of {@code split} are used: they are split again (seed {@code split.seed() + 1000}).
     */
    public Trainer best(Trainer base, Dataset data, Split split) {
        if (base.kind() == ModelKind.LOGISTIC) {
            return base;
        }
        Dataset train = Dataset.of(data.name(), data.rows(split.train()), data.target(), null, null);
        Split inner = train.split(split.seed() + 1000);
        // x is encoded with the training rows' own features (their level codes), so fit with those too
        double[][] x = train.x();
        int[] y = train.y();
        double[][] xFit = Pick.rows(x, inner.train());
        int[] yFit = Pick.labels(y, inner.train());
        double[][] xVal = Pick.rows(x, inner.test());
        int[] yVal = Pick.labels(y, inner.test());
        SplittableRandom rng = new SplittableRandom(seed);
        Trainer[] candidates = new Trainer[iterations];
        candidates[0] = base;
        for (int i = 1; i < iterations; i++) {
            candidates[i] = draw(base, rng);
        }
        double[] auc = new double[iterations];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, iterations), r -> {
            Thread th = new Thread(r, "random-search");
            th.setDaemon(true);
            return th;
        });
        try {
            String stage = "tuning " + base.kind().id() + " (" + iterations + " candidates)";
            AtomicInteger done = new AtomicInteger();
            progress.update(stage, 0, iterations);
            List<Future<?>> fits = new ArrayList<>();
            for (int i = 0; i < iterations; i++) {
                int c = i;
                fits.add(pool.submit(() -> {
                    Model m = candidates[c].withProgress(Progress.NONE).fit(train.features(), xFit, yFit);
                    auc[c] = Metrics.auc(m.outputs(xVal), yVal);
                    progress.update(stage, done.incrementAndGet(), iterations);
                }));
            }
            for (Future<?> f : fits) {
                Futures.get(f, "tuning " + base.kind().id());
            }
        } finally {
            pool.shutdownNow();
        }
        int best = 0; // the first best, as one by one: the base on ties
        for (int i = 1; i < iterations; i++) {
            if (auc[i] > auc[best]) {
                best = i;
            }
        }
        return candidates[best];
    }

    private static Trainer draw(Trainer base, SplittableRandom rng) {
        return switch (base.kind()) {
            case RF -> base.withTrees(50 * rng.nextInt(1, 7)).withMaxDepth(rng.nextInt(4, 17));
            case GBT, XGB -> base.withTrees(50 * rng.nextInt(2, 7)).withMaxDepth(rng.nextInt(3, 7));
            case TREE -> base.withMaxDepth(rng.nextInt(3, 15));
            case MLP -> base.withHidden(1 << rng.nextInt(3, 8));
            case LOGISTIC -> base;
            default -> throw new IllegalArgumentException("no random search for " + base.kind().id() + " models");
        };
    }
}
