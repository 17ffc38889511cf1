package org.foolshap.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Issue 16: a kernel whose starting process dies (kill -9) exits instead of living on as an orphan. The kernel is
 * started by a short-lived {@code sh}, which the test kills; like jupyter_client, the sh passes its pid in
 * {@code JPY_PARENT_PID}.
 */
class ParentDeathIT {
    @Test
    void kernelExitsWhenItsParentIsKilled() throws Exception {
        Path dir = Path.of(System.getProperty("kernel.target", "target"), "parent-death-it");
        Files.createDirectories(dir);
        int[] ports = ForgedMessageIT.freePorts(5);
        Path conn = dir.resolve("connection.json");
        Files.writeString(conn, String.format("{\"transport\":\"tcp\",\"ip\":\"127.0.0.1\",\"shell_port\":%d,"
                + "\"control_port\":%d,\"iopub_port\":%d,\"stdin_port\":%d,\"hb_port\":%d,"
                + "\"signature_scheme\":\"hmac-sha256\",\"key\":\"%s\"}", ports[0], ports[1], ports[2], ports[3], ports[4],
                HardeningIT.KEY));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Path.of(System.getProperty("kernel.jar", "target/foolshap-kernel.jar")).toAbsolutePath().toString();
        String log = dir.resolve("kernel.log").toAbsolutePath().toString();
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "JPY_PARENT_PID=$$ \"$0\" -Djava.awt.headless=true -Xmx256m -jar \"$1\" \"$2\" >\"$3\" 2>&1 &"
                + " echo $!; wait", java, jar, conn.toAbsolutePath().toString(), log);
        pb.environment().remove("JPY_PARENT_PID");
        Process parent = pb.start();
        long kernelPid = -1;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.US_ASCII));
            kernelPid = Long.parseLong(out.readLine().strip());
            Optional<ProcessHandle> kernel = ProcessHandle.of(kernelPid);
            assertTrue(kernel.isPresent(), "kernel did not start");
            // wait until it serves (its parent watch is installed by then)
            try (ZContext zmq = new ZContext()) {
                ZMQ.Socket shell = zmq.createSocket(org.zeromq.SocketType.DEALER);
                shell.setLinger(0);
                shell.connect("tcp://127.0.0.1:" + ports[0]);
                String reply = null;
                for (int i = 0; i < 30 && reply == null; i++) {
                    HardeningIT.send(shell, HardeningIT.frames("kernel_info_request", "{}"));
                    reply = ForgedMessageIT.receive(shell, 1000);
                }
                assertNotNull(reply, "kernel did not answer kernel_info in 30 s");
                shell.close();
            }
            parent.destroyForcibly(); // kill -9 of the process that started the kernel
            assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
            boolean exited;
            try {
                kernel.get().onExit().get(20, TimeUnit.SECONDS);
                exited = true;
            } catch (java.util.concurrent.TimeoutException e) {
                exited = false;
            }
            assertTrue(exited, "the kernel outlived its parent by 20 s");
            assertFalse(kernel.get().isAlive());
        } finally {
            parent.destroyForcibly();
            if (kernelPid > 0) {
                ProcessHandle.of(kernelPid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }
}
