package org.foolshap.kernel;

import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.foolshap.kernel.display.RichRenderer;
import org.foolshap.kernel.runtime.DisplaySink;

/**
 * The display sink of one running cell: {@code display_data} and {@code update_display_data} messages with the
 * cell's parent header, from whichever thread calls (the cell's own, threads it started, ForkJoin workers). Closed
 * when the cell ends, after which it drops everything, so late output never appears under a later cell.
 */
final class CellOutput implements DisplaySink {
    private final ReplyEnvironment env;
    private final RichRenderer renderer;
    private final Runnable flushStreams;
    private boolean open = true;

    /**
     * @param flushStreams sends the cell's buffered stdout/stderr first, so output keeps its order
     */
    CellOutput(ReplyEnvironment env, RichRenderer renderer, Runnable flushStreams) {
        this.env = env;
        this.renderer = renderer;
        this.flushStreams = flushStreams;
    }

    @Override
    public void show(Object value, String displayId, boolean update) {
        // rendered outside the lock: a chart's PNG takes a while and other threads may display meanwhile
        DisplayData data = new DisplayData(renderer.render(value)); // a copy: the value may be a shared DisplayData
        data.setDisplayId(displayId);
        synchronized (this) {
            if (!open) {
                return;
            }
            flushStreams.run();
            if (update) {
                env.publish(new PublishUpdateDisplayData(data));
            } else {
                env.publish(new PublishDisplayData(data));
            }
        }
    }

    /** The cell has ended: drop whatever comes later. Waits for a publish in progress. */
    synchronized void close() {
        open = false;
    }
}
