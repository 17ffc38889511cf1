package org.foolshap.spark;

import java.io.Serializable;
import org.foolshap.cli.StudyOptions;
import org.foolshap.experiment.Study;

/**
 * A {@link Study}'s settings as one serializable value, shipped to the executors, each of which rebuilds the same
 * study ({@link #study()}): the library's reproduce options ({@link StudyOptions}, the one definition both reproduce
 * commands share), with --data-dir made absolute on the driver so that every executor reads the same folder.
 *
 * @param options the study options; a copy is kept, so later changes to the argument do not reach the job
 */
public record StudySpec(StudyOptions options) implements Serializable {
    public StudySpec {
        options = options.withAbsoluteDataDir();
        options.study(); // every setting checked once, on the driver
    }

    /** The options given as command-line words, e.g. {@code of("--datasets", "compas", "--no-baselines")}. */
    public static StudySpec of(String... args) {
        return new StudySpec(StudyOptions.parse(args));
    }

    /** The reproduce command's defaults: the paper's grid and protocol. */
    public static StudySpec paper() {
        return of();
    }

    /** The library's study with these settings (one thread: the cluster runs the tasks in parallel). */
    public Study study() {
        return options.study().withThreads(1);
    }
}
