package dev.kfboot.graph;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import java.util.List;

/**
 * Objects whose caBundle cert-manager's cainjector fills ({@code cert-manager.io/inject-ca-from}) do not work
 * until cert-manager runs: the component shipping cert-manager's Certificate CRD must come first.
 */
final class CaInjectionEdges implements EdgeRule {

    static final List<String> ANNOTATIONS = List.of(
            "cert-manager.io/inject-ca-from",
            "cert-manager.io/inject-ca-from-secret",
            "cert-manager.io/inject-apiserver-ca");
    static final GroupKind CERTIFICATE = new GroupKind("cert-manager.io", "Certificate");

    private final MissingProviders missing;

    CaInjectionEdges(MissingProviders missing) {
        this.missing = missing;
    }

    @Override
    public void derive(Inventory inv, EdgeCollector edges, List<Finding> findings, List<InternalOrdering> internal) {
        List<Inventory.Entry> certManager = inv.crdsDefining(CERTIFICATE);
        for (Inventory.Entry e : inv.entries()) {
            String annotation = ANNOTATIONS.stream()
                    .filter(a -> e.object().annotation(a) != null)
                    .findFirst()
                    .orElse(null);
            if (annotation == null) continue;
            if (certManager.isEmpty()) {
                missing.caBundle(e.component(), e.object().id().toString());
                continue;
            }
            for (Inventory.Entry cm : certManager) {
                edges.add(
                        e.component(),
                        cm.component(),
                        Reason.Kind.CA_INJECTION,
                        "caBundle of {objects} is injected by cert-manager's cainjector (" + annotation + ")",
                        "caBundle injected by cert-manager",
                        "objects",
                        e.object().id());
            }
        }
    }
}
