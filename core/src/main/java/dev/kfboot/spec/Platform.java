package dev.kfboot.spec;

import dev.kfboot.model.Location;
import java.util.List;

/**
 * A platform spec as written ({@code apiVersion: kfboot.dev/v1alpha1, kind: Platform}), before it is resolved
 * against a release catalog.
 *
 * @param source       where it was read from; {@link Location#NONE} for the built-in default
 * @param repo         null fields take the release's upstream repository and tag
 * @param components   changes to the release's default set
 * @param argocd       where Argo CD runs and the tree's own repository
 * @param sync         how child Applications sync by default
 * @param extraApps    applications that are not part of Kubeflow, placed in the graph like components
 * @param environments overlays of the tree per environment
 * @param clusters     the fleet that {@code generate --applicationset} targets
 * @param gateway      exposure of the dashboard through a Gateway API Gateway, or null
 */
public record Platform(
        Location source,
        String name,
        String release,
        Repo repo,
        List<ComponentSetting> components,
        ArgoCdSpec argocd,
        SyncDefaults sync,
        List<ExtraApp> extraApps,
        List<Environment> environments,
        List<FleetCluster> clusters,
        GatewayExposure gateway) {

    public static final String API_VERSION = "kfboot.dev/v1alpha1";
    public static final String KIND = "Platform";

    public Platform {
        components = components == null ? List.of() : List.copyOf(components);
        repo = repo == null ? new Repo(null, null, "") : repo;
        argocd = argocd == null ? ArgoCdSpec.DEFAULT : argocd;
        sync = sync == null ? SyncDefaults.DEFAULT : sync;
        extraApps = extraApps == null ? List.of() : List.copyOf(extraApps);
        environments = environments == null ? List.of() : List.copyOf(environments);
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
    }

    /** A spec with components only; everything else takes its default. */
    public Platform(Location source, String name, String release, Repo repo, List<ComponentSetting> components) {
        this(source, name, release, repo, components, null, null, null, null, null, null);
    }

    /** The built-in default: the default release's example set from its upstream repository. */
    public static Platform defaults(String release) {
        return new Platform(Location.NONE, "kubeflow", release, new Repo(null, null, ""), List.of());
    }

    /** How errors and outputs name the spec: its file, or "the built-in default platform". */
    public String sourceName() {
        return source.known() ? source.file() : "the built-in default platform";
    }
}
