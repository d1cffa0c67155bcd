package dev.kfboot.argocd;

import java.util.List;

/** One {@code spec.ignoreDifferences} entry. Null name/namespace match every object of the kind. */
public record IgnoreDifference(
        String group,
        String kind,
        String name,
        String namespace,
        List<String> jsonPointers,
        List<String> jqPathExpressions) {

    public IgnoreDifference {
        group = group == null ? "" : group;
        jsonPointers = jsonPointers == null ? List.of() : List.copyOf(jsonPointers);
        jqPathExpressions = jqPathExpressions == null ? List.of() : List.copyOf(jqPathExpressions);
    }

    /** Whether this entry applies to an object of that group, kind, namespace and name. */
    public boolean appliesTo(String g, String k, String ns, String n) {
        return group.equals(g == null ? "" : g)
                && kind.equals(k)
                && (name == null || name.equals(n))
                && (namespace == null || namespace.equals(ns));
    }

    /**
     * Whether it hides {@code field}, given as a JSON pointer (e.g. /spec/conversion/webhook/clientConfig/caBundle).
     */
    public boolean covers(String pointer, String jqPath) {
        for (String p : jsonPointers) if (pointer.equals(p) || pointer.startsWith(p + "/")) return true;
        String field = jq(jqPath);
        for (String q : jqPathExpressions) {
            // a jq path covers everything below it: .webhooks[]?.clientConfig hides .webhooks[]?.clientConfig.caBundle
            String p = jq(q);
            if (field.equals(p) || field.startsWith(p + ".") || field.startsWith(p + "[")) return true;
        }
        return false;
    }

    /**
     * A jq path without spaces, with {@code []?} written {@code []} (the optional iteration selects the same fields).
     */
    private static String jq(String path) {
        String p = path.replace(" ", "").replace("[]?", "[]");
        while (p.endsWith(".")) p = p.substring(0, p.length() - 1);
        return p;
    }
}
