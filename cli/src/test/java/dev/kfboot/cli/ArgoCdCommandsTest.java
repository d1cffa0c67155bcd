package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.testing.KubeletStandIn;
import dev.kfboot.cluster.testing.MockCluster;
import dev.kfboot.testing.UpstreamData;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code install-argocd}, {@code uninstall-argocd}, {@code password} and {@code port-forward}. */
class ArgoCdCommandsTest {

    static final String MANIFEST = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: applications.argoproj.io
            spec:
              group: argoproj.io
              names: {kind: Application, plural: applications, listKind: ApplicationList, singular: application}
              scope: Namespaced
              versions: [{name: v1alpha1, served: true, storage: true}]
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: argocd-cm
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: argocd-server
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: argocd-server}
            subjects:
              - {kind: ServiceAccount, name: argocd-server, namespace: argocd}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: argocd-server
            spec:
              replicas: 1
              selector: {matchLabels: {app.kubernetes.io/name: argocd-server}}
              template:
                metadata: {labels: {app.kubernetes.io/name: argocd-server}}
                spec: {containers: [{name: argocd-server, image: quay.io/argoproj/argocd:v3.5.1}]}
            """;

    @TempDir
    Path dir;

    MockCluster mock;
    KubeletStandIn kubelet;
    Path kubeconfig;

    @BeforeEach
    void start() {
        mock = MockCluster.start();
        kubelet = new KubeletStandIn(mock.client(), List.of());
        kubeconfig = mock.kubeconfig(dir, MockCluster.TOKEN);
    }

    @AfterEach
    void stop() {
        kubelet.close();
        mock.close();
    }

    CliRun run(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = kubeconfig.toString();
        return CliRun.of(all);
    }

    @Test
    void installAppliesTheManifestIntoTheNamespaceAndAddsTheHealthCheck() throws Exception {
        Path file = Files.writeString(dir.resolve("install.yaml"), MANIFEST);

        CliRun r = run("install-argocd", "--manifest", file.toString(), "-n", "gitops");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("created namespace gitops\n"
                        + "applied 4 objects of " + file + " (1 CRDs) into namespace gitops\n"
                        + "added the argoproj.io/Application health check to argocd-cm\n"
                        + "Deployment/argocd-server is ready\n"
                        + "Argo CD is ready in namespace gitops. Next: kfboot password, "
                        + "kfboot port-forward argocd, kfboot deploy DIR\n");
        assertThat(mock.client()
                        .configMaps()
                        .inNamespace("gitops")
                        .withName("argocd-cm")
                        .get()
                        .getData())
                .containsEntry(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA);
        assertThat(mock.client()
                        .rbac()
                        .clusterRoleBindings()
                        .withName("argocd-server")
                        .get()
                        .getSubjects()
                        .get(0)
                        .getNamespace())
                .isEqualTo("gitops");
        assertThat(mock.requests())
                .filteredOn(l -> l.startsWith("PATCH") && l.contains("fieldManager=kfboot&force=true"))
                .hasSize(4);
    }

    @Test
    void installsTheRealV351Manifest() {
        Path install = UpstreamData.argoCd().resolve("manifests/install.yaml");

        CliRun r = run("install-argocd", "--manifest", install.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "applied 59 objects of " + install + " (3 CRDs) into namespace argocd",
                        "StatefulSet/argocd-application-controller is ready");
    }

    @Test
    void badManifestInputExitsTwo() throws Exception {
        CliRun missing =
                run("install-argocd", "--manifest", dir.resolve("nope.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err())
                .startsWith("kfboot: error: " + dir.resolve("nope.yaml") + ": cannot read the install manifest");

        CliRun version = run("install-argocd", "--argocd-version", "3.5");
        assertThat(version.code()).isEqualTo(2);
        assertThat(version.err())
                .isEqualTo(
                        "kfboot: error: not an Argo CD version: '3.5'\n  hint: write a release tag such as v3.5.1\n");
        assertThat(mock.requests()).isEmpty();
    }

    @Test
    void uninstallRemovesItAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("install.yaml"), MANIFEST);
        assertThat(run("install-argocd", "--manifest", file.toString()).code()).isZero();

        CliRun r = run("uninstall-argocd", "--manifest", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .isEqualTo("deleted 4 objects of " + file + "\n"
                        + "Argo CD is removed from namespace argocd (the namespace itself stays)\n");
        assertThat(mock.client()
                        .apps()
                        .deployments()
                        .inNamespace("argocd")
                        .withName("argocd-server")
                        .get())
                .isNull();
    }

    @Test
    void passwordPrintsTheSecretAndNothingElse() {
        mock.create(new SecretBuilder()
                .withNewMetadata()
                .withName("argocd-initial-admin-secret")
                .withNamespace("argocd")
                .endMetadata()
                .addToData(
                        "password", Base64.getEncoder().encodeToString("Xk3-pq9Lm2".getBytes(StandardCharsets.UTF_8)))
                .build());

        CliRun r = run("password");

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("Xk3-pq9Lm2\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void passwordWithoutTheSecretExitsThree() {
        CliRun r = run("password");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err())
                .startsWith("kfboot: error: no initial admin password: secret "
                        + "argocd-initial-admin-secret is not in namespace argocd\n");
    }

    @Test
    void portForwardListensUntilStopped() throws Exception {
        mock.create(new ServiceBuilder()
                .withNewMetadata()
                .withName("argocd-server")
                .withNamespace("argocd")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app.kubernetes.io/name", "argocd-server")
                .addNewPort()
                .withName("https")
                .withPort(443)
                .withNewTargetPort(8080)
                .endPort()
                .endSpec()
                .build());
        mock.create(new PodBuilder()
                .withNewMetadata()
                .withName("argocd-server-6b7d")
                .withNamespace("argocd")
                .addToLabels("app.kubernetes.io/name", "argocd-server")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("argocd-server")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .addNewCondition()
                .withType("Ready")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build());
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread runner = new Thread(() -> code.complete(Main.run(
                new String[] {
                    "port-forward", "argocd", "--port", String.valueOf(port), "--kubeconfig", kubeconfig.toString()
                },
                new PrintWriter(out),
                new PrintWriter(err))));
        runner.start();
        long end = System.currentTimeMillis() + 10_000;
        while (!out.toString().contains("Ctrl-C stops") && System.currentTimeMillis() < end) Thread.sleep(20);
        // printed once the local socket is bound: binding the port ourselves must fail now
        assertThatThrownBy(() -> new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close())
                .isInstanceOf(BindException.class);
        runner.interrupt();
        assertThat(code.get(10, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(out.toString())
                .isEqualTo("Forwarding from 127.0.0.1:" + port
                        + " -> pod/argocd-server-6b7d:8080 (service argocd-server:443)\nOpen https://localhost:"
                        + port + "/ ; Ctrl-C stops\n");
    }

    @Test
    void portForwardWithoutAReadyPodExitsThree() {
        mock.create(new ServiceBuilder()
                .withNewMetadata()
                .withName("istio-ingressgateway")
                .withNamespace("istio-system")
                .endMetadata()
                .withNewSpec()
                .addToSelector("istio", "ingressgateway")
                .addNewPort()
                .withPort(80)
                .withNewTargetPort(8080)
                .endPort()
                .endSpec()
                .build());

        CliRun none = run("port-forward", "gateway");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err())
                .isEqualTo("kfboot: error: no ready pod behind service istio-ingressgateway (0 pods selected)\n"
                        + "  hint: kubectl -n istio-system get pods -l istio=ingressgateway\n");

        CliRun noService = run("port-forward", "argocd");
        assertThat(noService.code()).isEqualTo(3);
        assertThat(noService.err()).startsWith("kfboot: error: service argocd-server not found in namespace argocd\n");

        CliRun badTarget = run("port-forward", "dashboard");
        assertThat(badTarget.code()).isEqualTo(2);
    }
}
