package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.LiveMaps;
import dev.kfboot.cluster.Owner;
import dev.kfboot.needs.ClusterNeeds;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks look at: the cluster, what the platform needs of it, and (read once, for the two checks about
 * existing installs) which of the platform's CRDs and Namespaces already exist and who manages them.
 */
public final class PreflightContext {

    /**
     * A CRD or Namespace the platform creates that already exists.
     *
     * @param what  "customresourcedefinition/NAME" or "namespace/NAME"
     * @param owner who manages the live one, when anything does
     */
    public record Existing(String what, ClusterNeeds.Created created, Optional<Owner> owner) {

        /** Managed by the very Application of the platform that creates it: a re-run after deploying. */
        public boolean ours() {
            return owner.isPresent() && owner.get().isApp(created.app());
        }
    }

    private final Cluster cluster;
    private final ClusterNeeds needs;
    private List<Existing> existing;
    private Boolean argoNamespaceExists;

    public PreflightContext(Cluster cluster, ClusterNeeds needs) {
        this.cluster = cluster;
        this.needs = needs;
    }

    public Cluster cluster() {
        return cluster;
    }

    public ClusterNeeds needs() {
        return needs;
    }

    /** Whether Argo CD's namespace exists (read once). */
    public synchronized boolean argoNamespaceExists() {
        if (argoNamespaceExists == null) {
            String ns = cluster.argoNamespace();
            argoNamespaceExists = cluster.call(
                            "reading namespace " + ns,
                            () -> cluster.client().namespaces().withName(ns).get())
                    != null;
        }
        return argoNamespaceExists;
    }

    /** The platform's CRDs, then its Namespaces, that exist in the cluster (one list request each). */
    public synchronized List<Existing> existing() {
        if (existing == null) {
            List<Existing> out = new ArrayList<>();
            var crds = cluster.call(
                    "listing CustomResourceDefinitions",
                    () -> cluster.client()
                            .apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .list()
                            .getItems());
            collect(out, "customresourcedefinition", needs.crds(), crds);
            var namespaces = cluster.call(
                    "listing namespaces",
                    () -> cluster.client().namespaces().list().getItems());
            collect(out, "namespace", needs.namespaces(), namespaces);
            existing = List.copyOf(out);
        }
        return existing;
    }

    private void collect(
            List<Existing> out, String kind, List<ClusterNeeds.Created> wanted, List<? extends HasMetadata> live) {
        Map<String, HasMetadata> byName = new HashMap<>();
        for (HasMetadata o : live) byName.put(o.getMetadata().getName(), o);
        for (ClusterNeeds.Created c : wanted) {
            HasMetadata o = byName.get(c.name());
            if (o == null) continue;
            out.add(new Existing(
                    kind + "/" + c.name(), c, Owner.of(LiveMaps.of(o), c.labels(), cluster.argoNamespace())));
        }
    }
}
