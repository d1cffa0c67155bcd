package dev.kfboot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who manages a live object, from Argo CD's and Helm's marks. */
class OwnerTest {

    private static Map<String, Object> live(Map<String, String> annotations, Map<String, String> labels) {
        return Map.of("metadata", Map.of("name", "x", "annotations", annotations, "labels", labels));
    }

    private static Optional<Owner> owner(
            Map<String, String> annotations, Map<String, String> labels, Map<String, String> platform) {
        return Owner.of(live(annotations, labels), platform, "argocd");
    }

    @Test
    void argoCdTrackingIdNamesTheAppQualifiedOnlyOutsideArgoCdsNamespace() {
        assertThat(owner(Map.of(Owner.TRACKING_ID, "katib:apps/Deployment:kubeflow/katib-ui"), Map.of(), Map.of()))
                .hasValue(new Owner(Owner.Tool.ARGO_CD, "katib", "annotation argocd.argoproj.io/tracking-id"));
        assertThat(owner(
                                Map.of(Owner.TRACKING_ID, "argocd_katib:apps/Deployment:kubeflow/katib-ui"),
                                Map.of(),
                                Map.of())
                        .get()
                        .isApp("katib"))
                .isTrue();
        Owner other = owner(
                        Map.of(Owner.TRACKING_ID, "team-a_katib:apps/Deployment:kubeflow/katib-ui"), Map.of(), Map.of())
                .get();
        assertThat(other.name()).isEqualTo("team-a/katib");
        assertThat(other.isApp("katib")).isFalse();
    }

    @Test
    void helmReleaseAnnotationWinsOverLabels() {
        Owner o = owner(
                        Map.of(Owner.HELM_RELEASE, "cert-manager"),
                        Map.of(Owner.MANAGED_BY_LABEL, "Helm"),
                        Map.of(Owner.MANAGED_BY_LABEL, "Helm"))
                .get();
        assertThat(o.toString()).isEqualTo("Helm release cert-manager (annotation meta.helm.sh/release-name)");
    }

    @Test
    void labelsCountOnlyWhenThePlatformsOwnObjectDoesNotCarryThem() {
        Map<String, String> upstream = Map.of(Owner.INSTANCE_LABEL, "istio", Owner.MANAGED_BY_LABEL, "Helm");
        assertThat(owner(Map.of(), upstream, upstream)).isEmpty();
        assertThat(owner(Map.of(), upstream, Map.of()).get().toString())
                .isEqualTo("Helm release istio (label app.kubernetes.io/managed-by=Helm)");
        assertThat(owner(Map.of(), Map.of(Owner.INSTANCE_LABEL, "kubeflow-all"), Map.of())
                        .get()
                        .toString())
                .isEqualTo("Argo CD Application kubeflow-all (label app.kubernetes.io/instance, "
                        + "Argo CD's label tracking)");
        assertThat(owner(Map.of(), Map.of(), Map.of())).isEmpty();
    }
}
