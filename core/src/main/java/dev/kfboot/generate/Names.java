package dev.kfboot.generate;

import dev.kfboot.spec.ResolvedPlatform;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How kfboot names and labels what it writes. Child Applications are called {@code <platform>-<app>} (the
 * seeds' {@code kubeflow-pipelines}), so they do not collide with Applications of the same component a
 * cluster already has (many run their own {@code cert-manager}); an id that already starts with the
 * platform's name keeps it once ({@code kubeflow-namespace}). Every Argo CD object carries
 * {@value #MANAGED_BY}={@value #KFBOOT}, which is how update-repo-url and other tools tell kfboot's objects
 * from hand-written ones.
 */
public final class Names {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String KFBOOT = "kfboot";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String COMPONENT = "kfboot.dev/component";
    public static final String WAVE = "kfboot.dev/wave";
    public static final String CLUSTER = "kfboot.dev/cluster";

    private final String platform;

    Names(String platform) {
        this.platform = platform;
    }

    static Names of(ResolvedPlatform p) {
        return new Names(p.spec().name());
    }

    public String platform() {
        return platform;
    }

    public String app(String id) {
        return id.equals(platform) || id.startsWith(platform + "-") ? id : platform + "-" + id;
    }

    public String root() {
        return platform + "-root";
    }

    /** Labels of every kfboot-written Argo CD object. */
    public Map<String, String> labels() {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(MANAGED_BY, KFBOOT);
        l.put(PART_OF, platform);
        return l;
    }

    /** Labels of a child Application: also its app id and wave (ApplicationSet steps select by the wave). */
    public Map<String, String> childLabels(String id, int wave) {
        Map<String, String> l = labels();
        l.put(COMPONENT, id);
        l.put(WAVE, String.valueOf(wave));
        return l;
    }
}
