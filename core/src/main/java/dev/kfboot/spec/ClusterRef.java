package dev.kfboot.spec;

/**
 * A destination cluster as Argo CD names it: by API server URL or by the name it was registered under.
 * Exactly one of the two is set.
 */
public record ClusterRef(String server, String name) {

    public static final ClusterRef IN_CLUSTER = new ClusterRef("https://kubernetes.default.svc", null);

    /** How a person reads it: the server URL or {@code name NAME}. */
    public String label() {
        return server != null ? server : "name " + name;
    }
}
