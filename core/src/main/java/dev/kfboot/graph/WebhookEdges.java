package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.inventory.Webhook;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fail-closed admission webhook (cert-manager's, Istio's sidecar injector, ...) refuses the requests it
 * intercepts while its backend is down, so the components whose objects or pods it intercepts need the
 * webhook's component running first. Selectors are evaluated like the API server does: the namespace
 * selector against the labels the inventory gives the namespace, the object selector against the object's
 * labels (pod-template labels for the pods a workload creates).
 */
final class WebhookEdges implements EdgeRule {

    @Override
    public void derive(Inventory inv, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal) {
        List<Inventory.Entry> podCreators = new ArrayList<>();
        Map<GroupKind, List<Inventory.Entry>> byKind = new HashMap<>();
        for (Inventory.Entry e : inv.entries()) {
            if (e.object().createsPods()) podCreators.add(e);
            byKind.computeIfAbsent(e.object().groupKind(), k -> new ArrayList<>())
                    .add(e);
        }
        Map<String, Map<String, String>> nsLabels = new HashMap<>();
        KindTable kinds = inv.kinds();
        for (Inventory.Entry config : inv.entries()) {
            for (Webhook w : config.object().webhooks()) {
                if (!w.failsClosed()) continue;
                String webhook = w.name() + " of " + config.object().id() + " (failurePolicy Fail)";
                if (w.interceptsCreate("", "pods")) {
                    for (Inventory.Entry e : podCreators) {
                        if (!matches(w, e, e.object().podLabels(), inv, nsLabels)) continue;
                        record(
                                config,
                                e,
                                w,
                                webhook + " intercepts the pods of {objects}",
                                "pods go through webhook " + w.name(),
                                "workloads",
                                edges,
                                internal);
                    }
                }
                for (Map.Entry<GroupKind, List<Inventory.Entry>> k : byKind.entrySet()) {
                    GroupKind gk = k.getKey();
                    if (!w.interceptsCreate(gk.group(), kinds.pluralOf(gk))) continue;
                    for (Inventory.Entry e : k.getValue()) {
                        if (!matches(w, e, e.object().labels(), inv, nsLabels)) continue;
                        record(
                                config,
                                e,
                                w,
                                webhook + " intercepts {objects}",
                                "objects go through webhook " + w.name(),
                                "objects",
                                edges,
                                internal);
                    }
                }
            }
        }
    }

    private static void record(
            Inventory.Entry config,
            Inventory.Entry e,
            Webhook w,
            String cause,
            String summary,
            String noun,
            EdgeCollector edges,
            List<InternalOrdering> internal) {
        if (e.component().equals(config.component())) {
            if (!e.object().id().equals(config.object().id())) {
                internal.add(new InternalOrdering(
                        e.component(),
                        e.object().id(),
                        Reason.Kind.WEBHOOK,
                        "webhook " + w.name() + " from the same app to be serving"));
            }
            return;
        }
        edges.add(
                e.component(),
                config.component(),
                Reason.Kind.WEBHOOK,
                cause,
                summary,
                noun,
                e.object().id());
    }

    private static boolean matches(
            Webhook w,
            Inventory.Entry e,
            Map<String, String> objectLabels,
            Inventory inv,
            Map<String, Map<String, String>> nsLabels) {
        if (!w.objectSelector().matches(objectLabels)) return false;
        if (e.namespace() == null) return true; // namespaceSelector does not apply to cluster-scoped objects
        Map<String, String> labels = nsLabels.computeIfAbsent(e.namespace(), inv::namespaceLabels);
        return w.namespaceSelector().matches(labels);
    }
}
