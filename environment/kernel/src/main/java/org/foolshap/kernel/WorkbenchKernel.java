package org.foolshap.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.reply.CompleteReply;
import org.dflib.jjava.jupyter.messages.reply.InspectReply;
import org.dflib.jjava.jupyter.messages.reply.IsCompleteReply;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.foolshap.kernel.display.RichRenderer;
import org.foolshap.kernel.eval.CellError;
import org.foolshap.kernel.eval.CellEvaluator;
import org.foolshap.kernel.eval.CellValue;
import org.foolshap.kernel.eval.Completion;
import org.foolshap.kernel.magic.Magics;
import org.foolshap.kernel.magic.MavenResolver;
import org.foolshap.kernel.runtime.Display;
import org.foolshap.kernel.runtime.DisplaySink;

/**
 * The workbench's Jupyter kernel: wires the JShell {@link CellEvaluator}, the {@link Magics}, the
 * {@link RichRenderer} and the output routing to the Jupyter message handlers. Every request handler is this
 * class's own (the base's omit {@code status} in several replies); only the comm handlers are jjava's
 * {@link CommManager}'s. The class extends no base kernel: jjava's {@code BaseKernel} would bring its own magics,
 * extension loading and stream handling, all of which this kernel does itself.
 *
 * <p>The evaluator starts on a background thread so {@code kernel_info} is answered at once; the first execute
 * waits for it. While the kernel then waits for its first request, the same thread {@linkplain WarmUp warms up}
 * what the first cells would pay; the first request stops that.
 *
 * <p>Display: each cell gets a {@link CellOutput}, bound to the cell's threads and made the kernel-wide current
 * one ({@link Display#setCurrent}) for ForkJoin workers and threads bound to no cell; it is closed when the cell
 * ends, so late output is dropped rather than shown under the next cell.
 */
public final class WorkbenchKernel {
    /** Longest output per stream and cell, in bytes; the rest is counted and dropped. */
    static final long OUTPUT_LIMIT = 1 << 20;
    private static final String VERSION = "0.1.0";

    private final CompletableFuture<CellEvaluator> evaluator = new CompletableFuture<>();
    private final List<String> startupClasspath;
    private final RichRenderer renderer = new RichRenderer();
    private final History history = new History();
    /** Comms (widgets): none are registered; opens of unknown targets are answered with a close. */
    private final CommManager comms = new CommManager();
    private final OutputRouter out;
    private final OutputRouter err;
    private final ScheduledExecutorService flusher;
    private volatile CellOutput currentCell;
    /** An execute request is being handled (from its start, before JShell is ready or the cell compiled). */
    private volatile boolean cellActive;
    /** The execute request being handled was interrupted; read by the evaluator in every phase of the cell. */
    private volatile boolean cellInterrupted;
    /** Takes the shell's queued requests to abort them, called as a cell fails with stop_on_error. */
    private volatile Runnable holdQueued = () -> { };
    /** Exclusive use of the evaluator (JShell is not thread-safe): the shell handlers and the warm-up. */
    private final ReentrantLock evaluatorLock = new ReentrantLock();
    /** Set by the first request that needs the evaluator: warming stops, the user's cell has the CPU. */
    private final AtomicBoolean userArrived = new AtomicBoolean();
    private final CompletableFuture<Integer> warmedUp = new CompletableFuture<>();
    private int count = 0;

    /**
     * @param startupClasspath jars or directories added before the first cell (e.g. the workbench library)
     * @param originalOut      where output goes between cells
     */
    public WorkbenchKernel(List<String> startupClasspath, PrintStream originalOut, PrintStream originalErr) {
        this.out = new OutputRouter(PublishStream.StreamType.OUT, originalOut, OUTPUT_LIMIT, this::foreignThread);
        this.err = new OutputRouter(PublishStream.StreamType.ERR, originalErr, OUTPUT_LIMIT, this::foreignThread);
        this.startupClasspath = List.copyOf(startupClasspath);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "output-flusher");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(() -> {
            out.flush();
            err.flush();
        }, 100, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * The stream to install as {@code System.out}. Not auto-flushing: a flush per {@code println} would send one
     * message per line; the router batches and a timer flushes every 100 ms.
     */
    public PrintStream stdout() {
        return new PrintStream(out, false, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The stream to install as {@code System.err}, batched like {@link #stdout()}. */
    public PrintStream stderr() {
        return new PrintStream(err, false, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Starts JShell on a background thread, then warms up until the first request. KernelMain calls it before
     * binding the sockets, so JShell's start (mostly javac's first compile) overlaps the connection's set-up; the
     * request handlers wait for it.
     */
    public void startEvaluator() {
        Thread t = new Thread(() -> {
            try {
                CellEvaluator e = new CellEvaluator(this::cellSink);
                e.setInterruptRequested(() -> cellInterrupted);
                for (String entry : startupClasspath) {
                    e.addToClasspath(entry);
                }
                evaluator.complete(e);
            } catch (Throwable failure) {
                evaluator.completeExceptionally(failure);
                warmedUp.complete(0);
                return;
            }
            warmedUp.complete(WarmUp.run(this::warmUpStep, userArrived::get, renderer));
        }, "jshell-start");
        t.setDaemon(true);
        t.start();
    }

    CellEvaluator evaluator() {
        return evaluator.join();
    }

    /** Waits for the warm-up to end (all steps, or stopped by a request); returns how many steps ran. */
    int awaitWarmUp() {
        return warmedUp.join();
    }

    /** Runs {@code work} with exclusive use of the evaluator, for a request: stops the warm-up first. */
    private <T> T withEvaluator(Function<CellEvaluator, T> work) {
        userArrived.set(true);
        CellEvaluator e = evaluator.join();
        evaluatorLock.lock();
        try {
            return work.apply(e);
        } finally {
            evaluatorLock.unlock();
        }
    }

    /** One warm-up snippet, unless a request has arrived (then null: warming is over). */
    private Optional<CellValue> warmUpStep(Function<CellEvaluator, CellValue> work) {
        evaluatorLock.lock();
        try {
            if (userArrived.get()) {
                return null;
            }
            return Optional.ofNullable(work.apply(evaluator.join()));
        } finally {
            evaluatorLock.unlock();
        }
    }

    /** True on a thread bound to a cell other than the running one (it outlived its cell). */
    private boolean foreignThread() {
        org.foolshap.kernel.runtime.DisplaySink bound = Display.boundSink();
        CellOutput cell = currentCell;
        return bound != null && cell != null && bound != cell;
    }

    /** The running cell's display sink, or one that drops everything between cells. */
    private DisplaySink cellSink() {
        CellOutput cell = currentCell;
        return cell != null ? cell : (value, id, update) -> { };
    }

    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) - Fool SHAP workbench kernel " + VERSION;
    }

    /** Runs {@code code} outside any request and returns its rendered value (null: none); for the CDS training run. */
    public DisplayData eval(String code) {
        CellValue v = withEvaluator(e -> {
            try {
                return magics(e).run(code);
            } catch (CellError failure) {
                throw new IllegalStateException(failure.ename() + ": " + failure.evalue(), failure);
            }
        });
        return v == null ? null : renderer.render(v.value());
    }

    /** Registers this kernel's request handlers, and the comm manager's, on {@code connection}. */
    public void becomeHandlerForConnection(JupyterConnection connection) {
        comms.setIOPubChannel(connection.getIOPub());
        connection.setHandler(MessageType.COMM_OPEN_COMMAND, comms::handleCommOpenCommand);
        connection.setHandler(MessageType.COMM_MSG_COMMAND, comms::handleCommMsgCommand);
        connection.setHandler(MessageType.COMM_CLOSE_COMMAND, comms::handleCommCloseCommand);
        connection.setHandler(MessageType.COMM_INFO_REQUEST, comms::handleCommInfoRequest);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::kernelInfo);
        connection.setHandler(MessageType.COMPLETE_REQUEST, this::complete);
        connection.setHandler(MessageType.INSPECT_REQUEST, this::inspect);
        connection.setHandler(MessageType.IS_COMPLETE_REQUEST, this::isComplete);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::history);
        connection.setHandler(MessageType.SHUTDOWN_REQUEST, this::shutdown);
        connection.setHandler(MessageType.INTERRUPT_REQUEST, this::interruptRequest);
    }

    // ------------------------------------------------------------------ handlers

    private synchronized void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        cellInterrupted = false;
        cellActive = true;
        try {
            executeCell(env, message);
        } finally {
            cellActive = false;
            cellInterrupted = false;
        }
    }

    private void executeCell(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        env.setBusyDeferIdle();
        boolean silent = request.isSilent();
        boolean store = request.shouldStoreHistory() && !silent;
        int n = store ? ++count : Math.max(count, 1);
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), n));
        }
        out.attach(env);
        err.attach(env);
        CellOutput cell = new CellOutput(env, renderer, () -> {
            out.flush();
            err.flush();
        });
        currentCell = cell;
        Display.setCurrent(cell);
        String resultText = "";
        CellError failure = null;
        try {
            CellValue value = withEvaluator(e -> {
                try {
                    return magics(e).run(request.getCode());
                } catch (CellError thrown) {
                    throw new CellFailure(thrown);
                }
            });
            out.flush();
            err.flush();
            if (value != null && !silent) {
                DisplayData data = renderer.render(value.value());
                Object text = data.getData(MIMEType.TEXT_PLAIN);
                resultText = text == null ? "" : String.valueOf(text);
                env.publish(new PublishExecuteResult(n, data));
            }
        } catch (CellFailure e) {
            failure = e.error;
        } catch (RuntimeException | Error e) {
            // a kernel or javac bug, or an exhausted heap outside the cell thread: report it, stay alive
            String name = e.getClass().getName();
            failure = new CellError(name, String.valueOf(e.getMessage()), List.of(name + ": " + e.getMessage()));
        } finally {
            Display.setCurrent(null);
            currentCell = null;
            cell.close();
            out.detach();
            err.detach();
        }
        if (failure == null) {
            env.reply(ok(env, MessageType.EXECUTE_REPLY, "execution_count", n, "payload", List.of(), "user_expressions", Map.of()));
        } else {
            env.publish(new PublishError(failure.ename(), failure.evalue(), failure.traceback()));
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("status", "error");
            reply.put("execution_count", n);
            reply.put("ename", failure.ename());
            reply.put("evalue", failure.evalue());
            reply.put("traceback", failure.traceback());
            // an error reply carries fields the base's ExecuteReply lacks, so its content is sent as a map
            @SuppressWarnings({"rawtypes", "unchecked"})
            Message errorReply = new Message(env.getContext(), MessageType.EXECUTE_REPLY, reply);
            if (request.shouldStopOnError() && !silent) {
                holdQueued.run(); // before the reply: what the client sends after reading it must run
            }
            env.reply(errorReply);
            resultText = failure.ename() + ": " + failure.evalue();
        }
        if (store) {
            history.add(n, request.getCode(), resultText);
        }
    }

    private static Magics magics(CellEvaluator e) {
        return new Magics(e, new MavenResolver(), Magics.defaultBases());
    }

    /** Carries a cell's {@link CellError} out of {@link #withEvaluator}. */
    private static final class CellFailure extends RuntimeException {
        final CellError error;

        CellFailure(CellError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }

    /**
     * What the kernel calls, on the shell thread, as a cell fails with stop_on_error and before its error reply: the
     * connection's {@link org.foolshap.kernel.protocol.SecureConnection#holdQueuedCells}, so the requests already
     * queued are answered "aborted" (the rest of a "Run All") and later ones run.
     */
    public void onStopOnError(Runnable hold) {
        this.holdQueued = hold;
    }

    private void kernelInfo(ShellReplyEnvironment env, Message<?> message) {
        env.setBusyDeferIdle();
        env.reply(ok(env, MessageType.KERNEL_INFO_REPLY,
                "protocol_version", Header.PROTOCOL_VERISON,
                "implementation", "foolshap-kernel",
                "implementation_version", VERSION,
                "language_info", getLanguageInfo(),
                "banner", getBanner(),
                "help_links", List.of(Map.of("text", "Java 17 API", "url", "https://docs.oracle.com/en/java/javase/17/docs/api/"))));
    }

    private void complete(ShellReplyEnvironment env, Message<CompleteRequest> message) {
        env.setBusyDeferIdle();
        CompleteRequest r = message.getContent();
        Completion c = withEvaluator(e -> e.complete(Magics.javaPart(r.getCode()), r.getCursorPos()));
        env.reply(new CompleteReply(c.matches(), c.start(), c.end(), Map.of()));
    }

    private void inspect(ShellReplyEnvironment env, Message<InspectRequest> message) {
        env.setBusyDeferIdle();
        InspectRequest r = message.getContent();
        String doc = withEvaluator(e -> e.inspect(Magics.javaPart(r.getCode()), r.getCursorPos()));
        DisplayData data = new DisplayData();
        if (doc != null) {
            data.putText(doc);
        }
        env.reply(new InspectReply(doc != null, data));
    }

    private void isComplete(ShellReplyEnvironment env, Message<IsCompleteRequest> message) {
        env.setBusyDeferIdle();
        String code = message.getContent().getCode();
        String status = code.startsWith("%%") ? "complete" : withEvaluator(e -> e.isComplete(Magics.javaPart(code)));
        switch (status) {
            case "complete":
                env.reply(IsCompleteReply.VALID_CODE);
                break;
            case "invalid":
                env.reply(IsCompleteReply.INVALID_CODE);
                break;
            default:
                env.reply(IsCompleteReply.getIncompleteReplyWithIndent("    "));
        }
    }

    private void history(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest r = message.getContent();
        List<Object> rows;
        if (r instanceof HistoryRequest.Tail) {
            rows = history.tail(((HistoryRequest.Tail) r).getMaxReturnLength(), r.includeOutput());
        } else if (r instanceof HistoryRequest.Range) {
            HistoryRequest.Range range = (HistoryRequest.Range) r;
            rows = history.range(range.getSessionIndex(), range.getStart(), range.getStop(), r.includeOutput());
        } else if (r instanceof HistoryRequest.Search) {
            HistoryRequest.Search s = (HistoryRequest.Search) r;
            rows = history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), r.includeOutput());
        } else {
            rows = new ArrayList<>();
        }
        env.reply(ok(env, MessageType.HISTORY_REPLY, "history", rows));
    }

    private void shutdown(ShellReplyEnvironment env, Message<ShutdownRequest> message) {
        env.setBusyDeferIdle();
        boolean restart = message.getContent().isRestart();
        markInterrupted();
        evaluator.thenAccept(CellEvaluator::interrupt);
        env.reply(ok(env, MessageType.SHUTDOWN_REPLY, "restart", restart));
        flusher.shutdownNow();
        env.markForShutdown();
    }

    private void interruptRequest(ShellReplyEnvironment env, Message<?> message) {
        env.setBusyDeferIdle();
        markInterrupted();
        evaluator.thenAccept(CellEvaluator::interrupt);
        env.reply(ok(env, MessageType.INTERRUPT_REPLY));
    }

    /** Interrupts the running cell, as an {@code interrupt_request} does. */
    public void interrupt() {
        markInterrupted();
        evaluator.thenAccept(CellEvaluator::interrupt);
    }

    /** An interrupt applies to the execute request being handled, whatever phase it is in; idle, it is a no-op. */
    private void markInterrupted() {
        if (cellActive) {
            cellInterrupted = true;
        }
    }

    /** A reply to the request in {@code env} whose content is {@code {"status": "ok", key: value, ...}}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Message ok(ShellReplyEnvironment env, MessageType<?> type, Object... keyValues) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        for (int i = 0; i < keyValues.length; i += 2) {
            content.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new Message(env.getContext(), type, content);
    }
}
