package org.foolshap.bench;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.foolshap.attack.StealthySampler;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.experiment.PaperGrid;
import org.foolshap.model.LogisticOutput;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.OutputScale;
import org.foolshap.model.Trainer;

/**
 * How often the auditor flags a run's own honest S_0' beside honest S_1' draws. A grid run audits every S_1' with
 * the one S_0' its seed drew (as the paper's code does), so its detection rates are conditional on that S_0'; the
 * calibration column draws both samples afresh. Rebuilds a run's model and S_0' as the study does (split and fits
 * seeded by the run's seed, S_0' the first M uniform draws of the attack's sampling stream) and audits it with
 * {@code draws} fresh uniform S_1', then {@code draws} fully fresh pairs. Args: datasets dir, dataset, seed, model
 * as the grid records it (rf:TREES:DEPTH, xgb:TREES:DEPTH, mlp:HIDDEN), draws.
 */
public final class FixedForegroundAudit {
    private FixedForegroundAudit() {
    }

    public static void main(String[] args) {
        Dataset data = Datasets.load(args[1], Path.of(args[0]));
        int seed = Integer.parseInt(args[2]);
        String[] p = args[3].split(":");
        int draws = Integer.parseInt(args[4]);
        ModelKind kind = ModelKind.parse(p[0]);
        Trainer t = Trainer.of(kind).withSeed(seed);
        t = kind == ModelKind.MLP ? t.withHidden(Integer.parseInt(p[1]))
                : t.withTrees(Integer.parseInt(p[1])).withMaxDepth(Integer.parseInt(p[2]));
        Model m = t.train(data, data.split(seed)).model();
        if (PaperGrid.scale(args[1], kind) == OutputScale.PROBABILITY && m.scale() == OutputScale.LOG_ODDS) {
            m = new LogisticOutput(m);
        }
        double[][] x = data.x();
        double[] f0 = m.outputs(Draws.pick(x, data.foregroundRows()));
        double[] f1 = m.outputs(Draws.pick(x, data.backgroundRows()));
        Auditor auditor = Auditor.of(f0, f1).withSignificance(0.05);
        StealthySampler sampler = StealthySampler.withDefaults();
        SplittableRandom sampling = new SplittableRandom(seed).split(); // FoolShap's stream for S_0'
        double[] s0 = Draws.pick(f0, sampler.uniform(f0.length, sampling));
        SplittableRandom rng = new SplittableRandom(12345);
        int fixed = 0;
        int fresh = 0;
        for (int k = 0; k < draws; k++) {
            double[] s1 = Draws.pick(f1, sampler.uniform(f1.length, rng));
            fixed += auditor.detects(s0, s1, rng) ? 1 : 0;
            double[] s0Fresh = Draws.pick(f0, sampler.uniform(f0.length, rng));
            fresh += auditor.detects(s0Fresh, Draws.pick(f1, sampler.uniform(f1.length, rng)), rng) ? 1 : 0;
        }
        System.out.printf("%s/%s/%d: honest S_1' flagged with the run's S_0' in %.1f%% of %d audits, with fresh S_0' in"
                + " %.1f%%%n", args[1], p[0], seed, 100.0 * fixed / draws, draws, 100.0 * fresh / draws);
    }
}
