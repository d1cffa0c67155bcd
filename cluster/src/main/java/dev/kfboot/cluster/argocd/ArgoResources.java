package dev.kfboot.cluster.argocd;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Argo CD's resources as fabric8 addresses them without discovery. */
public final class ArgoResources {

    public static final ResourceDefinitionContext APPLICATION = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("Application")
            .withPlural("applications")
            .withNamespaced(true)
            .build();

    public static final ResourceDefinitionContext APP_PROJECT = new ResourceDefinitionContext.Builder()
            .withGroup("argoproj.io")
            .withVersion("v1alpha1")
            .withKind("AppProject")
            .withPlural("appprojects")
            .withNamespaced(true)
            .build();

    /** Argo CD processes this annotation and removes it: {@code normal} or {@code hard} (also re-renders manifests). */
    public static final String REFRESH_ANNOTATION = "argocd.argoproj.io/refresh";

    /** The {@code operation.info} entry that marks an operation kfboot started, with its id. */
    public static final String OPERATION_INFO = "kfboot-operation";

    /** Who kfboot says initiated its operations (Argo CD shows it in the UI and history). */
    public static final String INITIATOR = "kfboot";

    private ArgoResources() {}
}
