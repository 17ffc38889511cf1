package org.foolshap.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.foolshap.kernel.protocol.SecureConnection;

/**
 * Entry point: {@code java -jar foolshap-kernel.jar CONNECTION_FILE}. Environment:
 * <ul>
 *   <li>{@code FOOLSHAP_CLASSPATH}: jars/directories (path-separator list) put on the notebook class path at
 *       start when they exist, e.g. the workbench library {@code lib/target/foolshap.jar};</li>
 *   <li>{@code FOOLSHAP_HOME}: the workbench root, a second base for relative {@code %jars} paths;</li>
 *   <li>{@code FOOLSHAP_MVN}: the Maven executable for {@code %maven} (default {@code mvn}).</li>
 * </ul>
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--train")) {
            train();
            return;
        }
        if (args.length != 1) {
            System.err.println("usage: java -jar foolshap-kernel.jar CONNECTION_FILE | --train");
            System.exit(2);
        }
        quietBaseLogging();
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));

        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        WorkbenchKernel kernel = new WorkbenchKernel(startupClasspath(), originalOut, originalErr);
        System.setOut(kernel.stdout());
        System.setErr(kernel.stderr());
        System.setIn(new ByteArrayInputStream(new byte[0]));
        // JShell's start (about a second of javac warm-up) overlaps the sockets' set-up: a notebook run headless
        // sends its first cell the moment kernel_info is answered, so that cell waits less
        kernel.startEvaluator();

        SecureConnection connection = new SecureConnection(props);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStopOnError(connection::holdQueuedCells);
        connection.connect();
        ParentWatch.start(() -> {
            originalErr.println("foolshap kernel: the process that started it is gone; exiting");
            endWithin(5000); // a cell that never returns, or ZeroMQ's shutdown, must not keep an orphan alive
            connection.close();
        });
        connection.waitUntilClose();
        endWithin(10_000); // JShell's close must not hang the exit (a cell that ignores interrupts)
        originalOut.flush();
        // user code may have left non-daemon threads behind; the kernel's life ends with the connection
        System.exit(0);
    }

    /** Halts the JVM after {@code millis} unless it has exited by then (daemon timer). */
    static void endWithin(long millis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(1);
        }, "foolshap-exit-deadline");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Runs what a kernel start and a first cell run (sockets on free loopback ports, JShell, a cell with a value
     * and an image, rendering), then exits. {@code environment/workbench install} runs this under
     * {@code -XX:ArchiveClassesAtExit} to write a class-data-sharing archive that kernel.json then uses: it cuts
     * start-up and first-cell time, which are dominated by class loading.
     */
    static void train() throws Exception {
        quietBaseLogging();
        int[] ports = new int[5];
        for (int i = 0; i < ports.length; i++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                ports[i] = s.getLocalPort();
            }
        }
        KernelConnectionProperties props = new KernelConnectionProperties("127.0.0.1", ports[0], ports[1], ports[2],
                ports[3], ports[4], "tcp", "hmac-sha256", java.util.UUID.randomUUID().toString());
        WorkbenchKernel kernel = new WorkbenchKernel(List.of(), System.out, System.err);
        SecureConnection connection = new SecureConnection(props);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        kernel.startEvaluator();
        kernel.awaitWarmUp(); // its classes belong in the archive too
        kernel.eval("int n = 3;\nString s = \"x\".repeat(n);\ns.length()");
        kernel.eval("new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        kernel.eval("display(html(\"<b>warm</b>\"));");
        kernel.evaluator().complete("System.out.pri", 14);
        connection.close();
        connection.waitUntilClose();
        System.exit(0);
    }

    static List<String> startupClasspath() {
        List<String> entries = new ArrayList<>();
        String cp = System.getenv("FOOLSHAP_CLASSPATH");
        if (cp != null) {
            for (String e : cp.split(File.pathSeparator)) {
                if (!e.isBlank() && new File(e).exists()) {
                    entries.add(e);
                }
            }
        }
        return entries;
    }

    /**
     * The base (jjava) logs socket events through slf4j, which the kernel jar routes to java.util.logging (loggers
     * named after the channels: "ShellChannel", "IOPubChannel", ..., one "Loop-..." per thread, "BaseKernel"). Keep
     * only its warnings; other libraries' logging is untouched.
     */
    static void quietBaseLogging() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            h.setFilter(r -> r.getLevel().intValue() >= Level.WARNING.intValue() || !fromBase(r.getLoggerName()));
        }
    }

    private static boolean fromBase(String logger) {
        return logger != null && (logger.startsWith("Loop-") || logger.endsWith("Channel") || logger.equals("BaseKernel")
                || logger.startsWith("org.dflib.jjava"));
    }
}
