package org.foolshap.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.foolshap.audit.AuditFamily;
import org.foolshap.audit.AuditVerdict;
import org.foolshap.audit.Auditor;
import org.foolshap.audit.Draws;
import org.foolshap.audit.FullAudit;
import org.foolshap.audit.Rate;
import org.foolshap.data.AuditSetting;
import org.foolshap.data.Dataset;
import org.foolshap.data.Datasets;
import org.foolshap.data.Group;
import org.foolshap.model.Model;
import org.foolshap.model.ModelKind;
import org.foolshap.model.Trainer;

/**
 * False-positive rates as an auditor meets them: every honest pair audited by {@code FullAudit.run} with its own
 * seed, so each audit draws its own Monte Carlo null, reference and split (unlike {@link AuditBattery}, whose
 * calibration shares one prepared null between all draws). Cheaper nulls (B = 199, reference R = 200) keep it short.
 * <pre>
 *   FOOLSHAP_DATA=/work/shared/datasets java -cp ... org.foolshap.bench.FreshNullCalibration communities 400 \
 *       features,energy,mmd,classifier
 * </pre>
 */
public final class FreshNullCalibration {
    private FreshNullCalibration() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "communities";
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        List<AuditFamily> families = AuditFamily.parseList(args.length > 2 ? args[2] : "features,energy,classifier");
        Dataset data = Datasets.load(name);
        AuditSetting setting = AuditSetting.of(data);
        Model model = Trainer.of(ModelKind.RF).withSeed(0).fit(data, data.split(0));
        Auditor auditor = Auditor.of(model, setting);
        double[][] d0 = setting.rows(Group.FOREGROUND);
        double[][] d1 = setting.rows(Group.BACKGROUND);
        double[] f0 = auditor.foregroundOutputs();
        double[] f1 = auditor.backgroundOutputs();
        FullAudit audit = FullAudit.of(auditor).withFamilies(families).withDraws(199).withReferenceSize(200);
        int[] hits = new int[families.size()];
        SplittableRandom r = new SplittableRandom(42);
        long start = System.nanoTime();
        for (int k = 0; k < reps; k++) {
            int[] i0 = Draws.uniform(d0.length, 200, r);
            int[] i1 = Draws.uniform(d1.length, 200, r);
            Map<String, AuditVerdict> v = audit.run(d0, d1, Draws.pick(d0, i0), Draws.pick(d1, i1), Draws.pick(f0, i0),
                    Draws.pick(f1, i1), r.nextLong());
            for (int f = 0; f < families.size(); f++) {
                hits[f] += v.get(families.get(f).id()).detectedAt(0.05) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s, %d honest pairs (M = 200, with replacement), a fresh null per audit "
                + "(B = 199, R = 200), %.0f s:%n", name, reps, (System.nanoTime() - start) / 1e9);
        for (int f = 0; f < families.size(); f++) {
            System.out.printf(Locale.ROOT, "| %s | %s |%n", families.get(f).id(), Rate.of(hits[f], reps, 0.95));
        }
    }
}
