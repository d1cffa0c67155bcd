package dev.kfboot.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.plan.Plan;
import java.util.List;

/**
 * The ordering facts.md measured from the 26.03 renders, as assertions: a component must sit in a strictly
 * later wave than everything listed for it.
 */
final class PlacementFacts {

    private PlacementFacts() {}

    static final List<String> ISTIO_CRD_USERS = List.of(
            "istio-install",
            "oauth2-proxy",
            "dex",
            "knative-serving",
            "cluster-local-gateway",
            "kubeflow-istio-resources",
            "pipelines",
            "katib",
            "centraldashboard",
            "jupyter-web-app",
            "volumes-web-app",
            "tensorboards-web-app",
            "kserve-models-web-app",
            "profiles");
    static final List<String> CERT_MANAGER_USERS =
            List.of("pipelines", "katib", "admission-webhook", "pvcviewer-controller", "kserve");
    static final List<String> IN_KUBEFLOW = List.of(
            "pipelines",
            "katib",
            "centraldashboard",
            "admission-webhook",
            "jupyter-web-app",
            "notebook-controller",
            "profiles",
            "pvcviewer-controller",
            "volumes-web-app",
            "tensorboard-controller",
            "tensorboards-web-app",
            "kserve",
            "kserve-models-web-app",
            "spark-operator",
            "istio-install",
            "kubeflow-istio-resources");
    static final List<String> INJECTED = List.of(
            "pipelines",
            "katib",
            "centraldashboard",
            "jupyter-web-app",
            "notebook-controller",
            "profiles",
            "pvcviewer-controller",
            "volumes-web-app",
            "tensorboard-controller",
            "tensorboards-web-app",
            "kserve",
            "kserve-models-web-app",
            "knative-serving",
            "trainer");

    static void assertHold(Plan plan) {
        ISTIO_CRD_USERS.forEach(c -> before(plan, "istio-crds", c));
        CERT_MANAGER_USERS.forEach(c -> before(plan, "cert-manager", c));
        IN_KUBEFLOW.forEach(c -> before(plan, "kubeflow-namespace", c));
        INJECTED.forEach(c -> before(plan, "istio-install", c));
        List.of("istio-install", "oauth2-proxy", "cluster-local-gateway")
                .forEach(c -> before(plan, "istio-namespace", c));
        before(plan, "kubeflow-namespace", "trainer");
        before(plan, "profiles", "user-namespace");
        before(plan, "knative-serving", "kserve");
        List.of("pipelines", "katib", "admission-webhook", "kserve").forEach(c -> before(plan, c, "user-namespace"));
    }

    private static void before(Plan plan, String first, String then) {
        assertThat(plan.waveOf(first))
                .as("%s (wave %d) before %s (wave %d)", first, plan.waveOf(first), then, plan.waveOf(then))
                .isLessThan(plan.waveOf(then));
    }
}
