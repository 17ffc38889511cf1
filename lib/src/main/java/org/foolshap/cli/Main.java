package org.foolshap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar foolshap.jar}: one subcommand per step of an audit study. */
@Command(name = "foolshap", mixinStandardHelpOptions = true, version = "Fool SHAP Workbench 0.1.0",
        description = {"SHAP explanations, the stealthily biased sampling attack on them (Laberge et al., ICLR 2023),",
                "and audits against it. Run 'foolshap help COMMAND' for a command's options."},
        subcommands = {CommandLine.HelpCommand.class, FetchCommand.class, DataCommand.class, TrainCommand.class,
                PredictCommand.class, ExplainCommand.class, FairnessCommand.class, AttackCommand.class, AuditCommand.class,
                CommitCommand.class, DrawCommand.class, RevealCommand.class, VerifyCommand.class, ReproduceCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code: 0 success, 2 usage or input error, 1 anything else. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with commands made by {@code factory} (tests use it to reach a command's seams). */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    // A user's mistake gets one line naming the culprit, not a stack trace.
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
                || e instanceof java.nio.file.NoSuchFileException || e instanceof UserError) {
            err.println("error: " + message(e));
            return 2;
        }
        if (e instanceof java.io.IOException) {
            err.println("error: " + message(e));
            return 1;
        }
        err.println("internal error: " + e);
        e.printStackTrace(err);
        return 1;
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
