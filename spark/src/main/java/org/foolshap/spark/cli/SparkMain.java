package org.foolshap.spark.cli;

import java.io.PrintWriter;
import org.foolshap.cli.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code foolshap-spark.jar}: the library's explain, coefficients and reproduce on Apache Spark, with
 * {@code --master} (or the master of spark-submit). Errors: one line, exit 2 for a user's mistake, as the library's
 * CLI; a task's failure is reported by its cause, not by Spark's wrapping.
 */
@Command(name = "foolshap-spark", mixinStandardHelpOptions = true, version = "Fool SHAP Workbench on Spark 0.1.0",
        description = {"SHAP coefficients, explanations and the paper's experiment grid on Apache Spark,",
                "with the same results as foolshap.jar on one machine. 'foolshap-spark help COMMAND' for options."},
        subcommands = {CommandLine.HelpCommand.class, ExplainCommand.class, CoefficientsCommand.class,
                ReproduceCommand.class})
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        quietLogs();
        System.exit(run(args));
    }

    /** Runs the CLI and returns the exit code: 0 success, 2 usage or input error, 1 anything else. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler(SparkMain::handle);
        return cl.execute(args);
    }

    /**
     * Spark's INFO lines would bury the command's output and its one-line errors: unless the user configured log4j
     * (or spark-submit's conf/ did), only warnings and errors are logged.
     */
    static void quietLogs() {
        if (System.getProperty("log4j2.configurationFile") == null
                && SparkMain.class.getClassLoader().getResource("log4j2.properties") == null) {
            System.setProperty("log4j2.configurationFile", "org/foolshap/spark/log4j2-quiet.properties");
        }
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable cause = userCause(e);
        if (cause != null) {
            err.println("error: " + message(cause));
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

    /** The user's mistake in a cause chain (a task's exception arrives wrapped by Spark), or null. */
    static Throwable userCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof java.io.UncheckedIOException
                    || t instanceof java.nio.file.NoSuchFileException || t instanceof UserError) {
                return t;
            }
            if (t.getClass().getName().equals("org.apache.spark.sql.AnalysisException")) {
                return t; // e.g. a path that does not exist
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String message(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        String m = e.getMessage();
        m = m == null ? e.getClass().getSimpleName() : m;
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).trim();
    }
}
