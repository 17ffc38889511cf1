package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Issue 16: an interrupt (or a shutdown) that arrives while a fresh kernel's first cell is still being compiled is
 * not lost. Each test starts its own kernel and sends the request the moment the cell's execute_input is published.
 */
class InterruptRaceIT {
    static final String LOOP = "{\"code\":\"while (true) { }\",\"silent\":false,\"store_history\":true,"
            + "\"user_expressions\":{},\"allow_stdin\":false,\"stop_on_error\":false}";

    @Test
    void interruptDuringTheFirstCompileStopsTheCell() throws Exception {
        Process kernel = null;
        try (ZContext zmq = new ZContext()) {
            int[] ports = ForgedMessageIT.freePorts(5);
            kernel = start("interrupt", ports);
            ZMQ.Socket shell = socket(zmq, SocketType.DEALER, ports[0]);
            ZMQ.Socket control = socket(zmq, SocketType.DEALER, ports[1]);
            ZMQ.Socket iopub = socket(zmq, SocketType.SUB, ports[2]);
            iopub.subscribe(new byte[0]);
            awaitKernelInfo(shell);
            HardeningIT.send(shell, HardeningIT.frames("execute_request", LOOP));
            assertTrue(awaitExecuteInput(iopub), "no execute_input published");
            HardeningIT.send(control, HardeningIT.frames("interrupt_request", "{}")); // one interrupt only
            String reply = ForgedMessageIT.receive(shell, 30_000);
            assertNotNull(reply, "the cell was not interrupted: no execute_reply in 30 s");
            assertTrue(reply.contains("\"status\":\"error\"") && reply.contains("Interrupted"), reply);
            HardeningIT.send(shell, HardeningIT.frames("execute_request", HardeningIT.execute("1 + 1")));
            String next = ForgedMessageIT.receive(shell, 30_000);
            assertNotNull(next, "no reply after the interrupt");
            assertTrue(next.contains("\"status\":\"ok\""), next);
            HardeningIT.send(control, HardeningIT.frames("shutdown_request", "{\"restart\":false}"));
            ForgedMessageIT.receive(control, 5000);
            assertTrue(kernel.waitFor(20, TimeUnit.SECONDS), "the kernel did not exit after shutdown");
        } finally {
            if (kernel != null) {
                kernel.destroyForcibly();
            }
        }
    }

    @Test
    void shutdownDuringTheFirstCompileEndsTheProcess() throws Exception {
        Process kernel = null;
        try (ZContext zmq = new ZContext()) {
            int[] ports = ForgedMessageIT.freePorts(5);
            kernel = start("shutdown", ports);
            ZMQ.Socket shell = socket(zmq, SocketType.DEALER, ports[0]);
            ZMQ.Socket control = socket(zmq, SocketType.DEALER, ports[1]);
            ZMQ.Socket iopub = socket(zmq, SocketType.SUB, ports[2]);
            iopub.subscribe(new byte[0]);
            awaitKernelInfo(shell);
            HardeningIT.send(shell, HardeningIT.frames("execute_request", LOOP));
            assertTrue(awaitExecuteInput(iopub), "no execute_input published");
            HardeningIT.send(control, HardeningIT.frames("shutdown_request", "{\"restart\":false}"));
            assertNotNull(ForgedMessageIT.receive(control, 10_000), "no shutdown_reply");
            assertTrue(kernel.waitFor(30, TimeUnit.SECONDS), "the kernel hung after a shutdown during the first cell");
            try (java.net.Socket s = new java.net.Socket()) {
                s.connect(new java.net.InetSocketAddress("127.0.0.1", ports[0]), 1000);
                throw new AssertionError("the shell port still listens after the kernel exited");
            } catch (java.io.IOException expected) {
                // refused: the port was released
            }
        } finally {
            if (kernel != null) {
                kernel.destroyForcibly();
            }
        }
    }

    static Process start(String name, int[] ports) throws Exception {
        Path dir = Path.of(System.getProperty("kernel.target", "target"), "interrupt-race-it-" + name);
        Files.createDirectories(dir);
        Path conn = dir.resolve("connection.json");
        Files.writeString(conn, String.format("{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":%d,"
                + "\"control_port\":%d,\"iopub_port\":%d,\"stdin_port\":%d,\"hb_port\":%d,"
                + "\"signature_scheme\":\"hmac-sha256\",\"key\":\"%s\"}", ports[0], ports[1], ports[2], ports[3], ports[4],
                HardeningIT.KEY));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.awt.headless=true", "-Xmx256m", "-jar",
                System.getProperty("kernel.jar", "target/foolshap-kernel.jar"), conn.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile()).start();
    }

    static ZMQ.Socket socket(ZContext zmq, SocketType type, int port) {
        ZMQ.Socket s = zmq.createSocket(type);
        s.setIdentity(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        s.setLinger(0);
        s.connect("tcp://127.0.0.1:" + port);
        return s;
    }

    static void awaitKernelInfo(ZMQ.Socket shell) throws Exception {
        String reply = null;
        for (int i = 0; i < 30 && reply == null; i++) {
            HardeningIT.send(shell, HardeningIT.frames("kernel_info_request", "{}"));
            reply = ForgedMessageIT.receive(shell, 1000);
        }
        assertNotNull(reply, "kernel did not answer kernel_info in 30 s");
        while (ForgedMessageIT.receive(shell, 300) != null) {
            // answers to the retries
        }
    }

    /** Reads IOPub (at most 200 messages, 30 s) until an execute_input is published. */
    static boolean awaitExecuteInput(ZMQ.Socket iopub) {
        iopub.setReceiveTimeOut(1000);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < 200 && System.nanoTime() < deadline; i++) {
            byte[] f = iopub.recv();
            if (f == null) {
                continue;
            }
            boolean found = new String(f, StandardCharsets.UTF_8).contains("\"msg_type\":\"execute_input\"");
            while (iopub.hasReceiveMore()) {
                found |= new String(iopub.recv(), StandardCharsets.UTF_8).contains("\"msg_type\":\"execute_input\"");
            }
            if (found) {
                return true;
            }
        }
        return false;
    }
}
