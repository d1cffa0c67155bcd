package dev.kfboot.argocd;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one app's objects require of Argo CD, read from the inventory (facts.md): which CRDs are too large for
 * client-side apply, which fields a controller or cert-manager fills in at runtime (so they need
 * ignoreDifferences or the app stays OutOfSync), which objects must never be pruned, and which namespaces
 * it writes into without creating them.
 *
 * @param largeCrds          CRDs over {@link ArgoCd#LAST_APPLIED_LIMIT} bytes as compact JSON
 * @param injected           fields filled in at runtime (caBundles, empty Secrets), as ignoreDifferences entries
 * @param pruneSensitive     Namespaces and CRDs the app owns
 * @param namespacesNotOwned namespaces its objects land in that it does not create itself
 */
public record AppNeeds(
        String app,
        List<ResourceId> largeCrds,
        List<Injected> injected,
        List<ResourceId> pruneSensitive,
        Set<String> namespacesNotOwned) {

    /** A field filled in at runtime, who fills it, and the ignoreDifferences entry that hides it. */
    public record Injected(ResourceId object, String field, String filledBy, IgnoreDifference ignore) {}

    /** JSON pointer of a CRD conversion webhook's caBundle. */
    public static final String CRD_CA_BUNDLE = "/spec/conversion/webhook/clientConfig/caBundle";
    /** jq path of every webhook's caBundle in a webhook configuration. */
    public static final String WEBHOOK_CA_BUNDLE = ".webhooks[]?.clientConfig.caBundle";
    /** JSON pointer of a Secret's data, for Secrets shipped empty and filled at runtime. */
    public static final String SECRET_DATA = "/data";

    public static AppNeeds of(String app, Inventory inventory) {
        List<ResourceId> large = new ArrayList<>();
        List<Injected> injected = new ArrayList<>();
        List<ResourceId> sensitive = new ArrayList<>();
        Set<String> owned = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        for (Inventory.Entry e : inventory.of(app)) {
            KubeObject o = e.object();
            if (o.isCrd()) {
                sensitive.add(o.id());
                if (o.size() > ArgoCd.LAST_APPLIED_LIMIT) large.add(o.id());
                // cainjector fills the conversion caBundle of every CRD that asks for it, whatever the conversion
                // strategy reads in the manifest (kserve's inferenceservices CRD carries only the annotation).
                if (o.crd().conversionWebhook() || asksCertManager(o)) {
                    injected.add(new Injected(
                            o.id(),
                            CRD_CA_BUNDLE,
                            filler(o),
                            new IgnoreDifference(
                                    o.id().group(),
                                    o.id().kind(),
                                    o.id().name(),
                                    null,
                                    List.of(CRD_CA_BUNDLE),
                                    List.of())));
                }
            }
            if (o.isNamespace()) {
                sensitive.add(o.id());
                owned.add(o.id().name());
            }
            if (!o.webhooks().isEmpty() && o.webhooks().stream().anyMatch(w -> !w.hasCaBundle())) {
                injected.add(new Injected(
                        o.id(),
                        WEBHOOK_CA_BUNDLE,
                        filler(o),
                        new IgnoreDifference(
                                o.id().group(),
                                o.id().kind(),
                                o.id().name(),
                                null,
                                List.of(),
                                List.of(WEBHOOK_CA_BUNDLE))));
            }
            if (o.is("", "Secret") && o.secretKeys().isEmpty()) {
                // A Secret shipped empty exists to be filled in the cluster (webhook certificates, keys).
                injected.add(new Injected(
                        o.id(),
                        SECRET_DATA,
                        "its controller",
                        new IgnoreDifference(
                                "", "Secret", o.id().name(), e.namespace(), List.of(SECRET_DATA), List.of())));
            }
            if (e.namespace() != null) used.add(e.namespace());
        }
        used.removeAll(owned);
        return new AppNeeds(app, large, injected, sensitive, used);
    }

    private static String filler(KubeObject o) {
        return asksCertManager(o) ? "cert-manager's cainjector" : "its controller";
    }

    private static boolean asksCertManager(KubeObject o) {
        return o.annotations().keySet().stream().anyMatch(k -> k.startsWith("cert-manager.io/inject-"));
    }

    /** Large CRDs: per resource they need {@link ArgoCd#SERVER_SIDE_APPLY}. */
    public boolean needsServerSideApply(ResourceId id) {
        return largeCrds.contains(id);
    }

    public boolean ownsProfilesCrd() {
        return pruneSensitive.stream()
                .anyMatch(id -> id.kind().equals("CustomResourceDefinition")
                        && id.name().equals(ArgoCd.PROFILES_CRD));
    }
}
