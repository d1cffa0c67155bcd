package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A custom resource needs the component that ships its CRD: the API server rejects it before. */
final class CrdEdges implements EdgeRule {

    private final KindProviders providers;
    private final MissingProviders missing;

    CrdEdges(KindProviders providers, MissingProviders missing) {
        this.providers = providers;
        this.missing = missing;
    }

    @Override
    public void derive(Inventory inv, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal) {
        Set<String> reported = new HashSet<>();
        for (Inventory.Entry e : inv.entries()) {
            GroupKind gk = e.object().groupKind();
            if (KindTable.isBuiltin(gk)) continue;
            List<Inventory.Entry> crds = inv.crdsDefining(gk);
            if (crds.isEmpty() && providers.preinstalled().contains(gk)) continue;
            String provider = providers.declared().get(gk);
            if (crds.isEmpty() && provider != null) {
                if (!provider.equals(e.component())) {
                    edges.add(
                            e.component(),
                            provider,
                            Reason.Kind.CRD,
                            "creates " + gk + " (its CRD comes from " + provider
                                    + ", which declares it provides it): {objects}",
                            "uses the CRD of " + gk,
                            "objects",
                            e.object().id());
                }
                continue;
            }
            if (crds.isEmpty()) {
                if (reported.add(e.component() + "|" + gk))
                    missing.kind(e.component(), gk, e.object().id().toString());
                continue;
            }
            for (Inventory.Entry crd : crds) {
                if (crd.component().equals(e.component())) {
                    internal.add(new InternalOrdering(
                            e.component(),
                            e.object().id(),
                            Reason.Kind.CRD,
                            "the CRD " + crd.object().id().name() + " from the same app"));
                } else {
                    edges.add(
                            e.component(),
                            crd.component(),
                            Reason.Kind.CRD,
                            "creates " + gk + " (CRD " + crd.object().id().name() + " from " + crd.component()
                                    + "): {objects}",
                            "uses the CRD of " + gk,
                            "objects",
                            e.object().id());
                }
            }
        }
    }
}
