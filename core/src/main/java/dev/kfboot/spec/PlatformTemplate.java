package dev.kfboot.spec;

import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;

/** Writes the commented default {@code platform.yaml} for a release, from its catalog. */
public final class PlatformTemplate {

    /** The sections that shape `kfboot generate`'s tree: the defaults written out, the rest as examples. */
    private static final String GITOPS = """
              # A component entry can also say `sync: manual` (e.g. pipelines, as seed 002 suggests).
              # --- kfboot generate: the Argo CD tree ---
              # Where Argo CD runs; the children's AppProject (default: metadata.name; the root app gets \
            <project>-root).
              argocd:
                namespace: argocd
                destination:
                  server: https://kubernetes.default.svc   # or name: CLUSTER-NAME
                # Standalone layout only: the repository the tree is pushed to (default: the checkout's origin).
                # repo:
                #   url: https://github.com/acme/kubeflow-gitops.git
                #   revision: main
              # How child Applications sync, unless a component says otherwise.
              syncPolicy:
                automated: true
                prune: true
                selfHeal: true
                retry:
                  limit: 5
                  backoff:
                    duration: 5s
                    factor: 2
                    maxDuration: 3m
              # Applications that are not Kubeflow, placed in the waves by dependsOn like components.
              # extraApps:
              #   - name: seldon-deployments
              #     repoURL: https://github.com/acme/mlops.git   # default: spec.repo
              #     revision: main
              #     path: kubernetes/seldon-deployments
              #     namespace: financial-inference
              #     dependsOn: [kserve]
              #     syncOptions: [PrunePropagationPolicy=foreground, PruneLast=true]
              #     ignoreDifferences:
              #       - group: mlops.seldon.io
              #         kind: Model
              #         jsonPointers: [/status]
              #     clusterResources: []        # cluster-scoped kinds it creates, for the AppProject
              #     provides: []                # kinds whose CRDs it installs: their users come after it
              # Expose the dashboard through an existing Gateway API Gateway (kgateway, ...) with an HTTPRoute.
              # exposure:
              #   gatewayAPI:
              #     gateway: {name: kgateway, namespace: kgateway-system, sectionName: https}
              #     hostnames: [kubeflow.example.org]
              #     mode: beside                # beside: via the Istio ingress gateway (keeps oauth2-proxy);
              #                                 # instead: straight to the dashboard (the Gateway must authenticate)
              #     crdsFrom: cluster           # the extra app that installs the Gateway API CRDs, or cluster
              # Overlays of the tree per environment (kfboot generate --env NAME writes one).
              # environments:
              #   - name: staging
              #     revision: staging           # the tree's branch for this environment
              #     destination:
              #       name: staging             # or server: https://...
              #     patches:
              #       - app: kserve
              #         target: {kind: Deployment, name: kserve-controller-manager}
              #         patch: |
              #           - op: replace
              #             path: /spec/replicas
              #             value: 1
              # A fleet (kfboot generate --applicationset): one ApplicationSet over these clusters.
              # clusters:
              #   - name: eu-1
              #     server: https://eu-1.example.com:6443
              #     labels: {region: eu}
            """;

    private PlatformTemplate() {}

    /** For a catalog derived from a tree ({@link ReleaseCatalog#derived}), the spec names no release and says why. */
    public static String write(ReleaseCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# kfboot platform spec. `kfboot plan -f platform.yaml` shows the waves it compiles to.\n");
        sb.append("apiVersion: ").append(Platform.API_VERSION).append('\n');
        sb.append("kind: ").append(Platform.KIND).append('\n');
        sb.append("metadata:\n  name: kubeflow\n");
        sb.append("spec:\n");
        if (catalog.derived()) {
            // a derived catalog has no release name a spec could give: the spec takes the tree's release when planned
            sb.append("  # No release: kfboot has no catalog for the tree this spec was written "
                    + "from, so its components were\n");
            sb.append("  # derived from ")
                    .append(catalog.derivedFrom())
                    .append(" (")
                    .append(catalog.release())
                    .append(").\n");
            sb.append("  # Plan and generate it with --upstream on that tree: a spec without a "
                    + "release takes the tree's.\n");
        } else {
            sb.append("  # kubeflow/manifests release (`kfboot catalog list` shows what it has).\n");
            sb.append("  release: \"").append(catalog.release()).append("\"\n");
        }
        // left out, the fork layout reads the checkout's origin: the upstream URL written here would name a
        // repository that has no tree to read
        sb.append(
                "  # The repository the child Applications read. Left out, the fork layout reads the origin of the\n");
        sb.append("  # checkout you generate in (your fork) on its branch, the standalone layout upstream:\n");
        sb.append("  # repo:\n");
        sb.append("  #   url: ").append(catalog.repo()).append('\n');
        sb.append("  #   revision: \"").append(catalog.revision()).append("\"\n");
        sb.append("  #   path: \"\"   # where the manifests tree sits inside the repository\n");
        sb.append("  # The release's example set is installed unless an entry here changes it. An entry can\n");
        sb.append("  # disable a component (enabled: false), enable an optional one (enabled: true), pick a\n");
        sb.append("  # variant, add dependsOn edges the manifests do not show, or pin a wave.\n");
        sb.append("  components:\n");
        for (Component c : catalog.components()) {
            boolean listed = !c.example() || c.variants().size() > 1;
            if (!listed) continue;
            sb.append("    # ").append(c.description()).append('\n');
            if (c.variants().size() > 1) {
                for (Variant v : c.variants()) {
                    sb.append("    #   variant ").append(v.name());
                    if (!v.description().isEmpty()) sb.append(": ").append(v.description());
                    sb.append('\n');
                }
            }
            sb.append("    - name: ").append(c.id()).append('\n');
            sb.append("      enabled: ").append(c.example()).append('\n');
            if (c.variants().size() > 1)
                sb.append("      variant: ").append(c.defaultVariant().name()).append('\n');
        }
        sb.append(GITOPS);
        return sb.toString();
    }
}
