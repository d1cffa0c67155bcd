package dev.kfboot.generate;

/** The files and directories of a generated tree, by their path inside it. */
final class TreeLayout {

    static final String README = "README.md";
    static final String ROOT_APP = "root-app.yaml";
    static final String PROJECTS = "projects.yaml";
    static final String HEALTH = "argocd-cm-health.yaml";
    static final String APPS = "apps";
    static final String APPS_KUSTOMIZATION = "apps/kustomization.yaml";
    static final String APPLICATION_SET = "applicationset.yaml";
    static final String MANIFEST = ".kfboot/tree.json";

    private TreeLayout() {}

    static String app(String id) {
        return APPS + "/" + id + ".yaml";
    }

    /** Where an app's overlay, or the manifests kfboot writes for it, live. */
    static String overlay(String id) {
        return "overlays/" + id;
    }

    static String env(String name) {
        return "envs/" + name;
    }
}
