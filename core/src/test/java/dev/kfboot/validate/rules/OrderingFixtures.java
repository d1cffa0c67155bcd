package dev.kfboot.validate.rules;

/** Objects that create orderings: a CRD and its custom resource, a namespace, cert-manager's webhook. */
final class OrderingFixtures {

    private OrderingFixtures() {}

    static final String CERT_MANAGER = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: certificates.cert-manager.io
            spec:
              group: cert-manager.io
              names: {kind: Certificate, plural: certificates}
              scope: Namespaced
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: cert-manager-webhook
            webhooks:
              - name: webhook.cert-manager.io
                failurePolicy: Fail
                rules:
                  - apiGroups: [cert-manager.io]
                    resources: ["*/*"]
                    operations: [CREATE, UPDATE]
                clientConfig:
                  service: {namespace: cert-manager, name: cert-manager-webhook}
            """;

    static final String KUBEFLOW_NAMESPACE = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: kubeflow
              labels:
                pod-security.kubernetes.io/enforce: restricted
            """;

    /** A component using cert-manager's Certificate in namespace kubeflow. */
    static final String KATIB = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: katib-webhook-cert
              namespace: kubeflow
            """;
}
