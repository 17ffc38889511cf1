package org.foolshap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.commitment.Commitment;
import org.foolshap.commitment.DrawRequest;
import org.foolshap.commitment.Reveal;
import org.foolshap.commitment.Sha256;
import org.foolshap.commitment.Verification;
import org.foolshap.commitment.Verifier;
import org.foolshap.model.ModelFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify --commitment commitment.json --request request.json --reveal reveal.json [--model M]}: exit 0 and
 * "verified: ..." when every proof, position and (with the model) output checks; exit 1 and one line naming the first
 * bad row otherwise; exit 2 for unreadable inputs.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The auditor's check of a reveal: the request's positions are the draws from its seed",
                "and the commitment; every revealed row is the committed row at the requested place (its",
                "inclusion proof leads to the committed root); with --model, the model file is the committed",
                "one and its outputs on the rows are the committed outputs.",
                "Prints 'verified: ...' (exit 0) or 'not verified: ...' naming the first bad row (exit 1)."})
public final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--commitment", required = true, paramLabel = "commitment.json",
            description = "the company's commitment")
    Path commitment;

    @Option(names = "--request", required = true, paramLabel = "request.json", description = "the auditor's draw")
    Path request;

    @Option(names = "--reveal", required = true, paramLabel = "reveal.json", description = "the company's reveal")
    Path reveal;

    @Option(names = "--model", paramLabel = "MODEL", description = "the committed model file, to check the outputs")
    Path model;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws java.io.IOException {
        Commitment c = Commitment.read(commitment);
        DrawRequest r = DrawRequest.read(request);
        Reveal v = Reveal.read(reveal, c.schema());
        Verification result;
        if (model == null) {
            result = Verifier.verify(c, r, v);
        } else {
            if (!c.bindsModel()) {
                throw new UserError("the commitment holds no model outputs, so --model cannot be checked; drop it");
            }
            result = Verifier.verify(c, r, v, modelOptions.load(model, null), Sha256.file(model));
        }
        spec.commandLine().getOut().println(result.message());
        spec.commandLine().getOut().flush();
        return result.verified() ? 0 : 1;
    }
}
