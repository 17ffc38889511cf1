package org.foolshap.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;
import org.zeromq.ZMQ;

/**
 * basekernel's connection with the shell and control channels replaced by {@link SignedShellChannel}s, which drop
 * unsigned or forged messages instead of dying on them. Heartbeat, stdin and IOPub are basekernel's. Every
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
        this.secureShell = new SignedShellChannel(context, hmac, false, this);
        this.secureControl = new SignedShellChannel(context, hmac, true, this);
    }

    /**
     * The kernel's "abort the queued cells" signal, read by the shell channel after each message: true (once)
     * after a cell failed with {@code stop_on_error}.
     */
    public void setAbortSignal(java.util.function.BooleanSupplier signal) {
        secureShell.setAbortSignal(signal);
    }

    @Override
    public void connect() {
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
        secureShell.waitUntilClose();
        secureControl.waitUntilClose();
        super.close(); // basekernel's heartbeat, stdin, IOPub (and the unused stock shell/control sockets)
        context.close();
    }
}
