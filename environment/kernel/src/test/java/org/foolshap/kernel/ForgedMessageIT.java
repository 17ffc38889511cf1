package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Starts the shaded kernel jar as Jupyter would and talks ZeroMQ to it directly: messages with a wrong or missing
 * HMAC-SHA256 signature, or malformed ones, on the shell and control sockets are dropped and never executed, and
 * properly signed requests are still answered afterwards.
 */
class ForgedMessageIT {
    static final String KEY = UUID.randomUUID().toString();
    static Process kernel;
    static ZContext zmq;
    static ZMQ.Socket shell;
    static ZMQ.Socket control;
    static Path marker;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of(System.getProperty("kernel.target", "target"), "forged-it");
        Files.createDirectories(dir);
        marker = dir.resolve("forged-cell-ran").toAbsolutePath();
        Files.deleteIfExists(marker);
        int[] ports = freePorts(5);
        Path conn = dir.resolve("connection.json");
        Files.writeString(conn, String.format("{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":%d,"
                + "\"control_port\":%d,\"iopub_port\":%d,\"stdin_port\":%d,\"hb_port\":%d,"
                + "\"signature_scheme\":\"hmac-sha256\",\"key\":\"%s\"}", ports[0], ports[1], ports[2], ports[3], ports[4], KEY));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        kernel = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Xmx256m", "-jar",
                System.getProperty("kernel.jar", "target/foolshap-kernel.jar"), conn.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("kernel.log").toFile()).start();
        zmq = new ZContext();
        shell = dealer("tcp://127.0.0.1:" + ports[0]);
        control = dealer("tcp://127.0.0.1:" + ports[1]);
        // wait until the kernel answers a signed kernel_info
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String reply = null;
        while (reply == null && System.nanoTime() < deadline) {
            send(shell, "kernel_info_request", "{}", true, false);
            reply = receive(shell, 1000);
        }
        assertNotNull(reply, "kernel did not answer kernel_info in 30 s");
        while (receive(shell, 1000) != null) {
            // drop answers to the retries
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (control != null) {
            send(control, "shutdown_request", "{\"restart\":false}", true, false);
            receive(control, 3000);
        }
        if (zmq != null) {
            zmq.close();
        }
        if (kernel != null && !kernel.waitFor(10, TimeUnit.SECONDS)) {
            kernel.destroyForcibly();
        }
    }

    @Test
    void forgedMessagesAreDroppedAndSignedOnesStillServed() throws Exception {
        String forgedCell = "{\"code\":\"new java.io.File(\\\"" + marker + "\\\").createNewFile();\",\"silent\":false,"
                + "\"store_history\":true,\"user_expressions\":{},\"allow_stdin\":false,\"stop_on_error\":true}";
        send(shell, "execute_request", forgedCell, false, false);          // wrong signature
        send(shell, "execute_request", forgedCell, false, true);           // no signature at all
        send(control, "execute_request", forgedCell, false, false);        // wrong signature, control socket
        send(control, "shutdown_request", "{\"restart\":false}", false, false); // forged shutdown
        send(control, "interrupt_request", "{}", false, true);
        shell.send("garbage without delimiter");                           // malformed
        shell.sendMore("id".getBytes(StandardCharsets.UTF_8));
        shell.sendMore("<IDS|MSG>");
        shell.send("only-a-signature");                                    // truncated
        assertNull(receive(shell, 1500), "a forged message got a reply on shell");
        assertNull(receive(control, 500), "a forged message got a reply on control");

        send(shell, "execute_request", "{\"code\":\"40 + 2\",\"silent\":false,\"store_history\":true,"
                + "\"user_expressions\":{},\"allow_stdin\":false,\"stop_on_error\":true}", true, false);
        String reply = receive(shell, 30_000);
        assertNotNull(reply, "no reply to a signed execute after forged messages");
        assertTrue(reply.contains("\"status\":\"ok\""), reply);
        assertFalse(Files.exists(marker), "a forged execute_request was executed");

        send(control, "kernel_info_request", "{}", true, false);
        String info = receive(control, 10_000);
        assertNotNull(info, "control stopped answering");
        assertTrue(info.contains("\"status\":\"ok\""), info);
        assertTrue(kernel.isAlive());
    }

    // ------------------------------------------------------------------ wire helpers

    static ZMQ.Socket dealer(String address) {
        ZMQ.Socket s = zmq.createSocket(SocketType.DEALER);
        s.setIdentity(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        s.setLinger(0);
        s.connect(address);
        return s;
    }

    static void send(ZMQ.Socket s, String type, String content, boolean sign, boolean emptySignature) throws Exception {
        String header = String.format("{\"msg_id\":\"%s\",\"username\":\"test\",\"session\":\"%s\",\"date\":"
                + "\"2026-01-01T00:00:00.000000Z\",\"msg_type\":\"%s\",\"version\":\"5.3\"}",
                UUID.randomUUID(), UUID.randomUUID(), type);
        List<byte[]> parts = List.of(bytes(header), bytes("{}"), bytes("{}"), bytes(content));
        String signature = emptySignature ? "" : sign ? hmac(parts) : hmac(List.of(bytes("forged"), bytes("{}"), bytes("{}"), bytes("{}")));
        s.sendMore("<IDS|MSG>");
        s.sendMore(signature);
        for (int i = 0; i < 3; i++) {
            s.sendMore(parts.get(i));
        }
        s.send(parts.get(3));
    }

    /** The content of the next reply (skipping nothing), or null after {@code timeoutMs}. */
    static String receive(ZMQ.Socket s, int timeoutMs) {
        s.setReceiveTimeOut(timeoutMs);
        List<byte[]> frames = new ArrayList<>();
        byte[] f = s.recv();
        if (f == null) {
            return null;
        }
        frames.add(f);
        while (s.hasReceiveMore()) {
            frames.add(s.recv());
        }
        return new String(frames.get(frames.size() - 1), StandardCharsets.UTF_8);
    }

    static String hmac(List<byte[]> parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(KEY), "HmacSHA256"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }
}
