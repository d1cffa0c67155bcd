package dev.kfboot.generate;

/**
 * The files and directories of a generated tree, by their path inside it. Public for the readers of a generated
 * tree ({@code kfboot deploy}), which must know which directories hold no Application to deploy.
 */
public final class TreeLayout {

    static final String README = "README.md";
    /** The app of apps, at the tree's top and in each environment's directory. */
    public static final String ROOT_APP = "root-app.yaml";

    static final String PROJECTS = "projects.yaml";
    static final String HEALTH = "argocd-cm-health.yaml";
    static final String APPS = "apps";
    static final String APPS_KUSTOMIZATION = "apps/kustomization.yaml";
    static final String APPLICATION_SET = "applicationset.yaml";
    /** Per-environment overlays of {@code apps/}, each with its own root app: deployed only when asked for. */
    public static final String ENVS = "envs";
    /** The components' overlays: Argo CD renders them, kfboot deploys nothing from them. */
    public static final String OVERLAYS = "overlays";
    /** kfboot's own bookkeeping. */
    public static final String STATE = ".kfboot";

    static final String MANIFEST = STATE + "/tree.json";

    private TreeLayout() {}

    static String app(String id) {
        return APPS + "/" + id + ".yaml";
    }

    /** Where an app's overlay, or the manifests kfboot writes for it, live. */
    static String overlay(String id) {
        return OVERLAYS + "/" + id;
    }

    public static String env(String name) {
        return ENVS + "/" + name;
    }
}
