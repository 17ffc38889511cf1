package org.foolshap.cli;

import picocli.CommandLine.Option;

/**
 * -h and -V as mixinStandardHelpOptions declares them, but with an order, for the commands that mix in the ordered
 * {@link StudyOptions} (picocli lists options without an order first): both reproduce commands.
 */
public final class OrderedHelpOptions {
    @Option(names = {"-h", "--help"}, order = 1000, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, order = 1001, versionHelp = true,
            description = "Print version information and exit.")
    boolean version;
}
