package dev.kfboot.inventory;

/** Whether a kind lives in a namespace; UNKNOWN when neither a built-in table nor a CRD in sight says. */
public enum Scope {
    NAMESPACED,
    CLUSTER,
    UNKNOWN;

    public static Scope ofCrdScope(String crdScope) {
        return "Cluster".equals(crdScope) ? CLUSTER : NAMESPACED;
    }
}
