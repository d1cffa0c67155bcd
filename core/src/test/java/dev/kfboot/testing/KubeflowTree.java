package dev.kfboot.testing;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.argocd.AppNeeds;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.plan.Plan;
import dev.kfboot.spec.App;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformResolver;
import dev.kfboot.spec.ResolvedPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * An app-of-apps tree for a release's default platform written the way issue 3 says {@code kfboot generate}
 * writes it (fork layout): children at the upstream paths of the same repository with the plan's waves,
 * ServerSideApply where CRDs are too large, ignoreDifferences for every injected caBundle, Prune=false where
 * an app owns Namespaces or CRDs, CreateNamespace only where no app creates the destination, the Application
 * health check, a least-privilege AppProject and a root without ServerSideApply. A stand-in until generate
 * lands, for tests and benchmarks of validate.
 */
public final class KubeflowTree {

    public static final String REPO = "https://github.com/acme/kubeflow-manifests.git";

    /** argocd-cm with the Application health check that makes parent waves wait. */
    public static final String HEALTH_CHECK = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
              namespace: argocd
            data:
              resource.customizations.health.argoproj.io_Application: |
                hs = {}
                hs.status = "Progressing"
                hs.message = ""
                if obj.status ~= nil and obj.status.health ~= nil then
                  hs.status = obj.status.health.status
                end
                return hs
            """;

    private KubeflowTree() {}

    /** Writes the tree to {@code fork/kfboot}, children in the same repository; returns that directory. */
    public static Path write(Path fork, String release) {
        return write(fork, release, REPO);
    }

    /**
     * Writes the tree to {@code repo/kfboot}; children reference {@code componentRepo} (this repository for the
     * fork layout, the upstream repository for the standalone one). Returns the tree's directory.
     */
    public static Path write(Path repo, String release, String componentRepo) {
        Path fork = repo;
        Platform spec = Platform.defaults(release);
        ResolvedPlatform platform = PlatformResolver.resolve(spec, Catalogs.builtin());
        Plan plan = Kfboot.quiet().plan(spec, Sources.facts());
        Inventory inv = plan.inventory();
        Path dir = fork.resolve("kfboot");
        StringBuilder kustomization =
                new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n");
        Set<String> namespaces = new TreeSet<>();
        Set<String> clusterKinds = new TreeSet<>();
        for (App a : platform.apps()) {
            AppNeeds needs = AppNeeds.of(a.id(), inv);
            namespaces.add(a.namespace());
            namespaces.addAll(inv.namespacesOf(a.id()));
            for (Inventory.Entry e : inv.of(a.id())) {
                if (e.namespace() == null)
                    clusterKinds.add(
                            e.object().id().group() + "\t" + e.object().id().kind());
            }
            writeFile(
                    dir.resolve("apps/" + a.id() + ".yaml"),
                    application(
                            a,
                            plan.waveOf(a.id()),
                            needs,
                            inv.namespaceCreators(a.namespace()).isEmpty(),
                            componentRepo));
            kustomization.append("- ").append(a.id()).append(".yaml\n");
        }
        writeFile(dir.resolve("apps/kustomization.yaml"), kustomization.toString());
        writeFile(dir.resolve("root.yaml"), """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: kubeflow
                  namespace: argocd
                  labels: {app.kubernetes.io/managed-by: kfboot}
                spec:
                  project: kubeflow
                  source: {repoURL: %s, targetRevision: main, path: kfboot/apps}
                  destination: {server: https://kubernetes.default.svc, namespace: argocd}
                  syncPolicy:
                    automated: {prune: true, selfHeal: true}
                """.formatted(REPO));
        StringBuilder project = new StringBuilder("""
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata:
                  name: kubeflow
                  namespace: argocd
                spec:
                  sourceRepos: [%s, %s]
                  destinations:
                """.formatted(REPO, componentRepo));
        for (String ns : namespaces)
            project.append("    - {server: https://kubernetes.default.svc, namespace: ")
                    .append(ns)
                    .append("}\n");
        project.append(
                "    - {server: https://kubernetes.default.svc, namespace: argocd}\n  clusterResourceWhitelist:\n");
        for (String gk : clusterKinds) {
            String[] f = gk.split("\t");
            project.append("    - {group: '")
                    .append(f[0])
                    .append("', kind: ")
                    .append(f[1])
                    .append("}\n");
        }
        writeFile(dir.resolve("project.yaml"), project.toString());
        writeFile(dir.resolve("argocd-cm.yaml"), HEALTH_CHECK);
        return dir;
    }

    private static String application(App a, int wave, AppNeeds needs, boolean createNamespace, String repo) {
        StringBuilder sb = new StringBuilder("""
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                  labels: {app.kubernetes.io/managed-by: kfboot}
                  annotations: {argocd.argoproj.io/sync-wave: "%d"}
                  finalizers: [%s]
                spec:
                  project: kubeflow
                  source: {repoURL: %s, targetRevision: main, path: %s}
                  destination: {server: https://kubernetes.default.svc, namespace: %s}
                  syncPolicy:
                    automated: {prune: true, selfHeal: true}
                    retry: {limit: 5, backoff: {duration: 5s, factor: 2, maxDuration: 3m}}
                    syncOptions:
                      - %s
                      - %s
                """.formatted(
                        a.id(),
                        wave,
                        ArgoCd.RESOURCES_FINALIZER,
                        repo,
                        a.variant().paths().get(0),
                        a.namespace(),
                        ArgoCd.PRUNE_LAST,
                        ArgoCd.RESPECT_IGNORE_DIFFERENCES));
        if (!needs.largeCrds().isEmpty())
            sb.append("      - ").append(ArgoCd.SERVER_SIDE_APPLY).append('\n');
        if (!needs.pruneSensitive().isEmpty())
            sb.append("      - ").append(ArgoCd.PRUNE_FALSE).append('\n');
        if (createNamespace)
            sb.append("      - ").append(ArgoCd.CREATE_NAMESPACE).append('\n');
        if (!needs.injected().isEmpty()) {
            sb.append("  ignoreDifferences:\n");
            for (AppNeeds.Injected i : needs.injected()) {
                IgnoreDifference d = i.ignore();
                sb.append("    - {group: '")
                        .append(d.group())
                        .append("', kind: ")
                        .append(d.kind())
                        .append(", name: ")
                        .append(d.name());
                if (!d.jsonPointers().isEmpty())
                    sb.append(", jsonPointers: ['")
                            .append(String.join("', '", d.jsonPointers()))
                            .append("']");
                if (!d.jqPathExpressions().isEmpty()) {
                    sb.append(", jqPathExpressions: ['")
                            .append(String.join("', '", d.jqPathExpressions()))
                            .append("']");
                }
                sb.append("}\n");
            }
        }
        return sb.toString();
    }

    private static void writeFile(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
