package org.foolshap.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.foolshap.attack.CappedWeights;
import org.foolshap.attack.FoolShapWeights;
import org.foolshap.attack.PaperNetwork;
import org.foolshap.attack.Weights;

/**
 * Times the exact Fool SHAP weights (sort + two sweeps) at N = 2,000 and N = 32,650 (all men in Adult) on random
 * instances with forest-like tied outputs, and JGraphT's capacity-scaling min-cost flow on the paper's N^2 network at
 * a given N (default 2,000) for comparison, and the capped solver (line network) at both sizes. Not a test: run by hand (see the class's report in the commit) with
 * {@code java -cp lib/target/classes:lib/target/test-classes:$(cat cp.txt) org.foolshap.bench.WeightsBenchmark [N for the paper's network, 0 to skip]}.
 * Prints median and minimum of repeated timings after a warm-up.
 */
public final class WeightsBenchmark {
    private WeightsBenchmark() {
    }

    public static void main(String[] args) {
        int flowN = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        double[][] cold = instance(32650, 2);
        long t0 = System.nanoTime();
        FoolShapWeights.withLambda(1.0).solve(cold[0], cold[1]);
        System.out.printf("exact sweep  N =  32650, first call in a cold JVM: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        for (int n : new int[] {2000, 32650}) {
            double[][] inst = instance(n, 1);
            FoolShapWeights solver = FoolShapWeights.withLambda(1.0);
            for (int w = 0; w < 200; w++) {
                solver.solve(inst[0], inst[1]);
            }
            int runs = 200;
            double[] ms = new double[runs];
            Weights out = null;
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                out = solver.solve(inst[0], inst[1]);
                ms[r] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("exact sweep  N = %6d: median %.3f ms, min %.3f ms (support %d, objective %.6f)%n", n,
                    ms[runs / 2], ms[0], out.support(), out.objective());
            // a cold, first call in a fresh JVM is what a one-shot CLI run pays
        }
        sweep();
        for (int n : new int[] {2000}) {
            double[][] inst = instance(n, 1);
            CappedWeights capped = CappedWeights.of(1.0, 5);
            capped.solve(inst[0], inst[1]);
            long t = System.nanoTime();
            Weights w = capped.solve(inst[0], inst[1]);
            System.out.printf("capped K = 5 (JGraphT, line network) N = %6d: %.3f s (support %d)%n", n,
                    (System.nanoTime() - t) / 1e9, w.support());
        }
        if (flowN > 0) {
            double[][] inst = instance(flowN, 1);
            long t = System.nanoTime();
            Weights flow = PaperNetwork.solve(inst[0], inst[1], -1, 1.0, flowN);
            double s = (System.nanoTime() - t) / 1e9;
            Weights exact = FoolShapWeights.withLambda(1.0).solve(inst[0], inst[1], -1);
            System.out.printf("JGraphT MCF, paper's N^2 network, N = %6d: %.2f s (objective %.6f, exact sweep %.6f)%n",
                    flowN, s, flow.objective(), exact.objective());
        }
    }

    /** The whole lambda sweep at Adult's size: 20 lambdas x 100 audited draws, N = 32,650, d = 11. */
    private static void sweep() {
        int n = 32650;
        double[][] inst = instance(n, 3);
        SplittableRandom r = new SplittableRandom(4);
        double[][] c = new double[n][11];
        for (int j = 0; j < n; j++) {
            c[j][0] = inst[0][j];
            for (int i = 1; i < 11; i++) {
                c[j][i] = 0.02 * r.nextGaussian() + 0.01 * inst[1][j];
            }
        }
        double[] f0 = new double[16192];
        for (int i = 0; i < f0.length; i++) {
            f0[i] = Math.round(r.nextDouble() * 700) / 1000.0;
        }
        double[] s0 = org.foolshap.audit.Draws.pick(f0, org.foolshap.audit.Draws.uniform(f0.length, 200, r));
        org.foolshap.audit.Auditor auditor = org.foolshap.audit.Auditor.of(f0, inst[1]);
        for (int k = 0; k < 2; k++) {
            long t = System.nanoTime();
            org.foolshap.attack.SweepResult sw = org.foolshap.attack.LambdaSweep.withDefaults()
                    .run(c, 0, inst[1], s0, auditor);
            System.out.printf("lambda sweep N = 32650, 20 lambdas x 100 audits (%s JVM): %.2f s, lambda* %s%n",
                    k == 0 ? "cold" : "warm", (System.nanoTime() - t) / 1e9,
                    sw.chosen().map(p -> String.format("%.3f", p.lambda())).orElse("none"));
        }
    }

    /** Outputs on a 1/1000 grid (ties, like a forest's averaged probabilities) and correlated coefficients. */
    static double[][] instance(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] c = new double[n];
        double[] f = new double[n];
        for (int j = 0; j < n; j++) {
            f[j] = Math.round(r.nextDouble() * 1000) / 1000.0;
            c[j] = -0.05 - 0.05 * f[j] + 0.03 * r.nextGaussian();
        }
        return new double[][] {c, f};
    }
}
