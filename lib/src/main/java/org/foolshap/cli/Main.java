package org.foolshap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar foolshap.jar}: one subcommand per step of an audit study. */
@Command(name = "foolshap", mixinStandardHelpOptions = true, version = "Fool SHAP Workbench 0.1.0",
        description = "SHAP explanations, the stealthily biased sampling attack on them (Laberge et al., ICLR 2023),"
                + " and audits against it. Run 'foolshap help COMMAND' for a command's options.",
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
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
        return cl;
    }

    /**
     * The "Commands:" list with each command's first sentence, wrapped: picocli's own list shows the first line of a
     * description, which for descriptions written as several lines ends mid-sentence ("into the").
     */
    static String commandList(CommandLine.Help help) {
        var commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int width = help.commandSpec().usageMessage().width();
        int nameWidth = 2 + commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        StringBuilder b = new StringBuilder(); // the "Commands:" heading is a section of its own
        for (var e : commands.entrySet()) {
            var usage = e.getValue().commandSpec().usageMessage(); // a header, as picocli's list, else the description
            String summary = firstSentence(usage.header().length > 0 ? usage.header() : usage.description());
            String indent = " ".repeat(nameWidth);
            StringBuilder line = new StringBuilder(String.format("  %-" + (nameWidth - 2) + "s", e.getKey()));
            int column = nameWidth;
            for (String word : summary.split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (column > nameWidth && column + 1 + word.length() > width) {
                    b.append(line.toString().stripTrailing()).append(System.lineSeparator());
                    line = new StringBuilder(indent);
                    column = nameWidth;
                }
                if (column > nameWidth) {
                    line.append(' ');
                    column++;
                }
                line.append(word);
                column += word.length();
            }
            b.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return b.toString();
    }

    /** A description's first sentence (up to the first ". " or the end of its first paragraph). */
    static String firstSentence(String[] description) {
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>(); // "%n" inside a line is a line break, as picocli formats it
        for (String line : description) {
            lines.addAll(List.of(line.split("%n", -1)));
        }
        for (String line : lines) {
            if (line.isBlank()) {
                if (text.length() > 0) {
                    break; // end of the first paragraph
                }
                continue;
            }
            text.append(text.length() > 0 ? " " : "").append(line.strip());
        }
        String t = text.toString().replace("%%", "%");
        var m = java.util.regex.Pattern.compile("\\.(\\s+)(?=[^a-z\\s])").matcher(t);
        while (m.find()) {
            String before = t.substring(0, m.start());
            if (!before.matches("(?s).*\\b(e\\.g|i\\.e|et al|vs|cf)$")) {
                return before + ".";
            }
        }
        return t;
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
