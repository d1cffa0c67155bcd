package dev.kfboot.cluster.diff;

import dev.kfboot.model.ResourceId;
import dev.kfboot.render.SecretRedaction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps Secret values out of diffs: before a desired and a live Secret are compared, every value under
 * {@code data} is replaced by a marker that only says whether that key's value is the same on both sides, so a
 * unified diff shows which keys differ and never what they hold. The desired {@code stringData} is first folded into
 * {@code data} as base64, the way the API server stores it (a live Secret has no stringData).
 */
final class SecretValues {

    // the same words as the rest of kfboot's outputs (kfboot set shows "(secret value)")
    static final String SAME = "(secret value)";
    static final String SOURCE = "(secret value, as in the source)";
    static final String LIVE = "(secret value, as in the cluster)";

    private SecretValues() {}

    static boolean isSecret(ResourceId id) {
        return id.group().isEmpty() && id.kind().equals("Secret");
    }

    /** Replaces the values of both cleaned copies in place. */
    @SuppressWarnings("unchecked")
    static void hide(Map<String, Object> desired, Map<String, Object> live) {
        Map<String, Object> want =
                new LinkedHashMap<>(desired.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
        if (desired.remove("stringData") instanceof Map<?, ?> plain) {
            plain.forEach((k, v) -> want.put(
                    String.valueOf(k),
                    SecretRedaction.isMarker(v)
                            ? v
                            : Base64.getEncoder()
                                    .encodeToString(String.valueOf(v).getBytes(StandardCharsets.UTF_8))));
        }
        Map<String, Object> got =
                new LinkedHashMap<>(live.get("data") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of());
        live.remove("stringData");
        for (String key : new TreeSet<>(union(want, got))) {
            boolean same = Objects.equals(want.get(key), got.get(key)) || sameAsMarker(want.get(key), got.get(key));
            if (want.containsKey(key)) want.put(key, same ? SAME : SOURCE);
            if (got.containsKey(key)) got.put(key, same ? SAME : LIVE);
        }
        if (!want.isEmpty()) desired.put("data", want);
        if (!got.isEmpty()) live.put("data", got);
    }

    /** A desired value served by the render cache is a marker of its bytes (SecretRedaction): compared as bytes. */
    private static boolean sameAsMarker(Object desired, Object live) {
        if (!SecretRedaction.isMarker(desired) || !(live instanceof String s)) return false;
        try {
            return SecretRedaction.sameBytes(
                    (String) desired, Base64.getMimeDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
