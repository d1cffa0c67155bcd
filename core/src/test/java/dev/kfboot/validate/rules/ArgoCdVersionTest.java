package dev.kfboot.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgoCdVersionTest {

    static String argoServer(String image) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: argocd-server
                  namespace: argocd
                spec:
                  template:
                    spec:
                      containers:
                        - name: argocd-server
                          image: %s
                """.formatted(image);
    }

    static String argoSourceApp(String name, String revision) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                spec:
                  project: platform
                  source:
                    repoURL: https://github.com/argoproj/argo-cd.git
                    targetRevision: %s
                    path: manifests/cluster-install
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: argocd
                """.formatted(name, revision);
    }

    @TempDir
    Path repo;

    @Test
    void anArgoCdOfThe34RangeIsAWarningWhereverTheTreeNamesIt() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("argocd-image", 0, "apps/argocd", "argocd")
                .component("apps/argocd", argoServer("quay.io/argoproj/argocd:v3.4.2"))
                .app("argocd-remote", 0, "apps/remote", "argocd")
                .componentWithRemotes(
                        "apps/remote",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: argocd\n",
                        "https://raw.githubusercontent.com/argoproj/argo-cd/v3.4.0/manifests/install.yaml")
                .file("tree/apps/argocd-source.yaml", argoSourceApp("argocd-source", "v3.4.1"));

        List<Finding> f = t.findings(new ArgoCdVersion());

        assertThat(f)
                .extracting(x -> x.app() + " " + x.location() + " " + x.severity())
                .containsExactlyInAnyOrder(
                        "argocd-image tree/apps/argocd-image.yaml:13 WARNING",
                        "argocd-remote tree/apps/argocd-remote.yaml:13 WARNING",
                        "argocd-source tree/apps/argocd-source.yaml:10 WARNING");
        assertThat(f)
                .extracting(Finding::message)
                .containsExactlyInAnyOrder(
                        "installs Argo CD v3.4.2 (it renders image "
                                + "quay.io/argoproj/argocd:v3.4.2 (deployment/argocd-server)): Argo CD v3.4.2 "
                                + "is in the 3.4.x range of argo-cd#27917: a child whose "
                                + "resources failed to apply (health Missing) can "
                                + "report Healthy and release the next wave",
                        "installs Argo CD v3.4.0 (a kustomization fetches "
                                + "https://raw.githubusercontent.com/argoproj/argo-cd/v3.4.0/manifests/"
                                + "install.yaml): Argo CD v3.4.0 is in the 3.4.x range of "
                                + "argo-cd#27917: a child whose resources failed to "
                                + "apply (health Missing) can report Healthy and release the next wave",
                        "installs Argo CD v3.4.1 (its source is argoproj/argo-cd at v3.4.1): "
                                + "Argo CD v3.4.1 is in the 3.4.x range of "
                                + "argo-cd#27917: a child whose resources failed to apply "
                                + "(health Missing) can report Healthy and release the next wave");
        assertThat(f).allMatch(x -> x.hint().contains("health check"));
    }

    @Test
    void otherArgoCdReleasesAndOtherImagesPass() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("argocd-image", 0, "apps/argocd", "argocd")
                .component("apps/argocd", argoServer("quay.io/argoproj/argocd:v3.5.1"))
                .app("lookalike", 0, "apps/other", "argocd")
                .component("apps/other", argoServer("example.org/acme/argocd-notifier:v3.4.2"))
                .app("argocd-remote", 0, "apps/remote", "argocd")
                .componentWithRemotes(
                        "apps/remote",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: argocd\n",
                        "https://github.com/argoproj/argo-cd//manifests/cluster-install?ref=v3.3.9")
                .file("tree/apps/argocd-source.yaml", argoSourceApp("argocd-source", "v3.5.1"));

        assertThat(t.findings(new ArgoCdVersion())).isEmpty();
    }

    @Test
    void theVersionOfAnArgoCdUrlIsItsRefOrAVersionSegment() {
        assertThat(ArgoCdVersion.versionInUrl(
                        "https://github.com/argoproj/argo-cd//manifests/cluster-install?ref=v3.4.2"))
                .contains("v3.4.2");
        assertThat(ArgoCdVersion.versionInUrl(
                        "https://github.com/argoproj/argo-cd/releases/download/v3.4.3/install.yaml"))
                .contains("v3.4.3");
        assertThat(ArgoCdVersion.versionInUrl("https://github.com/argoproj/argo-cd/manifests/base"))
                .isEmpty();
        assertThat(ArgoCdVersion.versionInUrl("https://github.com/argoproj/argo-workflows/manifests/base?ref=v3.4.2"))
                .isEmpty();
        assertThat(Severity.WARNING).isEqualTo(new ArgoCdVersion().severity());
    }
}
