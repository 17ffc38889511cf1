package org.foolshap.kernel.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import org.dflib.jjava.jupyter.kernel.ExpressionValue;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.KernelTimestamp;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.adapters.ExpressionValueAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HeaderAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryEntryAdapter;
import org.dflib.jjava.jupyter.messages.adapters.HistoryRequestAdapter;
import org.dflib.jjava.jupyter.messages.adapters.KernelTimestampAdapter;
import org.dflib.jjava.jupyter.messages.adapters.MessageTypeAdapter;
import org.dflib.jjava.jupyter.messages.adapters.PublishStatusAdapter;
import org.dflib.jjava.jupyter.messages.adapters.ReplyTypeAdapter;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks and decodes incoming Jupyter wire messages. Unlike the base's (jjava's) reader, which throws from the channel
 * thread on a bad signature, {@link #decode} reports every problem as a {@link Rejected} exception, so the caller
 * can drop the message and go on serving. Signatures are compared in constant time. A signature already seen in
 * this session (the last {@value #SIGNATURE_HISTORY} ones) is a replayed message and rejected, as jupyter_client's
 * {@code Session} does ("Duplicate Signature"). One codec serves shell and control; {@link #decode} is thread-safe.
 */
final class MessageCodec {
    static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);

    private static final Gson REPLY_GSON = new GsonBuilder()
            .registerTypeAdapter(HistoryEntry.class, HistoryEntryAdapter.INSTANCE)
            .registerTypeAdapter(ExpressionValue.class, ExpressionValueAdapter.INSTANCE)
            .create();
    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(KernelTimestamp.class, KernelTimestampAdapter.INSTANCE)
            .registerTypeAdapter(Header.class, HeaderAdapter.INSTANCE)
            .registerTypeAdapter(MessageType.class, MessageTypeAdapter.INSTANCE)
            .registerTypeAdapter(PublishStatus.class, PublishStatusAdapter.INSTANCE)
            .registerTypeAdapter(HistoryRequest.class, HistoryRequestAdapter.INSTANCE)
            .registerTypeHierarchyAdapter(ReplyType.class, new ReplyTypeAdapter(REPLY_GSON))
            .create();
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();

    /** Why a message was dropped. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String why) {
            super(why, null, false, false);
        }
    }

    /** How many recent signatures are remembered to detect replays (jupyter_client keeps 2^16). */
    static final int SIGNATURE_HISTORY = 1 << 16;

    private final HMACGenerator hmac;
    private final boolean authenticated;
    private final java.util.Set<String> seen = java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<String, Boolean>(1024, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > SIGNATURE_HISTORY;
                }
            });

    MessageCodec(HMACGenerator hmac) {
        this.hmac = hmac;
        this.authenticated = hmac != HMACGenerator.NO_AUTH_INSTANCE;
    }

    /** Decodes one multipart message: identities, delimiter, signature, header, parent, metadata, content, buffers. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Message<?> decode(List<byte[]> frames) throws Rejected {
        int d = 0;
        while (d < frames.size() && !Arrays.equals(DELIMITER, frames.get(d))) {
            d++;
        }
        if (d >= frames.size() || frames.size() < d + 6) {
            throw new Rejected("malformed message: " + frames.size() + " frames, delimiter at " + d);
        }
        byte[] signature = frames.get(d + 1);
        byte[] header = frames.get(d + 2);
        byte[] parent = frames.get(d + 3);
        byte[] metadata = frames.get(d + 4);
        byte[] content = frames.get(d + 5);
        if (authenticated) {
            byte[] expected = hmac.calculateSignature(header, parent, metadata, content).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, signature)) {
                throw new Rejected(signature.length == 0 ? "unsigned message" : "message with a wrong signature");
            }
            String sig = new String(signature, StandardCharsets.US_ASCII);
            synchronized (seen) {
                if (!seen.add(sig)) {
                    throw new Rejected("replayed message (duplicate signature)");
                }
            }
        }
        try {
            Header<?> h = GSON.fromJson(utf8(header), Header.class);
            if (h == null || h.getType() == null) {
                throw new Rejected("message without a header type");
            }
            Header<?> p = null;
            JsonElement pj = JsonParser.parseString(utf8(parent));
            if (pj.isJsonObject() && pj.getAsJsonObject().size() > 0) {
                p = GSON.fromJson(pj, Header.class);
            }
            Map<String, Object> meta = GSON.fromJson(utf8(metadata), MAP);
            Object body = GSON.fromJson(utf8(content), h.getType().getContentType());
            List<byte[]> identities = new ArrayList<>(frames.subList(0, d));
            List<byte[]> blobs = new ArrayList<>(frames.subList(d + 6, frames.size()));
            return new Message(identities, h, p, meta, body, blobs);
        } catch (RuntimeException e) {
            throw new Rejected("undecodable message: " + e);
        }
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
