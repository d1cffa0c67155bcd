package dev.kfboot.cluster.install;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Installs Argo CD: creates the namespace if needed, applies every object of the manifest server-side (CRDs first;
 * server-side apply, because Argo CD's own CRDs and client-side apply's last-applied annotation do not fit
 * together, and re-applying a newer version then upgrades in place), adds the Application health check to
 * argocd-cm and waits until every workload of the manifest is healthy. Running it again is harmless.
 */
public final class ArgoCdInstaller {

    public static final String FIELD_MANAGER = "kfboot";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /** What was done, for the summary. */
    public record Result(
            int applied, int crds, boolean namespaceCreated, boolean healthCheckChanged, List<String> workloads) {}

    private final Cluster cluster;
    private final Consumer<String> progress;

    public ArgoCdInstaller(Cluster cluster, Consumer<String> progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    public Result install(ArgoCdManifest manifest, Duration timeout) {
        String ns = cluster.argoNamespace();
        boolean created = ensureNamespace(ns);
        List<Map<String, Object>> objects = manifest.objects(ns);
        int crds = 0;
        for (Map<String, Object> o : objects) {
            HasMetadata typed = (HasMetadata) JSON.unmarshal(JSON.asJson(o));
            String what = Fields.string(o, "kind") + " " + typed.getMetadata().getName();
            cluster.run(
                    "applying " + what,
                    () -> cluster.client()
                            .resource(typed)
                            .fieldManager(FIELD_MANAGER)
                            .forceConflicts()
                            .serverSideApply());
            if (typed.getKind().equals("CustomResourceDefinition")) crds++;
        }
        progress.accept("applied " + objects.size() + " objects of " + manifest.source() + " (" + crds
                + " CRDs) into namespace " + ns);
        boolean changed = addHealthCheck(ns);
        progress.accept(
                changed
                        ? "added the argoproj.io/Application health check to argocd-cm"
                        : "argocd-cm already has the argoproj.io/Application health check");
        new WorkloadWaiter(cluster, ns).await(manifest.workloads(), timeout, progress);
        return new Result(objects.size(), crds, created, changed, manifest.workloads());
    }

    private boolean ensureNamespace(String ns) {
        return cluster.call("creating namespace " + ns, () -> {
            if (cluster.client().namespaces().withName(ns).get() != null) return false;
            cluster.client()
                    .namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(ns)
                            .endMetadata()
                            .build())
                    .create();
            progress.accept("created namespace " + ns);
            return true;
        });
    }

    /** Merges the Lua check into argocd-cm; returns whether it changed anything. */
    private boolean addHealthCheck(String ns) {
        return cluster.call("adding the Application health check to argocd-cm", () -> {
            ConfigMap cm = cluster.client()
                    .configMaps()
                    .inNamespace(ns)
                    .withName("argocd-cm")
                    .get();
            if (cm != null
                    && cm.getData() != null
                    && ArgoCd.APP_HEALTH_LUA.equals(cm.getData().get(ArgoCd.APP_HEALTH_KEY))) {
                return false;
            }
            Map<String, Object> patch =
                    Map.of("data", new LinkedHashMap<>(Map.of(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA)));
            cluster.client()
                    .configMaps()
                    .inNamespace(ns)
                    .withName("argocd-cm")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), JSON.asJson(patch));
            return true;
        });
    }
}
