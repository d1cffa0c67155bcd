package dev.kfboot.cluster.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * Writes app-of-apps trees for tests: one file per Application, like kfboot generate, in a git repository whose
 * origin is the app of apps' repoURL (so its source is this checkout, as for a user's tree).
 */
public final class Trees {

    /** The tree's own repository: the app of apps deploys {@code apps/} from it. */
    public static final String REPO_URL = "https://github.com/example/platform.git";

    private final Path dir;

    private Trees(Path dir) {
        this.dir = dir;
    }

    public static Trees in(Path dir) {
        Trees t = withoutGit(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", REPO_URL);
            config.save();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
        return t;
    }

    /** A tree in a plain directory: nothing tells kfboot which repository it is a checkout of. */
    public static Trees withoutGit(Path dir) {
        try {
            Files.createDirectories(dir.resolve("apps"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Trees(dir);
    }

    public Path dir() {
        return dir;
    }

    /** An Application in wave {@code wave}; automated sync with prune and selfHeal when {@code automated}. */
    public Trees app(String name, int wave, boolean automated) {
        return app(name, wave, automated, "applications/" + name);
    }

    public Trees app(String name, int wave, boolean automated, String path) {
        String policy = automated ? """
                  syncPolicy:
                    automated:
                      prune: true
                      selfHeal: true
                    syncOptions:
                      - ServerSideApply=true
                    retry:
                      limit: 5
                      backoff:
                        duration: 5s
                        factor: 2
                        maxDuration: 3m
                """ : """
                  syncPolicy:
                    syncOptions:
                      - ServerSideApply=true
                """;
        return write("apps/" + name + ".yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                  annotations:
                    argocd.argoproj.io/sync-wave: "%d"
                  finalizers:
                    - resources-finalizer.argocd.argoproj.io
                spec:
                  project: kubeflow
                  source:
                    repoURL: https://github.com/kubeflow/manifests.git
                    targetRevision: "26.03"
                    path: %s
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: kubeflow
                %s""".formatted(name, wave, path, policy));
    }

    /** The app of apps: it deploys {@code apps/} of the tree's repository into Argo CD's namespace. */
    public Trees root(String name) {
        return root(name, REPO_URL);
    }

    public Trees root(String name, String repoUrl) {
        return write(name + ".yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                spec:
                  project: kubeflow
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: apps
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: argocd
                  syncPolicy:
                    automated:
                      prune: false
                      selfHeal: true
                """.formatted(name, repoUrl));
    }

    public Trees project(String name) {
        return write("project.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata:
                  name: %s
                  namespace: argocd
                spec:
                  sourceRepos:
                    - https://github.com/kubeflow/manifests.git
                    - %s
                  destinations:
                    - server: https://kubernetes.default.svc
                      namespace: "*"
                  clusterResourceWhitelist:
                    - group: "*"
                      kind: "*"
                """.formatted(name, REPO_URL));
    }

    public Trees write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
