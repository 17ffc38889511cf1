package org.foolshap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.commitment.Commitment;
import org.foolshap.commitment.DrawRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code draw --commitment commitment.json --seed S --m 200 [--sensitive COL --protected V] --out request.json}. */
@Command(name = "draw", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The auditor's draw: M distinct rows (of the whole table, or of the group COL = V) chosen",
                "from a public seed and the commitment alone, so that anyone can recompute them. Choose the",
                "seed after the commitment is published. The file is replaced only once complete."})
public final class DrawCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--commitment", required = true, paramLabel = "commitment.json",
            description = "the company's commitment")
    Path commitment;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "the public seed")
    long seed;

    @Option(names = "--m", required = true, paramLabel = "M", description = "rows to draw")
    int m;

    @Option(names = "--sensitive", paramLabel = "COL", description = "draw from a group: its column ...")
    String sensitive;

    @Option(names = "--protected", paramLabel = "V", description = "... and its value")
    String protectedValue;

    @Option(names = "--out", required = true, paramLabel = "request.json", description = "the request to write")
    Path out;

    @Override
    public Integer call() {
        if ((sensitive == null) != (protectedValue == null)) {
            throw new UserError("--sensitive and --protected go together: give both to draw from a group, or "
                    + "neither to draw from the whole table");
        }
        if (m < 1) {
            throw new UserError("--m must be at least 1, got " + m);
        }
        Outputs.checkFile("--out", out, commitment);
        Commitment c = Commitment.read(commitment);
        DrawRequest r = sensitive == null ? DrawRequest.draw(c, seed, m)
                : DrawRequest.draw(c, seed, m, sensitive, protectedValue);
        r.write(out);
        spec.commandLine().getErr().println("drew " + m + " of the " + r.size() + " rows of " + (sensitive == null
                ? "the table" : sensitive + " = " + protectedValue) + " from seed " + seed + " -> " + out);
        return 0;
    }
}
