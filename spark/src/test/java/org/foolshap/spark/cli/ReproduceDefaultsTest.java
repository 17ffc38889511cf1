package org.foolshap.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.foolshap.experiment.Study;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The Spark reproduce command's defaults are the library's: the paper's grid, tuned, over the full background. */
class ReproduceDefaultsTest {
    @Test
    void withoutOptionsItPlansTheLibrarysStudy() {
        ReproduceCommand command = new ReproduceCommand();
        new CommandLine(command).parseArgs("--out", "unused");
        Study spark = command.studySpec().study();
        Study library = Study.withDefaults();
        assertEquals(library.datasets(), spark.datasets());
        assertEquals(library.models(), spark.models());
        assertEquals(library.seeds(), spark.seeds());
        assertEquals(library.tuning(), spark.tuning());
        assertEquals(library.mlpBackground(), spark.mlpBackground());
        assertEquals(library.calibrationDraws(), spark.calibrationDraws());
        assertEquals(library.lambdaExtensions(), spark.lambdaExtensions());
        assertEquals(library.protocol().m(), spark.protocol().m());
        // everything settings.json records: the Spark copy once ran the fast genetic baseline by default
        assertEquals(library.settings(), spark.settings());
    }

    @Test
    void optionsStillChooseOtherwise() {
        ReproduceCommand command = new ReproduceCommand();
        new CommandLine(command).parseArgs("--out", "unused", "--models", "rf", "--tune", "0", "--mlp-background",
                "500");
        Study spark = command.studySpec().study();
        assertEquals(java.util.List.of(org.foolshap.model.ModelKind.RF), spark.models());
        assertEquals(0, spark.tuning());
        assertEquals(500, spark.mlpBackground());
    }
}
