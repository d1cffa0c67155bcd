package dev.kfboot.validate.rules;

import static dev.kfboot.validate.rules.OrderingFixtures.KUBEFLOW_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.model.Finding;
import dev.kfboot.validate.PodSecurityLevel;
import dev.kfboot.validate.TreeFixture;
import dev.kfboot.yaml.RenderedYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PssViolationTest {

    /** A web app as the seeds ran it: no securityContext at all. */
    static final String BARE_WEB_APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: jupyter-web-app-deployment
              namespace: kubeflow
            spec:
              template:
                spec:
                  containers:
                    - name: jupyter-web-app
                      image: ghcr.io/kubeflow/kubeflow/jupyter-web-app
            """;

    static final String RESTRICTED_WEB_APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: jupyter-web-app-deployment
              namespace: kubeflow
            spec:
              template:
                spec:
                  securityContext:
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: jupyter-web-app
                      securityContext:
                        allowPrivilegeEscalation: false
                        runAsNonRoot: true
                        capabilities: {drop: [ALL]}
            """;

    @TempDir
    Path repo;

    private TreeFixture tree(String webApp) {
        return new TreeFixture(repo)
                .root()
                .app("kubeflow-namespace", 0, "apps/ns", "kubeflow")
                .component("apps/ns", KUBEFLOW_NAMESPACE)
                .app("web-apps", 4, "apps/web", "kubeflow")
                .component("apps/web", webApp);
    }

    @Test
    void theSeedsWebAppInARestrictedNamespaceIsAnError() {
        List<Finding> f = tree(BARE_WEB_APP).findings(new PssViolation());

        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.resource()).isEqualTo("-n kubeflow deployment.apps/jupyter-web-app-deployment");
            assertThat(x.message())
                    .contains("violate PodSecurity \"restricted\" enforced on namespace kubeflow")
                    .contains("allowPrivilegeEscalation != false (container \"jupyter-web-app\" "
                            + "must set securityContext.allowPrivilegeEscalation=false)")
                    .contains("runAsNonRoot != true")
                    .contains("seccompProfile")
                    .contains("unrestricted capabilities");
        });
    }

    @Test
    void aCompliantPodTemplatePasses() {
        assertThat(tree(RESTRICTED_WEB_APP).findings(new PssViolation())).isEmpty();
    }

    @Test
    void aNamespaceWithoutAnEnforceLabelChecksNothing() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .app("web-apps", 4, "apps/web", "kubeflow", "CreateNamespace=true")
                .component("apps/web", BARE_WEB_APP);

        assertThat(t.findings(new PssViolation())).isEmpty();
    }

    @Test
    void managedNamespaceMetadataLabelsCount() {
        TreeFixture t = new TreeFixture(repo)
                .root()
                .appWith("web-apps", 4, "apps/web", "kubeflow", """
                  syncPolicy:
                    syncOptions: [CreateNamespace=true]
                    managedNamespaceMetadata:
                      labels:
                        pod-security.kubernetes.io/enforce: baseline
                """)
                .component(
                        "apps/web",
                        BARE_WEB_APP.replace("image:", "securityContext: {privileged: true}\n          image:"));

        assertThat(t.findings(new PssViolation()))
                .singleElement()
                .satisfies(x -> assertThat(x.message())
                        .contains("\"baseline\"")
                        .contains("privileged (container \"jupyter-web-app\""));
    }

    @Test
    void baselineForbidsHostAccessAndRestrictedAlsoVolumeTypes() {
        Map<String, Object> pod = RenderedYaml.parse("""
                spec:
                  hostNetwork: true
                  volumes:
                    - {name: docker, hostPath: {path: /var/run/docker.sock}}
                    - {name: nfs, nfs: {server: x, path: /}}
                  containers:
                    - name: c
                      ports: [{containerPort: 80, hostPort: 80}]
                      securityContext:
                        capabilities: {add: [NET_ADMIN]}
                """).get(0);

        List<String> baseline = PodSecurityStandards.violations(pod, PodSecurityLevel.BASELINE);
        assertThat(baseline)
                .containsExactly(
                        "host namespaces (hostNetwork=true)",
                        "non-default capabilities (container \"c\" must not include NET_ADMIN "
                                + "in securityContext.capabilities.add)",
                        "hostPath volumes (volumes \"docker\")",
                        "hostPort (container \"c\" must not set hostPort)");
        assertThat(PodSecurityStandards.violations(pod, PodSecurityLevel.RESTRICTED))
                .contains("restricted volume types (\"nfs\" uses nfs)")
                .hasSizeGreaterThan(baseline.size());
        assertThat(PodSecurityStandards.violations(pod, PodSecurityLevel.PRIVILEGED))
                .isEmpty();
    }
}
