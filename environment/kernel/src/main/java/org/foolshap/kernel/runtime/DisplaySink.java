package org.foolshap.kernel.runtime;

/**
 * Where {@link Display#display} and {@link Display#updateDisplay} send their values: the kernel gives one to each
 * running cell. Implementations must be thread-safe (a cell's worker threads display too) and drop what arrives
 * after their cell has ended, so a late output never lands under a later cell.
 */
@FunctionalInterface
public interface DisplaySink {
    /**
     * @param value     what to show (rendered like a cell's value)
     * @param displayId the output's id: a new output gets it, an update replaces every output that has it
     * @param update    false to add a new output, true to replace the outputs with {@code displayId}
     */
    void show(Object value, String displayId, boolean update);
}
