package dev.kfboot.model;

import java.util.Locale;

/** A Kubernetes group and kind; the core group is the empty string. */
public record GroupKind(String group, String kind) implements Comparable<GroupKind> {

    public GroupKind {
        group = group == null ? "" : group;
    }

    /** Parses the group out of an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
    public static GroupKind of(String apiVersion, String kind) {
        return new GroupKind(groupOf(apiVersion), kind);
    }

    public static String groupOf(String apiVersion) {
        if (apiVersion == null) return "";
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** kubectl's resource spelling: {@code deployment.apps}, {@code namespace}. */
    public String kubectlName() {
        String k = kind.toLowerCase(Locale.ROOT);
        return group.isEmpty() ? k : k + "." + group;
    }

    /** {@code Certificate.cert-manager.io}, the way Kubernetes errors name a kind. */
    @Override
    public String toString() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    @Override
    public int compareTo(GroupKind o) {
        int c = group.compareTo(o.group);
        return c != 0 ? c : kind.compareTo(o.kind);
    }
}
