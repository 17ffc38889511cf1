package org.foolshap.kernel.protocol;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;
import org.zeromq.ZMQ;

/**
 * jjava's connection with the shell and control channels replaced by {@link SignedShellChannel}s, which drop
 * unsigned or forged messages instead of dying on them. Heartbeat, stdin and IOPub are jjava's. Every
 * socket binds to the connection file's own address. {@link #close()} may be called from a handler (shutdown
 * request); the sockets are released by {@link #waitUntilClose()} on the main thread.
 */
public final class SecureConnection extends JupyterConnection {
    private final KernelConnectionProperties props;
    private final ZMQ.Context context;
    private final SignedShellChannel secureShell;
    private final SignedShellChannel secureControl;
    private final CountDownLatch closed = new CountDownLatch(1);

    public SecureConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        this.props = props;
        this.context = ZMQ.context(1);
        HMACGenerator hmac = props.createHMACGenerator();
        // one codec for both channels: a signature seen on shell is a replay on control too
        MessageCodec codec = new MessageCodec(hmac);
        this.secureShell = new SignedShellChannel(context, hmac, false, this, codec);
        this.secureControl = new SignedShellChannel(context, hmac, true, this, codec);
    }

    /**
     * Largest frame accepted on shell: ZeroMQ reserves a frame's announced size before its bytes arrive, so without
     * a limit an unauthenticated peer announcing gigabyte frames in a few bytes exhausts the kernel's memory and kills
     * ZeroMQ's I/O thread (the heartbeat goes on, so Jupyter never restarts the kernel). A peer that exceeds the
     * limit is disconnected. 16 MiB is far beyond any cell's code.
     */
    static final long MAX_SHELL_FRAME = 16L << 20;
    /** Control (interrupt, shutdown, kernel_info) and stdin (input replies, unused) carry small messages. */
    static final long MAX_SMALL_FRAME = 1L << 20;
    /** Heartbeat pings and IOPub subscriptions are a few bytes. */
    static final long MAX_TINY_FRAME = 64L << 10;

    /**
     * Called by the kernel on the shell thread as a cell fails with {@code stop_on_error}, before its error reply:
     * the execute requests already queued are then answered "aborted" (see {@link SignedShellChannel#holdQueued}).
     */
    public void holdQueuedCells() {
        secureShell.holdQueued();
    }

    @Override
    public void connect() {
        // the limits apply to connections accepted after they are set: before bind
        for (ZMQ.Socket s : new ZMQ.Socket[] {heartbeat, iopub, stdin, secureControl, secureShell}) {
            s.setMsgAllocator(FrameAllocator.INSTANCE); // sizes the maximum does not catch (negative ones)
        }
        heartbeat.setMaxMsgSize(MAX_TINY_FRAME);
        iopub.setMaxMsgSize(MAX_TINY_FRAME);
        stdin.setMaxMsgSize(MAX_SMALL_FRAME);
        secureControl.setMaxMsgSize(MAX_SMALL_FRAME);
        secureShell.setMaxMsgSize(MAX_SHELL_FRAME);
        heartbeat.bind(props);
        iopub.bind(props);
        stdin.bind(props);
        secureControl.bind(props);
        secureShell.bind(props);
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /** Asks the channels to stop; safe from any thread, including a handler's. */
    @Override
    public void close() {
        secureShell.shutdown();
        secureControl.shutdown();
        closed.countDown();
    }

    /** Blocks until {@link #close()}, then releases every socket and both ZeroMQ contexts. */
    @Override
    public void waitUntilClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean shellClosed = secureShell.awaitClosed();
        boolean controlClosed = secureControl.awaitClosed();
        super.close(); // jjava's heartbeat, stdin, IOPub (and the unused stock shell/control sockets)
        if (shellClosed && controlClosed) {
            context.close();
        }
        // else a handler is stuck (a cell that ignores interrupts): terminating the context would wait for its
        // socket forever, with the port still listening; the process exit that follows releases it
    }
}
