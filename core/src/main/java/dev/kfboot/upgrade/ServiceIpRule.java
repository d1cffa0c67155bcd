package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import java.util.List;

/**
 * A Service's cluster IP is fixed once allocated: a headless Service ({@code None}) cannot get an address, a fixed
 * address cannot change, and a type change that needs one (from or to ExternalName, or to or from headless) fails.
 */
final class ServiceIpRule implements ImmutableRule {

    private static final GroupKind KIND = new GroupKind("", "Service");

    @Override
    public boolean appliesTo(GroupKind kind) {
        return KIND.equals(kind);
    }

    @Override
    public List<FieldChange> changes(Placed from, Placed to) {
        String a = ip(from);
        String b = ip(to);
        if (a.equals(b)) return List.of();
        String field = from.at("spec", "clusterIPs") != null || to.at("spec", "clusterIPs") != null
                ? "spec.clusterIP/clusterIPs"
                : "spec.clusterIP";
        return List.of(FieldChange.recreate(
                field,
                describe(from, a),
                describe(to, b),
                "Argo CD deletes the Service and creates it again: clients resolve its "
                        + "name again, a fixed address is lost"));
    }

    /** What the API server keeps: "None", a fixed address, "" for one it allocates, "-" for no address at all. */
    private static String ip(Placed p) {
        if ("ExternalName".equals(p.at("spec", "type"))) return "-";
        Object ip = p.at("spec", "clusterIP");
        if (ip == null && p.at("spec", "clusterIPs") instanceof List<?> l && !l.isEmpty()) ip = l.get(0);
        return ip == null ? "" : String.valueOf(ip);
    }

    private static String describe(Placed p, String ip) {
        Object type = p.at("spec", "type");
        String t = type == null ? "ClusterIP" : String.valueOf(type);
        return "type " + t + ", clusterIP " + (ip.isEmpty() ? "(allocated)" : ip.equals("-") ? "(none)" : ip);
    }
}
