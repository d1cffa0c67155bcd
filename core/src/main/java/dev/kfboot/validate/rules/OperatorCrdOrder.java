package dev.kfboot.validate.rules;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A custom resource whose CRD no app of the tree ships, because an operator creates it at run time from a resource an
 * app does ship (an IstioOperator makes the Istio operator install Istio's CRDs; a KnativeServing makes the Knative
 * operator install Serving's), while the custom resource syncs in the same app, the same wave, or no later. The CRD
 * does not exist when Argo CD applies the resource; {@code crd-order} cannot see this edge, as nothing in the
 * manifests defines the kind. A warning (the operator may have run on an earlier sync), saying why.
 * Not concluded while some app is unverified: it might ship the CRD.
 */
final class OperatorCrdOrder extends AbstractRule {

    OperatorCrdOrder() {
        super(new RuleInfo(
                "operator-crd-order",
                Severity.WARNING,
                "A custom resource's CRD comes from an operator at run time, and it "
                        + "syncs no later than the operator's resource"));
    }

    /** Operator resources and the API groups whose CRDs their operator creates at run time. */
    static final Map<GroupKind, Set<String>> RUNTIME_CRDS = Map.of(
            new GroupKind("install.istio.io", "IstioOperator"),
            Set.of("networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io"),
            new GroupKind("sailoperator.io", "Istio"),
            Set.of("networking.istio.io", "security.istio.io", "telemetry.istio.io", "extensions.istio.io"),
            new GroupKind("operator.knative.dev", "KnativeServing"),
            Set.of(
                    "serving.knative.dev",
                    "networking.internal.knative.dev",
                    "autoscaling.internal.knative.dev",
                    "caching.internal.knative.dev"),
            new GroupKind("operator.knative.dev", "KnativeEventing"),
            Set.of("eventing.knative.dev", "messaging.knative.dev", "sources.knative.dev", "flows.knative.dev"));

    @Override
    public List<Finding> check(ValidationContext ctx) {
        if (!ctx.unverifiedApps().isEmpty()) return List.of();
        Inventory inv = ctx.inventory();
        // group -> the operator resources (app, object) that make an operator create its CRDs
        Map<String, List<Inventory.Entry>> creators = new TreeMap<>();
        for (Inventory.Entry e : inv.entries()) {
            Set<String> groups = RUNTIME_CRDS.get(e.object().groupKind());
            if (groups != null)
                for (String g : groups)
                    creators.computeIfAbsent(g, k -> new ArrayList<>()).add(e);
        }
        if (creators.isEmpty()) return List.of();
        // (app, operator app) -> kinds it creates too early
        Map<String, Map<String, Set<GroupKind>>> early = new TreeMap<>();
        Map<String, Inventory.Entry> operatorObject = new LinkedHashMap<>();
        for (Inventory.Entry e : inv.entries()) {
            GroupKind gk = e.object().groupKind();
            List<Inventory.Entry> ops = creators.get(gk.group());
            if (ops == null || KindTable.isBuiltin(gk) || !inv.crdsDefining(gk).isEmpty()) continue;
            // in time when any operator resource for the group syncs strictly earlier than the app
            if (ops.stream()
                    .anyMatch(o ->
                            !o.component().equals(e.component()) && WaveOrder.after(ctx, e.component(), o.component())))
                continue;
            Inventory.Entry op = ops.get(0);
            operatorObject.putIfAbsent(op.component(), op);
            early.computeIfAbsent(e.component(), k -> new TreeMap<>())
                    .computeIfAbsent(op.component(), k -> new TreeSet<>())
                    .add(gk);
        }
        List<Finding> out = new ArrayList<>();
        early.forEach((app, byOperator) -> byOperator.forEach((opApp, kinds) -> {
            TreeApp a = ctx.app(app);
            Inventory.Entry op = operatorObject.get(opApp);
            String when = app.equals(opApp)
                    ? "both are in this app, so Argo CD applies them in one sync"
                    : WaveOrder.describe(ctx, app, opApp);
            out.add(finding(
                    a,
                    WaveOrder.at(a),
                    "creates " + Texts.some(kinds, 3) + " objects, whose CRD no app of the tree ships: "
                            + "the " + op.object().groupKind().kind() + " "
                            + op.object().id().name() + " in app " + opApp
                            + " makes its operator create it at run time, but " + when
                            + ": the API server rejects them until the operator has run",
                    "move these objects to an app that syncs after " + opApp + " (and give "
                            + op.object().groupKind().kind()
                            + " a health check so the wave waits for the operator), or ship the CRDs in the tree"));
        }));
        return out;
    }
}
