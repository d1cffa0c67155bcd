package dev.kfboot.validate.rules;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Objects go into a namespace that an app in the same or a later wave creates, or that nothing creates, and
 * Argo CD does not create it for them ({@code CreateNamespace=true} creates only the destination namespace).
 * Driven by the graph's namespace edges and each app's namespaces-not-owned.
 */
final class NamespaceOrder extends AbstractRule {

    NamespaceOrder() {
        super(new RuleInfo(
                "namespace-order",
                Severity.ERROR,
                "A namespace is created by an app in the same or a later wave (or by "
                        + "none) and CreateNamespace does not cover it"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        Inventory inv = ctx.inventory();
        for (Dependency d : WaveOrder.misordered(ctx, Reason.Kind.NAMESPACE)) {
            String app = d.component();
            String creator = d.dependsOn();
            TreeApp a = ctx.app(app);
            Set<String> unmet = new TreeSet<>();
            for (String ns : inv.namespacesOf(app)) {
                List<Inventory.Entry> creators = inv.namespaceCreators(ns);
                if (creators.stream().noneMatch(c -> c.component().equals(creator))) continue;
                if (!createdInTime(ctx, a, ns, creators)) unmet.add(ns);
            }
            if (unmet.isEmpty()) continue;
            out.add(finding(
                    a,
                    WaveOrder.at(a),
                    "puts objects into namespace " + String.join(", ", unmet) + ", which "
                            + creator + " creates, but " + WaveOrder.describe(ctx, app, creator)
                            + ": the API server rejects objects in a namespace that does not exist yet",
                    WaveOrder.hint(app, creator)));
        }
        Set<String> argo = ctx.argocdNamespaces();
        var unverified = ctx.unverifiedApps();
        for (TreeApp a : ctx.appsWithObjects()) {
            for (String ns : ctx.needs(a.id()).namespacesNotOwned()) {
                if (Inventory.BUILTIN_NAMESPACES.contains(ns)
                        || !inv.namespaceCreators(ns).isEmpty()) continue;
                if (ctx.createsNamespace(a, ns) || argo.contains(ns))
                    continue; // Argo CD's own namespace exists by definition
                if (!unverified.isEmpty()) {
                    out.add(finding(
                            Severity.INFO,
                            a,
                            a.at("spec", "destination", "namespace"),
                            "could not check namespace " + ns
                                    + ": no app kfboot sees creates it, and " + Texts.some(unverified.keySet(), 3)
                                    + " (unverified) may",
                            "make the unverified apps checkable (see the unverified findings)"));
                    continue;
                }
                String hint = ns.equals(a.app().destinationNamespace())
                        ? "add CreateNamespace=true to the app's syncOptions, or an app in an "
                                + "earlier wave that creates it"
                        : "add an app in an earlier wave that creates namespace " + ns
                                + " (CreateNamespace=true only creates the destination namespace)";
                out.add(finding(
                        a,
                        a.at("spec", "destination", "namespace"),
                        "puts objects into namespace " + ns + ", which no app of the tree creates",
                        hint));
            }
        }
        return out;
    }

    private static boolean createdInTime(
            ValidationContext ctx, TreeApp app, String ns, List<Inventory.Entry> creators) {
        if (ctx.createsNamespace(app, ns)) return true;
        return creators.stream()
                .anyMatch(c -> c.component().equals(app.id()) || WaveOrder.after(ctx, app.id(), c.component()));
    }
}
