package dev.kfboot.inventory;

import dev.kfboot.model.GroupKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Scope and plural of every kind in sight: Kubernetes' built-in kinds and a few standard CRD-served APIs (the
 * Gateway API) from a committed table, plus the kinds the CRDs of an inventory define. Unknown kinds answer
 * {@link Scope#UNKNOWN}.
 */
public final class KindTable {

    /** A kind's plural resource name and scope. */
    public record KindInfo(GroupKind groupKind, String plural, Scope scope, boolean builtin) {}

    private static final Map<GroupKind, KindInfo> BUILTIN = loadBuiltins();

    private final Map<GroupKind, KindInfo> kinds;

    private KindTable(Map<GroupKind, KindInfo> kinds) {
        this.kinds = kinds;
    }

    public static KindTable builtins() {
        return new KindTable(BUILTIN);
    }

    /** Built-ins plus every CRD among {@code objects}. */
    public static KindTable of(Iterable<KubeObject> objects) {
        Map<GroupKind, KindInfo> kinds = new HashMap<>(BUILTIN);
        for (KubeObject o : objects) {
            if (o.crd() != null && o.crd().kind() != null) {
                kinds.put(
                        o.crd().definedKind(),
                        new KindInfo(
                                o.crd().definedKind(), o.crd().plural(), o.crd().scope(), false));
            }
        }
        return new KindTable(kinds);
    }

    public Optional<KindInfo> lookup(GroupKind gk) {
        return Optional.ofNullable(kinds.get(gk));
    }

    public Scope scopeOf(GroupKind gk) {
        KindInfo info = kinds.get(gk);
        return info == null ? Scope.UNKNOWN : info.scope();
    }

    /** The plural used in webhook rules; for unknown kinds the usual lower-case guess. */
    public String pluralOf(GroupKind gk) {
        KindInfo info = kinds.get(gk);
        if (info != null) return info.plural();
        String k = gk.kind().toLowerCase(Locale.ROOT);
        return k.endsWith("s") ? k + "es" : k.endsWith("y") ? k.substring(0, k.length() - 1) + "ies" : k + "s";
    }

    /** Served by kube-apiserver itself: no CRD needed (standard CRD-based APIs like the Gateway API are not). */
    public static boolean isBuiltin(GroupKind gk) {
        KindInfo info = BUILTIN.get(gk);
        return info != null && info.builtin();
    }

    private static Map<GroupKind, KindInfo> loadBuiltins() {
        Map<GroupKind, KindInfo> out = new HashMap<>();
        try (InputStream in = KindTable.class.getResourceAsStream("builtin-kinds.tsv")) {
            if (in == null) throw new IllegalStateException("builtin-kinds.tsv missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                GroupKind gk = new GroupKind(f[0].equals("core") ? "" : f[0], f[1]);
                boolean servedByCrd = f.length > 4 && f[4].equals("crd");
                out.put(
                        gk,
                        new KindInfo(
                                gk, f[2], "Cluster".equals(f[3]) ? Scope.CLUSTER : Scope.NAMESPACED, !servedByCrd));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }
}
