package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pairs objects that leave with objects that arrive when they play the same role under a new name: same kind, same
 * namespace, bodies alike once each object's own name is taken out of it, and names that share a long run of
 * characters (kustomize's content-hash suffixes ignored). Greedy on the best score, so each object pairs once;
 * deterministic (ties broken by identity). CRDs never pair: a new name is a new API.
 */
final class RenameMatcher {

    /** kustomize's generator suffix: a dash and ten characters of its hash alphabet. */
    private static final Pattern HASH_SUFFIX = Pattern.compile("-[bcdfghkmt2-9]{10}$");

    static final double MIN_NAME = 0.4;
    static final double MIN_BODY = 0.3;

    /** A pair found, with its scores. */
    record Pair(Placed from, Placed to, double nameScore, double bodyScore, boolean generatedName) {}

    private RenameMatcher() {}

    static List<Pair> match(List<Placed> gone, List<Placed> added) {
        Map<String, List<Placed>> byBucket = new LinkedHashMap<>();
        for (Placed p : added)
            byBucket.computeIfAbsent(bucket(p.id()), k -> new ArrayList<>()).add(p);
        List<Pair> candidates = new ArrayList<>();
        Map<ResourceId, Set<String>> leaves = new LinkedHashMap<>();
        for (Placed g : gone) {
            // a CRD's name is its API (plural.group): another name is another API, whose objects start empty
            if (g.object().isCrd()) continue;
            for (Placed a : byBucket.getOrDefault(bucket(g.id()), List.of())) {
                String gn = base(g.id().name());
                String an = base(a.id().name());
                boolean generated = gn.equals(an) && !g.id().name().equals(a.id().name());
                double name = generated ? 1.0 : nameScore(gn, an);
                if (name < MIN_NAME) continue;
                double body = jaccard(
                        leaves.computeIfAbsent(g.id(), k -> leaves(g)), leaves.computeIfAbsent(a.id(), k -> leaves(a)));
                if (body < MIN_BODY && !generated) continue;
                candidates.add(new Pair(g, a, name, body, generated));
            }
        }
        candidates.sort(Comparator.comparingDouble((Pair p) -> -(p.nameScore + p.bodyScore))
                .thenComparing(p -> p.from.id())
                .thenComparing(p -> p.to.id()));
        Set<ResourceId> usedFrom = new HashSet<>();
        Set<ResourceId> usedTo = new HashSet<>();
        List<Pair> out = new ArrayList<>();
        for (Pair p : candidates) {
            if (usedFrom.contains(p.from.id()) || usedTo.contains(p.to.id())) continue;
            usedFrom.add(p.from.id());
            usedTo.add(p.to.id());
            out.add(p);
        }
        out.sort(Comparator.comparing(p -> p.from.id()));
        return out;
    }

    private static String bucket(ResourceId id) {
        GroupKind gk = id.groupKind();
        return gk.group() + "/" + gk.kind() + "/" + Objects.toString(id.namespace(), "");
    }

    static String base(String name) {
        return HASH_SUFFIX.matcher(name).replaceFirst("");
    }

    /** Longest common run of characters over the longer name: "a-webhook-x" and "b-webhook-x" score high. */
    static double nameScore(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int best = 0;
        int[] prev = new int[b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    best = Math.max(best, cur[j]);
                }
            }
            prev = cur;
        }
        return (double) best / Math.max(a.length(), b.length());
    }

    /** Every leaf as path=value, without metadata and with the object's own name replaced by a placeholder. */
    static Set<String> leaves(Placed p) {
        Set<String> out = new HashSet<>();
        String own = base(p.id().name());
        for (Map.Entry<String, Object> e : p.body().entrySet()) {
            if (e.getKey().equals("metadata") || e.getKey().equals("status")) continue;
            flatten(e.getKey(), e.getValue(), own, out);
        }
        return out;
    }

    private static void flatten(String path, Object v, String own, Set<String> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> flatten(path + "." + k, x, own, out));
        } else if (v instanceof List<?> l) {
            for (Object x : l) flatten(path + "[]", x, own, out);
        } else {
            String s = String.valueOf(v);
            if (!own.isEmpty()) s = s.replace(own, "$NAME");
            out.add(path + "=" + base(s));
        }
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        int common = 0;
        for (String s : a) if (b.contains(s)) common++;
        return (double) common / (a.size() + b.size() - common);
    }
}
