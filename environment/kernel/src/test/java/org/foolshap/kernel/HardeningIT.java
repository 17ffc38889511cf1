package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
 * Issue 16: the shaded kernel jar, attacked on 127.0.0.1 only. Raw TCP peers announcing gigabyte ZMTP frames must
 * not wedge the kernel (it must still answer a signed request), and a captured signed message sent again (on the
 * same or another socket) must not run again. Every wait is bounded.
 */
class HardeningIT {
    static final String KEY = UUID.randomUUID().toString();
    static Process kernel;
    static ZContext zmq;
    static ZMQ.Socket shell;
    static ZMQ.Socket control;
    static int[] ports;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Path.of(System.getProperty("kernel.target", "target"), "hardening-it");
        Files.createDirectories(dir);
        ports = ForgedMessageIT.freePorts(5);
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String reply = null;
        for (int i = 0; i < 30 && reply == null && System.nanoTime() < deadline; i++) {
            send(shell, frames("kernel_info_request", "{}"));
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
            send(control, frames("shutdown_request", "{\"restart\":false}"));
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
    void peersAnnouncingHugeFramesDoNotWedgeTheKernel() throws Exception {
        List<Socket> peers = new ArrayList<>();
        try {
            for (int port : new int[] {ports[0], ports[0], ports[1], ports[3]}) { // shell twice, control, stdin
                for (boolean handshake : new boolean[] {false, true}) {
                    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
                    s.setSoTimeout(2000);
                    OutputStream out = s.getOutputStream();
                    out.write(greeting());
                    if (handshake) {
                        out.write(ready());
                        out.write(hugeFrame((byte) 0x02)); // a message frame of 1.9 GB
                    } else {
                        out.write(hugeFrame((byte) 0x06)); // a command frame of 1.9 GB, before any handshake
                    }
                    out.write(new byte[4096]); // and some of its "content"
                    out.flush();
                    peers.add(s);
                }
            }
            Thread.sleep(1000);
            String reply = null;
            for (int i = 0; i < 3 && reply == null; i++) {
                send(shell, frames("execute_request", execute("6 * 7")));
                reply = receive(shell, 20_000);
            }
            assertNotNull(reply, "no reply after peers announced huge frames");
            assertTrue(reply.contains("\"status\":\"ok\""), reply);
            send(control, frames("kernel_info_request", "{}"));
            assertNotNull(receive(control, 10_000), "control stopped answering");
            assertTrue(kernel.isAlive());
            assertFalse(Files.readString(dir.resolve("kernel.log")).contains("OutOfMemoryError"),
                    "the kernel ran out of memory");
        } finally {
            for (Socket s : peers) {
                s.close();
            }
        }
    }

    /**
     * The CVE-2019-6250 probe (libzmq; jeromq issue 1005 reports it stops a jeromq I/O thread): after the handshake, a
     * frame whose 8-byte size has its top bit set, negative as a Java long, so a "size > maximum" check alone would
     * let it through. The kernel must drop such peers and keep answering.
     */
    @Test
    void peersAnnouncingWrappedFrameSizesDoNotWedgeTheKernel() throws Exception {
        List<Socket> peers = new ArrayList<>();
        try {
            for (int port : new int[] {ports[0], ports[1], ports[3]}) { // shell, control, stdin
                for (long size : new long[] {-1L, Long.MIN_VALUE, 0xFFFFFFFFFFFFFF00L}) {
                    Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port);
                    s.setSoTimeout(2000);
                    OutputStream out = s.getOutputStream();
                    out.write(greeting());
                    out.write(ready());
                    out.write(frameHeader((byte) 0x02, size));
                    out.write(new byte[4096]);
                    out.flush();
                    peers.add(s);
                }
            }
            Thread.sleep(1000);
            String reply = null;
            for (int i = 0; i < 3 && reply == null; i++) {
                send(shell, frames("execute_request", execute("6 * 7")));
                reply = receive(shell, 20_000);
            }
            assertNotNull(reply, "no reply after peers announced wrapped frame sizes");
            assertTrue(reply.contains("\"status\":\"ok\""), reply);
            send(control, frames("kernel_info_request", "{}"));
            assertNotNull(receive(control, 10_000), "control stopped answering");
            assertTrue(kernel.isAlive());
            // the peers' frames may be decoded after that reply: their effect shows in the log and a later request
            Thread.sleep(2000);
            String log = Files.readString(dir.resolve("kernel.log"));
            assertFalse(log.contains("NegativeArraySizeException"), "a ZeroMQ I/O thread died:\n" + log);
            send(shell, frames("execute_request", execute("6 * 7")));
            assertNotNull(receive(shell, 20_000), "shell stopped answering");
        } finally {
            for (Socket s : peers) {
                s.close();
            }
        }
    }

    @Test
    void replayedMessagesAreNotRun() throws Exception {
        Path marker = dir.resolve("replay-count").toAbsolutePath();
        Files.deleteIfExists(marker);
        String code = "java.nio.file.Files.writeString(java.nio.file.Path.of(\\\"" + marker.toString().replace("\\", "\\\\\\\\")
                + "\\\"), \\\"x\\\", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);";
        List<byte[]> captured = frames("execute_request", execute(code));
        send(shell, captured);
        String first = receive(shell, 30_000);
        assertNotNull(first, "the original message was not answered");
        assertTrue(first.contains("\"status\":\"ok\""), first);
        assertEquals("x", Files.readString(marker));

        send(shell, captured);                 // replay on the same socket
        ZMQ.Socket other = dealer("tcp://127.0.0.1:" + ports[0]);
        send(other, captured);                 // from a second socket
        send(control, captured);               // and on control
        assertNull(receive(shell, 2000), "a replayed message was answered on shell");
        assertNull(receive(other, 500), "a replayed message was answered on a second socket");
        assertNull(receive(control, 500), "a replayed message was answered on control");

        send(shell, frames("execute_request", execute("1 + 1")));
        String reply = receive(shell, 30_000);
        assertNotNull(reply, "no reply to a fresh signed message after replays");
        assertTrue(reply.contains("\"status\":\"ok\""), reply);
        assertEquals("x", Files.readString(marker), "a replayed execute_request ran again");
        other.close();
    }

    @Test
    void printsOfAThreadWhoseCellEndedDoNotLandInTheNextCell() throws Exception {
        ZMQ.Socket iopub = zmq.createSocket(SocketType.SUB);
        iopub.setLinger(0);
        iopub.connect("tcp://127.0.0.1:" + ports[2]);
        iopub.subscribe(new byte[0]);
        Thread.sleep(500); // let the subscription reach the kernel
        send(shell, frames("execute_request", execute("new Thread(() -> { try { Thread.sleep(1500); }"
                + " catch (InterruptedException e) { } System.out.println(\\\"LATE\\\" + \\\"-MARK\\\"); }).start();")));
        String first = receive(shell, 30_000);
        assertNotNull(first, "no reply to the cell starting a thread");
        send(shell, frames("execute_request", execute("Thread.sleep(3000); System.out.println(\\\"NEXT\\\" + \\\"-CELL\\\");")));
        String second = receive(shell, 30_000);
        assertNotNull(second, "no reply to the next cell");
        assertTrue(second.contains("\"status\":\"ok\""), second);
        iopub.setReceiveTimeOut(500);
        StringBuilder streams = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            byte[] f = iopub.recv();
            if (f == null) {
                break;
            }
            streams.append(new String(f, StandardCharsets.UTF_8)).append('\n');
        }
        iopub.close();
        assertTrue(streams.toString().contains("NEXT-CELL"), "the next cell's own output is missing");
        assertFalse(streams.toString().contains("LATE-MARK"), "an earlier cell's thread printed into the next cell");
    }

    // ------------------------------------------------------------------ ZMTP 3.0 by hand

    static byte[] greeting() {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3; // version 3.0
        byte[] mech = "NULL".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(mech, 0, g, 12, mech.length);
        return g;
    }

    static byte[] ready() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        d.writeByte(5);
        d.writeBytes("READY");
        d.writeByte(11);
        d.writeBytes("Socket-Type");
        d.writeInt(6);
        d.writeBytes("DEALER");
        byte[] b = body.toByteArray();
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x04);
        frame.write(b.length);
        frame.write(b);
        return frame.toByteArray();
    }

    static byte[] hugeFrame(byte flags) throws IOException {
        return frameHeader(flags, 1_900_000_000L);
    }

    /** A ZMTP 3 long-frame header: flags, then the 8-byte size (big-endian). */
    static byte[] frameHeader(byte flags, long size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeByte(flags);
        d.writeLong(size);
        return b.toByteArray();
    }

    // ------------------------------------------------------------------ Jupyter wire helpers

    static String execute(String code) {
        return "{\"code\":\"" + code + "\",\"silent\":false,\"store_history\":true,"
                + "\"user_expressions\":{},\"allow_stdin\":false,\"stop_on_error\":false}";
    }

    static ZMQ.Socket dealer(String address) {
        ZMQ.Socket s = zmq.createSocket(SocketType.DEALER);
        s.setIdentity(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        s.setLinger(0);
        s.connect(address);
        return s;
    }

    /** Delimiter, signature, header, parent, metadata, content: a complete signed message. */
    static List<byte[]> frames(String type, String content) throws Exception {
        String header = String.format("{\"msg_id\":\"%s\",\"username\":\"test\",\"session\":\"%s\",\"date\":"
                + "\"2026-01-01T00:00:00.000000Z\",\"msg_type\":\"%s\",\"version\":\"5.3\"}",
                UUID.randomUUID(), UUID.randomUUID(), type);
        List<byte[]> parts = List.of(bytes(header), bytes("{}"), bytes("{}"), bytes(content));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(bytes(KEY), "HmacSHA256"));
        for (byte[] p : parts) {
            mac.update(p);
        }
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal()) {
            hex.append(String.format("%02x", b));
        }
        List<byte[]> all = new ArrayList<>();
        all.add(bytes("<IDS|MSG>"));
        all.add(bytes(hex.toString()));
        all.addAll(parts);
        return all;
    }

    static void send(ZMQ.Socket s, List<byte[]> frames) {
        for (int i = 0; i < frames.size() - 1; i++) {
            s.sendMore(frames.get(i));
        }
        s.send(frames.get(frames.size() - 1));
    }

    static String receive(ZMQ.Socket s, int timeoutMs) {
        return ForgedMessageIT.receive(s, timeoutMs);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
