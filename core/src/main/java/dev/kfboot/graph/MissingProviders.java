package dev.kfboot.graph;

import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one verdict on what an app needs and nothing installs, for {@code plan} (a platform) and {@code validate} (a
 * tree) alike: custom resources whose CRD no app defines, and caBundles cert-manager's cainjector fills with no
 * cert-manager. When a component of the release ships the missing CRD the app needs that component: an error
 * ({@value #RULE}) naming it. When none does, kfboot cannot tell where the CRD comes from: a warning
 * ({@value #UNKNOWN_KIND}). Callers add what is theirs only: the location and the fix in their own words.
 */
public final class MissingProviders {

    public static final String RULE = "missing-component";
    public static final String UNKNOWN_KIND = "unknown-kind";
    public static final String CERT_MANAGER = "cert-manager";

    /** How the fix reads where the verdict is given: a platform spec or an Argo CD tree. */
    public interface Fixes {
        /** A component of the release to add. */
        String addComponent(String component);

        /** A kind no component of the release ships. */
        String installCrd(GroupKind kind);
    }

    /** The fixes in a platform spec. */
    public static final Fixes IN_SPEC = new Fixes() {
        @Override
        public String addComponent(String component) {
            return "enable " + component + " in the spec (components: - name: " + component + ", enabled: true)";
        }

        @Override
        public String installCrd(GroupKind kind) {
            return "enable the component that ships the CRD of " + kind + ", declare it under an extra app's provides, "
                    + "or install the CRD before this app";
        }
    };

    private final Map<GroupKind, String> shippedBy;
    private final String where;
    private final Map<String, Map<String, List<String>>> needs = new TreeMap<>();
    private final Map<String, String> example = new LinkedHashMap<>();
    private final Map<String, Map<GroupKind, String>> unknown = new TreeMap<>();

    /**
     * @param shippedBy the release component whose manifests ship the CRD of each kind (from its committed facts);
     *                  empty when the release is not known
     * @param where     what the apps make up, in the message: "platform" or "tree"
     */
    public MissingProviders(Map<GroupKind, String> shippedBy, String where) {
        this.shippedBy = Map.copyOf(shippedBy);
        this.where = where;
    }

    /** {@code app} creates {@code object}, a {@code kind} no app defines. */
    public void kind(String app, GroupKind kind, String object) {
        String provider = shippedBy.get(kind);
        if (provider == null || provider.equals(app)) {
            unknown.computeIfAbsent(app, a -> new TreeMap<>()).putIfAbsent(kind, object);
        } else {
            need(app, provider, "creates " + kind + " objects, whose CRD " + provider + " ships", object);
        }
    }

    /**
     * {@code app}'s {@code object} carries a caBundle cert-manager's cainjector fills, and there is no cert-manager.
     */
    public void caBundle(String app, String object) {
        need(app, CERT_MANAGER, "has caBundles that cert-manager's cainjector fills", object);
    }

    private void need(String app, String component, String reason, String object) {
        List<String> why =
                needs.computeIfAbsent(app, a -> new TreeMap<>()).computeIfAbsent(component, c -> new ArrayList<>());
        if (!why.contains(reason)) why.add(reason);
        example.putIfAbsent(app + "|" + component, object);
    }

    /** The findings, sorted by app, then component or kind. */
    public List<Finding> findings(Fixes fixes) {
        List<Finding> out = new ArrayList<>();
        needs.forEach((app, byComponent) -> byComponent.forEach((component, why) -> out.add(new Finding(
                RULE,
                Severity.ERROR,
                app,
                example.get(app + "|" + component),
                null,
                "needs " + component + ", which no app of the " + where + " installs: it " + String.join(" and ", why),
                fixes.addComponent(component)))));
        unknown.forEach((app, kinds) -> kinds.forEach((kind, object) -> out.add(new Finding(
                UNKNOWN_KIND,
                Severity.WARNING,
                app,
                object,
                null,
                "creates " + kind + " objects, but no app of the " + where + " ships their CRD",
                fixes.installCrd(kind)))));
        return out;
    }
}
