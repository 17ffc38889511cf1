package org.foolshap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.foolshap.data.Catalog;
import org.foolshap.data.DataLocator;
import org.foolshap.data.Fetcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fetch --dataset NAME [--data-dir DIR_OR_URL]}: raw files into the per-user cache, SHA-256 verified.
 * {@code --data-dir} names a local copy as it does for every other command ({@code --from} is its old name).
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Download a dataset's raw files (or copy them from a mirror) into the",
                "per-user cache ($XDG_CACHE_HOME/foolshap/NAME, default ~/.cache/foolshap/NAME)",
                "and verify their SHA-256 against the catalog. A mismatch, a truncated",
                "download or a server that sends nothing for --timeout seconds deletes the",
                "partial file and fails (exit 1); so does Ctrl-C (the partial file is",
                "deleted, never left as FILE.part)."})
public final class FetchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "catalog name (adult, compas, ...)")
    String dataset;

    @Option(names = {"--data-dir", "--from"}, paramLabel = "DIR_OR_URL",
            description = "copy from a local copy (DIR/NAME/FILE or DIR/FILE) or an http(s) mirror (BASE/NAME/FILE)"
                    + " instead of the catalog URLs; --from is the deprecated old name")
    String from;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "write here instead of the per-user cache")
    Path cacheDir;

    @Option(names = "--timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "give up on a download that receives no data for this long (default: ${DEFAULT-VALUE})")
    double timeout;

    @Override
    public Integer call() throws Exception {
        if (!(timeout > 0) || !Double.isFinite(timeout)) {
            throw new UserError("--timeout must be a positive number of seconds, got " + timeout);
        }
        Catalog.Entry entry = Catalog.load().entry(dataset);
        Path cache = cacheDir != null ? cacheDir : DataLocator.fromEnvironment().cacheDir();
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<Fetcher.Fetched> fetched;
        try {
            fetched = new Fetcher(cache, line -> {
                out.println(line);
                out.flush();
            }, java.time.Duration.ofMillis(Math.max(1, Math.round(timeout * 1000)))).fetch(entry, from);
        } catch (Fetcher.FetchException e) {
            if (!e.unreachable()) {
                throw e;
            }
            throw new Fetcher.FetchException(e.getMessage() + ". With a local copy of the files, run: java -jar"
                    + " lib/target/foolshap.jar fetch --dataset " + dataset + " --data-dir DIR (DIR/" + dataset
                    + "/FILE or DIR/FILE), or point " + DataLocator.DATA_ENV + " at it", true);
        }
        if (!entry.embedded()) {
            out.println(dataset + ": " + fetched.size() + " file(s) in " + cache.resolve(dataset));
        }
        out.flush();
        return 0;
    }
}
