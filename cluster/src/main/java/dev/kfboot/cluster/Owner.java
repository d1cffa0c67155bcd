package dev.kfboot.cluster;

import dev.kfboot.model.Fields;
import java.util.Map;
import java.util.Optional;

/**
 * Who manages a live object, as the marks Argo CD and Helm leave on it say: Argo CD's tracking annotation
 * ({@code argocd.argoproj.io/tracking-id: APP:GROUP/KIND:NAMESPACE/NAME}, the default since Argo CD 2.x's
 * annotation tracking; {@code NS_APP} for apps outside Argo CD's namespace) or its older label tracking
 * ({@code app.kubernetes.io/instance}), and Helm's release annotation ({@code meta.helm.sh/release-name}) or its
 * {@code app.kubernetes.io/managed-by: Helm} label. The two labels are also written by upstream manifests
 * themselves (Istio's CRDs carry both), so a label counts only when the platform's own object does not carry the
 * same value.
 *
 * @param name     the Application ({@code NS/NAME} when outside Argo CD's namespace) or Helm release
 * @param evidence the mark that says so, e.g. "annotation argocd.argoproj.io/tracking-id"
 */
public record Owner(Tool tool, String name, String evidence) {

    /** What manages it. */
    public enum Tool {
        ARGO_CD,
        HELM
    }

    public static final String TRACKING_ID = "argocd.argoproj.io/tracking-id";
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String HELM_RELEASE = "meta.helm.sh/release-name";

    /**
     * @param live           the live object
     * @param platformLabels the labels the platform's own copy of the object carries (empty when it has none)
     * @param argoNamespace  Argo CD's namespace, where unqualified tracking ids point
     */
    public static Optional<Owner> of(
            Map<String, Object> live, Map<String, String> platformLabels, String argoNamespace) {
        Map<String, Object> annotations = Fields.map(live, "metadata", "annotations");
        Map<String, Object> labels = Fields.map(live, "metadata", "labels");
        String tracking = Fields.string(annotations, TRACKING_ID);
        if (tracking != null && tracking.contains(":")) {
            String app = tracking.substring(0, tracking.indexOf(':'));
            int sep = app.indexOf('_');
            if (sep > 0 && app.substring(0, sep).equals(argoNamespace)) app = app.substring(sep + 1);
            else if (sep > 0) app = app.substring(0, sep) + "/" + app.substring(sep + 1);
            return Optional.of(new Owner(Tool.ARGO_CD, app, "annotation " + TRACKING_ID));
        }
        String release = Fields.string(annotations, HELM_RELEASE);
        if (release != null) return Optional.of(new Owner(Tool.HELM, release, "annotation " + HELM_RELEASE));
        String managedBy = Fields.string(labels, MANAGED_BY_LABEL);
        String instance = Fields.string(labels, INSTANCE_LABEL);
        if ("Helm".equals(managedBy) && !"Helm".equals(platformLabels.get(MANAGED_BY_LABEL))) {
            return Optional.of(new Owner(
                    Tool.HELM,
                    instance == null ? "(release unknown)" : instance,
                    "label " + MANAGED_BY_LABEL + "=Helm"));
        }
        if (instance != null && !instance.equals(platformLabels.get(INSTANCE_LABEL))) {
            return Optional.of(
                    new Owner(Tool.ARGO_CD, instance, "label " + INSTANCE_LABEL + ", Argo CD's label tracking"));
        }
        return Optional.empty();
    }

    /** Whether Argo CD Application {@code app} (in Argo CD's namespace) manages it. */
    public boolean isApp(String app) {
        return tool == Tool.ARGO_CD && name.equals(app);
    }

    /** "Argo CD Application legacy (annotation argocd.argoproj.io/tracking-id)". */
    @Override
    public String toString() {
        return (tool == Tool.ARGO_CD ? "Argo CD Application " : "Helm release ") + name + " (" + evidence + ")";
    }
}
