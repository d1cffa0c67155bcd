package dev.kfboot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small hand-written app-of-apps tree with known defects, for report tests. */
final class ReportTrees {

    private ReportTrees() {}

    /** The repository the apps name: the fixture's .git has no origin, so report needs --repo-url to read it. */
    static final String REPO_URL = "https://github.com/acme/gitops.git";

    static final String APP = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: %s
              namespace: argocd
              annotations:
                argocd.argoproj.io/sync-wave: "%d"
            spec:
              project: default
              source:
                repoURL: https://github.com/acme/gitops.git
                targetRevision: main
                path: %s
              destination:
                server: https://kubernetes.default.svc
                namespace: demo
            """;

    /** Two apps: one renders a Namespace and a Secret with data, one points at a path that does not exist. */
    static Path write(Path repo) throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        write(repo.resolve("apps/base/kustomization.yaml"), "resources:\n- ns.yaml\n- secret.yaml\n");
        write(repo.resolve("apps/base/ns.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n");
        write(
                repo.resolve("apps/base/secret.yaml"),
                "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n"
                        + "  namespace: demo\nstringData:\n  password: hunter2\n");
        write(repo.resolve("argocd/base.yaml"), APP.formatted("base", 0, "apps/base"));
        write(repo.resolve("argocd/missing.yaml"), APP.formatted("missing", 1, "apps/missing"));
        return repo.resolve("argocd");
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
