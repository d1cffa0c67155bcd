package dev.kfboot.spec;

import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import java.util.List;

/**
 * One {@code spec.extraApps} entry: an application that is not part of Kubeflow (seed 004's Seldon
 * deployments, Argo Workflows pipelines, MLflow) with its own source and namespace. It becomes a node of the
 * dependency graph like a component: its declared dependencies place it, and it gets a child Application.
 *
 * @param repoURL           null: the platform's repository ({@code spec.repo})
 * @param revision          null: the revision of its repository in the spec
 * @param syncOptions       written as given, after the ones kfboot derives
 * @param clusterResources  cluster-scoped kinds it creates, for the AppProject's whitelist
 * @param provides          kinds whose CRDs it installs: apps creating those kinds are placed after it
 * @param sync              null: {@code spec.syncPolicy}
 */
public record ExtraApp(
        String name,
        String repoURL,
        String revision,
        String path,
        String namespace,
        List<String> dependsOn,
        Integer wave,
        SyncMode sync,
        List<String> syncOptions,
        List<IgnoreDifference> ignoreDifferences,
        List<GroupKind> clusterResources,
        List<GroupKind> provides,
        Location location) {

    public ExtraApp {
        dependsOn = List.copyOf(dependsOn);
        syncOptions = List.copyOf(syncOptions);
        ignoreDifferences = List.copyOf(ignoreDifferences);
        clusterResources = List.copyOf(clusterResources);
        provides = List.copyOf(provides);
    }
}
