package dev.kfboot.validate;

import dev.kfboot.argocd.AppSource;
import java.nio.file.Path;

/**
 * One source of an Application resolved to a local directory, or why it cannot be.
 *
 * @param index   position in {@code spec.sources} (0 for {@code spec.source})
 * @param root    the local checkout of the source's repository; null when unknown
 * @param path    the source path, {@code .} for the repository root
 * @param problem what is wrong, for the kinds that are problems; else null
 */
public record ResolvedSource(int index, AppSource source, Kind kind, Path root, String path, String problem) {

    /** How Argo CD would read the source, or why kfboot cannot. */
    public enum Kind {
        /** A directory with a kustomization: rendered with kustomize. */
        KUSTOMIZE,
        /** A directory of plain manifests, read as Argo CD reads them. */
        DIRECTORY,
        /**
         * A Helm chart (from a chart repository through the Helm cache, or a directory with Chart.yaml): rendered in
         * process.
         */
        HELM,
        /** A config management plugin: not rendered. */
        PLUGIN,
        /** A source that only provides a {@code ref} for other sources' values files. */
        VALUES_REF,
        /** No repoURL at all. */
        NO_REPO,
        /** A path with glob characters, which Argo CD takes literally. */
        GLOB,
        /** The path does not exist in the repository. */
        MISSING,
        /** An absolute path, or one leaving the repository. */
        OUTSIDE_ROOT,
        /** A directory reached through a symbolic link that leaves the repository (Argo CD refuses those). */
        SYMLINK_OUTSIDE,
        /** Another repository that no {@code --source URL=DIR} maps to a local checkout: unverified, not an error. */
        UNMAPPED_REPO;

        public boolean renderable() {
            return this == KUSTOMIZE || this == DIRECTORY || this == HELM;
        }

        /** Kinds that mean Argo CD would fail to find the source. */
        public boolean pathProblem() {
            return this == NO_REPO
                    || this == GLOB
                    || this == MISSING
                    || this == OUTSIDE_ROOT
                    || this == SYMLINK_OUTSIDE;
        }
    }

    public Path dir() {
        return root == null ? null : root.resolve(path).normalize();
    }
}
