package dev.kfboot.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secret values as the render cache stores them: each value of a v1 Secret's {@code data} and {@code stringData}
 * replaced by a marker holding the SHA-256 of the value's bytes (an empty value stays empty). The rules need a
 * Secret's keys and whether each is set, never the value; comparing with a live Secret ({@code adopt}) needs only
 * whether the bytes are the same, which {@link #sameBytes} answers.
 */
public final class SecretRedaction {

    /** The prefix of a stored value; what follows is the hex SHA-256 of the value's bytes. */
    public static final String MARKER = "(redacted by kfboot; sha256:";

    private SecretRedaction() {}

    /** Copies of the documents with every Secret value replaced; other documents are shared, not copied. */
    public static List<Map<String, Object>> redact(List<Map<String, Object>> docs) {
        List<Map<String, Object>> out = new ArrayList<>(docs.size());
        for (Map<String, Object> d : docs) out.add(isSecret(d) ? redactOne(d) : d);
        return out;
    }

    private static boolean isSecret(Map<String, Object> d) {
        return "Secret".equals(d.get("kind")) && "v1".equals(d.get("apiVersion"));
    }

    private static Map<String, Object> redactOne(Map<String, Object> secret) {
        Map<String, Object> copy = new LinkedHashMap<>(secret);
        if (secret.get("data") instanceof Map<?, ?> data) copy.put("data", markers(data, true));
        if (secret.get("stringData") instanceof Map<?, ?> plain) copy.put("stringData", markers(plain, false));
        return copy;
    }

    private static Map<String, Object> markers(Map<?, ?> values, boolean base64) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            String s = v == null ? "" : String.valueOf(v);
            out.put(String.valueOf(k), s.isEmpty() ? s : MARKER + sha256(bytes(s, base64)) + ")");
        });
        return out;
    }

    /** True when {@code stored} is a marker of exactly these bytes. */
    public static boolean sameBytes(String stored, byte[] value) {
        return isMarker(stored) && stored.equals(MARKER + sha256(value) + ")");
    }

    public static boolean isMarker(Object v) {
        return v instanceof String s && s.startsWith(MARKER);
    }

    private static byte[] bytes(String s, boolean base64) {
        if (base64) {
            try {
                return Base64.getMimeDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                // not base64: the API server would refuse it; the marker then stands for the text itself
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
