package dev.kfboot.catalog;

/**
 * The oldest Kubernetes a release supports, and why: the release's own notes name no figure, so it is the floor
 * of the most demanding component it ships (Istio's supported range), kept by hand in the catalog YAML.
 *
 * @param minimum "major.minor", e.g. {@code 1.31}
 * @param reason  where the figure comes from, shown by {@code kfboot preflight}
 */
public record KubernetesRequirement(String minimum, String reason) {

    public KubernetesRequirement {
        if (!minimum.matches("\\d+\\.\\d+")) throw new IllegalArgumentException("not major.minor: " + minimum);
    }

    public int major() {
        return Integer.parseInt(minimum.substring(0, minimum.indexOf('.')));
    }

    public int minor() {
        return Integer.parseInt(minimum.substring(minimum.indexOf('.') + 1));
    }

    /** Whether a server of version {@code major.minor} is new enough. */
    public boolean admits(int serverMajor, int serverMinor) {
        return serverMajor > major() || serverMajor == major() && serverMinor >= minor();
    }
}
