package org.foolshap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.commitment.CommittedTable;
import org.foolshap.commitment.DrawRequest;
import org.foolshap.commitment.Reveal;
import org.foolshap.commitment.Sha256;
import org.foolshap.data.Csv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code reveal --data D.csv --request request.json [--model M] --out reveal.json}: the requested rows with proofs. */
@Command(name = "reveal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The company's answer to a draw: exactly the requested rows, in order, each with its",
                "inclusion proof. D.csv (and --model, when the commitment holds model outputs) must be the",
                "committed ones: the command recomputes the root and refuses otherwise. The file is replaced",
                "only once complete."})
public final class RevealCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "D.csv", description = "the committed data")
    Path data;

    @Option(names = "--request", required = true, paramLabel = "request.json", description = "the auditor's draw")
    Path request;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "the committed model file (needed when the commitment holds its outputs)")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Option(names = "--out", required = true, paramLabel = "reveal.json", description = "the reveal to write")
    Path out;

    @Override
    public Integer call() {
        Outputs.checkFile("--out", out, data, request, model);
        DrawRequest r = DrawRequest.read(request);
        if (r.modelSha256() != null && model == null) {
            throw new UserError("the commitment holds the outputs of a model: pass the committed model with --model");
        }
        if (r.modelSha256() == null && model != null) {
            throw new UserError("the commitment holds no model outputs: drop --model");
        }
        String hash = null;
        if (model != null) {
            hash = Sha256.file(model);
            if (!hash.equals(r.modelSha256())) {
                throw new UserError("--model " + model + " is not the committed model (SHA-256 " + hash
                        + ", committed " + r.modelSha256() + ")");
            }
        }
        Table table = Csv.read(data);
        double[] outputs = model == null ? null : CommitCommand.outputs(model, modelOptions, table, data);
        CommittedTable committed = CommittedTable.of(table, r.schema().groupColumns(), outputs, hash);
        if (!committed.schema().equals(r.schema())) {
            throw new UserError(data + " does not have the committed columns: " + committed.schema().columns()
                    + ", committed " + r.schema().columns());
        }
        String root = committed.commitment().root();
        if (!root.equals(r.root())) {
            throw new UserError(data + (model == null ? "" : " with " + model) + " is not the committed data: it gives "
                    + "root " + root + ", the request was drawn for " + r.root());
        }
        Reveal v = committed.reveal(r);
        v.write(out);
        spec.commandLine().getErr().println("revealed " + v.rows().size() + " rows with their proofs -> " + out);
        return 0;
    }
}
