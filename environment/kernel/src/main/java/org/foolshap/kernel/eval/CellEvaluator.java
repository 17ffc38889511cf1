package org.foolshap.kernel.eval;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import org.foolshap.kernel.runtime.Display;
import org.foolshap.kernel.runtime.DisplaySink;

/**
 * Evaluates Java cells with an in-process JShell. A cell may hold several snippets (split with
 * {@link SourceCodeAnalysis#analyzeCompletion}); they run in order and the first failure stops the cell. The value
 * of the last snippet, if it is an expression, is the cell's value.
 *
 * <p>Not thread-safe except {@link #interrupt()}, which may be called from any thread while a cell runs.
 */
public final class CellEvaluator implements AutoCloseable {
    /** Imported into every session, before any user cell. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.math.*;", "import java.nio.file.*;", "import java.time.*;",
            "import static org.foolshap.kernel.runtime.Display.*;");

    private final JShell shell;
    private final CapturingExecutionProvider provider;
    private final Set<String> classpath = new LinkedHashSet<>();
    private volatile boolean interrupted;
    /** The kernel's "the current request was interrupted", which may be set before {@link #eval} even starts. */
    private volatile BooleanSupplier interruptRequested = () -> false;

    /**
     * A cell whose value is only the id that {@code display(...)} returned (IJava's signature) shows nothing, as
     * a {@code void} call would: {@code display(x);} is the usual way to show something.
     */
    private static final Pattern DISPLAY_CALL = Pattern.compile(
            "\\s*(?:(?:org\\.foolshap\\.kernel\\.runtime\\.)?Display\\s*\\.\\s*)?display\\s*\\(");

    /** For tests and tools: every {@code display(...)} / {@code updateDisplay(...)} value goes to {@code sink}. */
    public CellEvaluator(Consumer<Object> displaySink) {
        this(() -> (value, id, update) -> displaySink.accept(value));
    }

    /**
     * @param cellSink asked on each snippet's thread for the sink of the cell being run (never null: a sink that
     *                 drops everything between cells); the snippet's thread and the threads it starts keep it
     */
    public CellEvaluator(Supplier<DisplaySink> cellSink) {
        this.provider = new CapturingExecutionProvider(() -> Display.bind(cellSink.get()), this::isInterrupted);
        this.shell = JShell.builder().executionEngine(provider, Map.of()).build();
        addToClasspath(ownLocation());
        for (String imp : DEFAULT_IMPORTS) {
            for (SnippetEvent e : shell.eval(imp)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("default import failed: " + imp);
                }
            }
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(Display.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Adds a jar or class directory to both the compiler's and the runtime's class path.
     *
     * @return false if it was already there (adding again is a no-op)
     */
    public boolean addToClasspath(String path) {
        String canonical;
        try {
            canonical = new File(path).getCanonicalPath();
        } catch (java.io.IOException e) {
            canonical = new File(path).getAbsolutePath();
        }
        if (!classpath.add(canonical)) {
            return false;
        }
        shell.addToClasspath(canonical);
        return true;
    }

    /** The entries added so far, in order (the kernel's own jar first). */
    public List<String> classpath() {
        return List.copyOf(classpath);
    }

    /**
     * Also treat the cell as interrupted while {@code requested} is true: an interrupt that arrives while the cell
     * waits for JShell, for the warm-up, or is being compiled is not lost (eval would otherwise reset it).
     */
    public void setInterruptRequested(BooleanSupplier requested) {
        this.interruptRequested = requested == null ? () -> false : requested;
    }

    private boolean isInterrupted() {
        return interrupted || interruptRequested.getAsBoolean();
    }

    /** Stops the running cell, if any; the next cell runs normally. */
    public void interrupt() {
        interrupted = true;
        CapturingExecutionControl control = provider.control();
        if (control != null) {
            control.stop();
        }
    }

    /**
     * Runs a cell of Java code.
     *
     * @return the last expression's value, or null when the last snippet is not an expression
     * @throws CellError for a compile error, an exception thrown by the cell, or an interrupt
     */
    public CellValue eval(String code) throws CellError {
        interrupted = false;
        CellValue last = null;
        Map<String, Integer> firstLineOfSnippet = new HashMap<>();
        for (Piece piece : split(code)) {
            if (isInterrupted()) {
                throw interruptedError();
            }
            last = null;
            List<SnippetEvent> events = shell.eval(piece.source);
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet being updated, not this one
                }
                Snippet snippet = event.snippet();
                firstLineOfSnippet.put(snippet.id(), lineOf(code, piece.start));
                if (event.status() == Snippet.Status.REJECTED) {
                    throw compileError(code, piece, snippet);
                }
                JShellException failure = event.exception();
                CapturingExecutionControl control = provider.control();
                if (failure != null) {
                    control.takeLastValue();
                    if (isInterrupted()) {
                        throw interruptedError();
                    }
                    throw runtimeError(failure, firstLineOfSnippet);
                }
                Object value = control.takeLastValue();
                if (isTemporary(snippet)) {
                    boolean displayId = value instanceof String && isDisplayCall(snippet.source());
                    last = displayId ? null : new CellValue(value);
                    control.releaseTemporaries();
                    shell.drop(snippet);
                } else if (snippet.subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) {
                    last = new CellValue(value);
                }
            }
            if (isInterrupted()) {
                throw interruptedError();
            }
        }
        return last;
    }

    /** True when {@code source} is one call {@code display(...)}, optionally followed by a semicolon. */
    static boolean isDisplayCall(String source) {
        String s = source.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        java.util.regex.Matcher m = DISPLAY_CALL.matcher(s);
        if (!m.lookingAt()) {
            return false;
        }
        int depth = 0;
        for (int i = m.end() - 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < s.length() && s.charAt(i) != c; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i == s.length() - 1;
            }
        }
        return false;
    }

    private static boolean isTemporary(Snippet s) {
        return s instanceof VarSnippet && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private static CellError interruptedError() {
        return new CellError("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was interrupted"));
    }

    // ---------------------------------------------------------------- splitting

    /** One snippet of a cell and where it starts in the cell. */
    private record Piece(String source, int start) {
    }

    private List<Piece> split(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<Piece> pieces = new ArrayList<>();
        String rest = code;
        while (!rest.isBlank()) {
            int offset = code.length() - rest.length();
            CompletionInfo info = sca.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI: {
                    String src = info.source();
                    String probe = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI
                            && src.endsWith(";") ? src.substring(0, src.length() - 1) : src;
                    int at = code.indexOf(probe.strip(), offset);
                    pieces.add(new Piece(src, at < 0 ? offset + leadingSpace(rest) : at));
                    rest = info.remaining();
                    break;
                }
                case EMPTY:
                    rest = "";
                    break;
                default:
                    // incomplete or unparseable: let the compiler report it, pointing into this text
                    pieces.add(new Piece(rest, offset));
                    rest = "";
            }
        }
        return pieces;
    }

    private static int leadingSpace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    // ---------------------------------------------------------------- errors

    private CellError compileError(String code, Piece piece, Snippet snippet) {
        List<Diag> diags = shell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty()) {
            String msg = "the snippet was rejected: " + snippet.source().strip();
            return new CellError("CompileError", msg, List.of("CompileError: " + msg));
        }
        List<String> lines = new ArrayList<>();
        for (Diag d : diags) {
            int pos = piece.start + (int) Math.max(0, d.getPosition());
            int start = piece.start + (int) Math.max(0, d.getStartPosition());
            int end = piece.start + (int) Math.max(d.getStartPosition(), d.getEndPosition());
            pos = Math.min(pos, code.length());
            int lineStart = code.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
            if (pos == 0) {
                lineStart = 0;
            }
            int lineEnd = code.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = code.length();
            }
            lines.add("CompileError at cell line " + lineOf(code, pos) + ": " + d.getMessage(Locale.ROOT));
            lines.add("    " + code.substring(lineStart, lineEnd));
            int from = Math.max(lineStart, Math.min(start, pos));
            int to = Math.max(from + 1, Math.min(lineEnd, Math.max(end, pos + 1)));
            lines.add("    " + " ".repeat(from - lineStart) + "^" + (to - from > 1 ? "~".repeat(to - from - 1) : ""));
        }
        return new CellError("CompileError", firstLine(diags.get(0).getMessage(Locale.ROOT)), lines);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static CellError runtimeError(JShellException failure, Map<String, Integer> firstLineOfSnippet) {
        if (failure instanceof UnresolvedReferenceException) {
            UnresolvedReferenceException u = (UnresolvedReferenceException) failure;
            String msg = "'" + u.getSnippet().source().strip() + "' uses a name that is not defined";
            return new CellError("UnresolvedReference", msg, List.of("UnresolvedReference: " + msg));
        }
        List<String> lines = new ArrayList<>();
        String ename = failure.getClass().getName();
        String evalue = failure.getMessage();
        Throwable t = failure;
        boolean first = true;
        Set<Throwable> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (t != null && seen.add(t)) {
            String cls = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
            if (first) {
                ename = cls;
                evalue = t.getMessage();
                first = false;
                lines.add(cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            } else {
                lines.add("Caused by: " + cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            }
            lines.addAll(userFrames(t.getStackTrace(), firstLineOfSnippet));
            t = t.getCause();
        }
        return new CellError(ename, evalue == null ? "" : evalue, lines);
    }

    /**
     * Frames from the top down to the last frame of cell code; kernel, JShell and reflection frames are cut.
     * JShell reports cell frames with file name {@code #<snippet id>} and line numbers within the snippet.
     */
    static List<String> userFrames(StackTraceElement[] trace, Map<String, Integer> firstLineOfSnippet) {
        int lastUser = -1;
        for (int i = 0; i < trace.length; i++) {
            if (isCellFrame(trace[i])) {
                lastUser = i;
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i <= lastUser; i++) {
            StackTraceElement f = trace[i];
            if (isCellFrame(f)) {
                String file = f.getFileName();
                String id = file.substring(1);
                Integer start = firstLineOfSnippet.get(id);
                String method = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$") ? "cell" : f.getMethodName();
                String where = start != null && f.getLineNumber() > 0
                        ? "cell line " + (start + f.getLineNumber() - 1)
                        : "snippet " + file + (f.getLineNumber() > 0 ? ":" + f.getLineNumber() : "");
                out.add("    at " + method + " (" + where + ")");
            } else {
                out.add("    at " + f);
            }
        }
        return out;
    }

    private static boolean isCellFrame(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#") || f.getClassName().startsWith("REPL.");
    }

    // ---------------------------------------------------------------- editor support

    /** Completions at {@code cursor}; an empty list when there are none. */
    public Completion complete(String code, int cursor) {
        int[] anchor = {cursor};
        List<String> matches = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct()
                .collect(Collectors.toList());
        return new Completion(matches, anchor[0], cursor);
    }

    /** Signatures (and Javadoc when the JDK ships sources) of what is at {@code cursor}, or null. */
    public String inspect(String code, int cursor) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = sca.documentation(code, cursor, true);
        if (docs.isEmpty() && cursor > 0 && Character.isJavaIdentifierPart(code.charAt(cursor - 1))) {
            // JShell documents methods only inside the call's parentheses: "Math.max" -> "Math.max("
            docs = sca.documentation(code.substring(0, cursor) + "(", cursor + 1, true);
        }
        if (docs.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            b.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                b.append(d.javadoc().strip()).append("\n\n");
            }
        }
        return b.toString().strip();
    }

    /** Jupyter's is_complete status for Java code: "complete", "incomplete" or "invalid". */
    public String isComplete(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String rest = code;
        while (!rest.isBlank()) {
            CompletionInfo info = sca.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    // analyzeCompletion only judges where a snippet ends: "int 1x = 3;" ends fine but does not parse.
                    // sourceToSnippets parses without evaluating and marks such a snippet ERRONEOUS.
                    if (!parses(sca, info.source())) {
                        return "invalid";
                    }
                    rest = info.remaining();
                    break;
                case EMPTY:
                    return "complete";
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return "incomplete";
                default:
                    return "invalid";
            }
        }
        return "complete";
    }

    private static boolean parses(SourceCodeAnalysis sca, String source) {
        if (source == null || source.isBlank()) {
            return true;
        }
        try {
            for (jdk.jshell.Snippet sn : sca.sourceToSnippets(source)) {
                // ERRONEOUS also covers unresolved names (a method declared earlier in the same cell): only a
                // syntax error makes the cell invalid
                if (sn.kind() == jdk.jshell.Snippet.Kind.ERRONEOUS && !JavaSyntax.parsesAsSnippet(source)) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return true; // no verdict: leave it to execution to report
        }
    }

    @Override
    public void close() {
        shell.close();
    }
}
