package dev.kfboot.upgrade;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.GroupKind;
import java.util.Set;

/**
 * The objects whose deletion takes data with it: PersistentVolumeClaims (their volumes), Namespaces (everything in
 * them), CRDs (every custom resource). The Profiles CRD and Profiles themselves are never to be deleted: deleting
 * either deletes user namespaces.
 */
final class DataKinds {

    static final GroupKind PVC = new GroupKind("", "PersistentVolumeClaim");
    static final GroupKind NAMESPACE = new GroupKind("", "Namespace");
    static final GroupKind CRD = new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition");
    private static final Set<GroupKind> DATA = Set.of(PVC, NAMESPACE, CRD);
    static final String KEEP = ArgoCd.PRUNE_FALSE + "," + ArgoCd.DELETE_FALSE;

    private DataKinds() {}

    static boolean holdsData(GroupKind kind) {
        return DATA.contains(kind);
    }

    static boolean isProfilesCrd(KubeObject o) {
        return o.isCrd() && o.id().name().equals(ArgoCd.PROFILES_CRD);
    }

    /** A custom resource of the Profiles CRD: each one owns a user namespace. */
    static boolean isProfile(KubeObject o, GroupKind profileKind) {
        return profileKind != null && o.groupKind().equals(profileKind);
    }

    static String what(GroupKind kind) {
        if (kind.equals(PVC)) return "its volume";
        if (kind.equals(NAMESPACE)) return "every object in it";
        if (kind.equals(CRD)) return "every custom resource of it";
        return "its data";
    }
}
