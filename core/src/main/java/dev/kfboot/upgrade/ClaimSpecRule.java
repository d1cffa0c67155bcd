package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A PersistentVolumeClaim's spec is fixed once bound, except a larger storage request (volume expansion). Re-creating
 * the claim loses its volume unless the volume's reclaim policy keeps it: always a human decision.
 */
final class ClaimSpecRule implements ImmutableRule {

    private static final GroupKind KIND = new GroupKind("", "PersistentVolumeClaim");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KIND.equals(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        List<FieldChange> out = new ArrayList<>();
        String keepData = "re-creating the claim deletes its volume unless the PersistentVolume's reclaim policy is "
                + "Retain: back the data up, or keep the old spec with an overlay patch";
        Map<String, Object> a = withoutStorage(from);
        Map<String, Object> b = withoutStorage(to);
        if (!FieldValues.same(a, b)) {
            out.add(new FieldChange("spec", FieldValues.print(a), FieldValues.print(b), true, keepData));
        }
        Object sa = from.at("spec", "resources", "requests", "storage");
        Object sb = to.at("spec", "resources", "requests", "storage");
        if (!FieldValues.same(sa, sb) && !grows(sa, sb)) {
            out.add(new FieldChange(
                    "spec.resources.requests.storage",
                    FieldValues.print(sa),
                    FieldValues.print(sb),
                    true,
                    "a claim can only grow: " + keepData));
        }
        return out;
    }

    private static Map<String, Object> withoutStorage(Placed p) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (p.at("spec") instanceof Map<?, ?> m) m.forEach((k, v) -> spec.put(String.valueOf(k), v));
        if (spec.get("resources") instanceof Map<?, ?> res) {
            Map<String, Object> r = new LinkedHashMap<>();
            res.forEach((k, v) -> r.put(String.valueOf(k), v));
            if (r.get("requests") instanceof Map<?, ?> req) {
                Map<String, Object> q = new LinkedHashMap<>();
                req.forEach((k, v) -> q.put(String.valueOf(k), v));
                q.remove("storage");
                r.put("requests", q);
            }
            spec.put("resources", r);
        }
        return spec;
    }

    /** Whether {@code b} is a larger quantity than {@code a} (binary and decimal suffixes; unknown: no). */
    static boolean grows(Object a, Object b) {
        BigDecimal x = bytes(a);
        BigDecimal y = bytes(b);
        return x != null && y != null && y.compareTo(x) > 0;
    }

    static BigDecimal bytes(Object q) {
        if (q == null) return null;
        String s = String.valueOf(q).trim();
        String[][] units = {
            {"Ki", "1024"},
            {"Mi", "1048576"},
            {"Gi", "1073741824"},
            {"Ti", "1099511627776"},
            {"Pi", "1125899906842624"},
            {"k", "1000"},
            {"M", "1000000"},
            {"G", "1000000000"},
            {"T", "1000000000000"},
            {"P", "1000000000000000"}
        };
        try {
            for (String[] u : units) {
                if (s.endsWith(u[0])) {
                    return new BigDecimal(s.substring(0, s.length() - u[0].length())).multiply(new BigDecimal(u[1]));
                }
            }
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
