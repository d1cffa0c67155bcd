package dev.kfboot.cli;

import dev.kfboot.cluster.testing.MockCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small Kubeflow installed by hand (kubectl apply, then edits), and the app-of-apps tree meant to take it over:
 * three apps over plain-manifest directories, so no kustomize is needed. What each live object is for:
 * <ul>
 *   <li>Namespace kubeflow, Deployment katib-controller, the webhook (its caBundle injected, ignored by the app):
 *       adopted as they are</li>
 *   <li>ConfigMap katib-config and Secret katib-mysql: edited by hand since, so the first sync changes them</li>
 *   <li>Deployment centraldashboard: never installed, the first sync creates it</li>
 *   <li>Service centraldashboard: installed with Helm, which would fight over it</li>
 *   <li>ConfigMap ml-notes and Secret registry-token: no app owns them; the Secret is another Application's</li>
 *   <li>what Kubernetes and controllers made (kube-root-ca.crt, the default ServiceAccount, a ReplicaSet's pod, a
 *       cert-manager Secret) and everything in kube-system: not reported</li>
 * </ul>
 */
final class HandInstall {

    private HandInstall() {}

    static final String REPO = "https://github.com/acme/kubeflow-platform.git";

    /** Writes the tree under {@code repo/tree} and its manifests under {@code repo/manifests}; returns the tree. */
    static Path tree(Path repo) {
        write(repo, "tree/project.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata: {name: kubeflow, namespace: argocd}
                spec:
                  sourceRepos: ["*"]
                  destinations: [{server: https://kubernetes.default.svc, namespace: "*"}]
                  clusterResourceWhitelist: [{group: "*", kind: "*"}]
                """);
        write(repo, "tree/root.yaml", app("kubeflow-apps", null, "tree/apps", "argocd", "", true));
        write(
                repo,
                "tree/apps/kubeflow-namespace.yaml",
                app("kubeflow-namespace", 0, "manifests/namespace", "kubeflow", "", true));
        write(repo, "tree/apps/katib.yaml", app("katib", 1, "manifests/katib", "kubeflow", """
                  ignoreDifferences:
                    - group: admissionregistration.k8s.io
                      kind: ValidatingWebhookConfiguration
                      jqPathExpressions: [".webhooks[]?.clientConfig.caBundle"]
                """, true));
        write(
                repo,
                "tree/apps/centraldashboard.yaml",
                app("centraldashboard", 1, "manifests/dashboard", "kubeflow", "", false));
        write(repo, "manifests/namespace/namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: kubeflow
                  labels: {pod-security.kubernetes.io/enforce: restricted, istio-injection: enabled}
                  annotations: {argocd.argoproj.io/sync-options: "Prune=false,Delete=false"}
                """);
        write(repo, "manifests/katib/config.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: katib-config}
                data:
                  katib-config.yaml: |
                    init:
                      controller:
                        webhookPort: 8443
                        trialResources:
                          - Job.v1.batch
                """);
        write(repo, "manifests/katib/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: katib-mysql}
                stringData: {MYSQL_ROOT_PASSWORD: from-git-s3cret, MYSQL_USER: katib}
                """);
        write(repo, "manifests/katib/controller.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: katib-controller}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: katib-controller}}
                  template:
                    metadata: {labels: {app: katib-controller}}
                    spec:
                      containers:
                        - {name: katib-controller, image: ghcr.io/kubeflow/katib/katib-controller:v0.19.0}
                """);
        write(repo, "manifests/katib/webhook.yaml", """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: katib.kubeflow.org}
                webhooks:
                  - name: validator.experiment.katib.kubeflow.org
                    clientConfig: {service: {name: katib-controller, namespace: kubeflow}}
                """);
        write(repo, "manifests/dashboard/deployment.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: centraldashboard, namespace: kubeflow}
                spec:
                  selector: {matchLabels: {app: centraldashboard}}
                  template:
                    metadata: {labels: {app: centraldashboard}}
                    spec:
                      containers:
                        - {name: centraldashboard, image: ghcr.io/kubeflow/kubeflow/central-dashboard:v1.10.0}
                """);
        write(repo, "manifests/dashboard/service.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: centraldashboard, namespace: kubeflow}
                spec:
                  selector: {app: centraldashboard}
                  ports: [{port: 80, targetPort: 8082}]
                """);
        // a checkout of the repository the Applications name, as a user's tree is (its origin makes the sources local)
        write(repo, ".git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = " + REPO + "\n");
        return repo.resolve("tree");
    }

    /** The live objects of the hand install. */
    static void install(MockCluster m) {
        m.create("""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: kubeflow
                  labels: {pod-security.kubernetes.io/enforce: restricted, istio-injection: enabled, \
                kubernetes.io/metadata.name: kubeflow}
                """);
        m.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: katib-config
                  namespace: kubeflow
                  annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}
                data:
                  katib-config.yaml: |
                    init:
                      controller:
                        webhookPort: 8443
                """);
        m.create("""
                apiVersion: v1
                kind: Secret
                metadata: {name: katib-mysql, namespace: kubeflow}
                type: Opaque
                data: {MYSQL_ROOT_PASSWORD: aGFuZC1lZGl0ZWQtc2VjcmV0, MYSQL_USER: a2F0aWI=}
                """);
        m.create("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: katib-controller, namespace: kubeflow, generation: 3}
                spec:
                  replicas: 1
                  progressDeadlineSeconds: 600
                  selector: {matchLabels: {app: katib-controller}}
                  template:
                    metadata: {labels: {app: katib-controller}}
                    spec:
                      containers:
                        - {name: katib-controller, image: ghcr.io/kubeflow/katib/katib-controller:v0.19.0, \
                imagePullPolicy: IfNotPresent}
                      restartPolicy: Always
                status: {replicas: 1, readyReplicas: 1}
                """);
        m.create("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: katib.kubeflow.org}
                webhooks:
                  - name: validator.experiment.katib.kubeflow.org
                    clientConfig:
                      service: {name: katib-controller, namespace: kubeflow, port: 443}
                      caBundle: LS0tLS1CRUdJTi4uLg==
                    failurePolicy: Fail
                """);
        m.create("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: centraldashboard
                  namespace: kubeflow
                  labels: {app.kubernetes.io/managed-by: Helm}
                  annotations: {meta.helm.sh/release-name: kubeflow-dashboard}
                spec:
                  selector: {app: centraldashboard}
                  ports: [{port: 80, targetPort: 8082}]
                """);
        m.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: ml-notes, namespace: kubeflow}
                data: {todo: move to git}
                """);
        m.create("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: registry-token
                  namespace: kubeflow
                  annotations: {argocd.argoproj.io/tracking-id: "registry-creds:/Secret:kubeflow/registry-token"}
                data: {token: c2VjcmV0LXRva2Vu}
                """);
        // what Kubernetes and controllers made
        m.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kube-root-ca.crt, namespace: kubeflow}
                data: {ca.crt: "-----BEGIN CERTIFICATE-----"}
                """);
        m.create("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: default, namespace: kubeflow}
                """);
        m.create("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: katib-controller-6d9f7-x2x9q
                  namespace: kubeflow
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: katib-controller-6d9f7, uid: "1"}]
                spec:
                  containers: [{name: katib-controller, image: ghcr.io/kubeflow/katib/katib-controller:v0.19.0}]
                """);
        m.create("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: katib-webhook-cert
                  namespace: kubeflow
                  annotations: {cert-manager.io/certificate-name: katib-webhook-cert}
                type: kubernetes.io/tls
                data: {tls.crt: Y2VydA==, tls.key: a2V5}
                """);
        m.create("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: coredns, namespace: kube-system}
                data: {Corefile: "."}
                """);
    }

    /** An Application of the tree; {@code automated} with prune and selfHeal. */
    private static String app(
            String name, Integer wave, String path, String namespace, String extra, boolean automated) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                %sspec:
                  project: kubeflow
                  source:
                    repoURL: %s
                    targetRevision: main
                    path: %s
                  destination:
                    server: https://kubernetes.default.svc
                    namespace: %s
                  syncPolicy:
                %s    syncOptions: [ServerSideApply=true]
                %s""".formatted(
                        name,
                        wave == null ? "" : "  annotations: {argocd.argoproj.io/sync-wave: \"" + wave + "\"}\n",
                        REPO,
                        path,
                        namespace,
                        automated ? "    automated: {prune: true, selfHeal: true}\n" : "",
                        extra);
    }

    private static void write(Path repo, String path, String text) {
        try {
            Path f = repo.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
