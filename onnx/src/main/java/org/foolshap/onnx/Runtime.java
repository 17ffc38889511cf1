package org.foolshap.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

/** ONNX Runtime's process-wide environment and sessions, with its failures turned into one-line messages. */
final class Runtime {
    private Runtime() {
    }

    /**
     * The environment, created on first use. ONNX Runtime logs to stderr; only fatal messages are kept, since every
     * problem reaches the user as one exception line anyway.
     */
    static OrtEnvironment environment() {
        try {
            return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL, "foolshap");
        } catch (LinkageError | IllegalStateException e) {
            throw new IllegalArgumentException("needs ONNX Runtime, whose native library does not load here ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; foolshap-onnx.jar "
                    + "carries the Linux x86-64 and aarch64 ones): " + firstLine(e), e);
        }
    }

    /**
     * A session on a serialized model. One intra-op thread: the explainers already call a model from one thread per
     * core, and ONNX Runtime's own pool on top of that would oversubscribe the cores.
     */
    static OrtSession session(byte[] model) {
        OrtEnvironment env = environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
            return env.createSession(model, options);
        } catch (OrtException e) {
            throw new IllegalArgumentException("is refused by ONNX Runtime: " + firstLine(e), e);
        }
    }

    /** A message's first line, without ONNX Runtime's "[ErrorCode:...]" prefix. */
    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        // drop the source location and C++ signature ONNX Runtime puts before the reason
        return m.replaceFirst("^Error code - ORT_[A-Z_]+ - message: ", "")
                .replaceAll("/onnxruntime_src/\\S+ [^\\[]*\\[with [^\\]]*\\] ", "").strip();
    }
}
