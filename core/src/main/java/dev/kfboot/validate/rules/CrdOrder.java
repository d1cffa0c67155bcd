package dev.kfboot.validate.rules;

import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.Reason;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A custom resource whose CRD comes from an app in the same or a later wave (or from an app nothing orders
 * it after): the API server rejects it until the CRD exists. Driven by the graph's CRD edges; a kind counts
 * as provided in time when any app shipping its CRD (or the app itself) syncs earlier.
 */
final class CrdOrder extends AbstractRule {

    CrdOrder() {
        super(new RuleInfo(
                "crd-order",
                Severity.ERROR,
                "A custom resource's CRD comes from an app in the same or a later sync wave"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        Inventory inv = ctx.inventory();
        for (Dependency d : WaveOrder.misordered(ctx, Reason.Kind.CRD)) {
            String app = d.component();
            String provider = d.dependsOn();
            Map<GroupKind, ResourceId> unmet = new TreeMap<>();
            for (Inventory.Entry e : inv.of(app)) {
                GroupKind gk = e.object().groupKind();
                if (KindTable.isBuiltin(gk) || unmet.containsKey(gk)) continue;
                List<Inventory.Entry> crds = inv.crdsDefining(gk);
                if (crds.stream().noneMatch(c -> c.component().equals(provider))) continue;
                boolean inTime = crds.stream()
                        .anyMatch(c -> c.component().equals(app) || WaveOrder.after(ctx, app, c.component()));
                if (!inTime) unmet.put(gk, e.object().id());
            }
            if (unmet.isEmpty()) continue;
            TreeApp a = ctx.app(app);
            out.add(finding(
                            a,
                            WaveOrder.at(a),
                            "creates " + Texts.some(unmet.keySet(), 3) + " objects, whose CRD comes from "
                                    + provider + ", but " + WaveOrder.describe(ctx, app, provider)
                                    + ": the API server rejects them until the CRD exists",
                            WaveOrder.hint(app, provider))
                    .about(unmet.values().iterator().next().toString()));
        }
        return out;
    }
}
