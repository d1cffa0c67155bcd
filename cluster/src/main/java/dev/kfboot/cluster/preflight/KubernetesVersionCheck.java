package dev.kfboot.cluster.preflight;

import dev.kfboot.catalog.KubernetesRequirement;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import io.fabric8.kubernetes.client.VersionInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The API server's version ({@code /version}) is at least the release's minimum (the catalog's figure and reason). */
public final class KubernetesVersionCheck implements Check<PreflightContext> {

    /** Managed offerings answer minors such as "31+" (EKS, GKE): the leading number counts. */
    private static final Pattern LEADING = Pattern.compile("^(\\d+)");

    @Override
    public String id() {
        return "kubernetes-version";
    }

    @Override
    public String title() {
        return "Kubernetes is new enough for the release";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        VersionInfo v = ctx.cluster()
                .call("reading the server version", () -> ctx.cluster().client().getKubernetesVersion());
        KubernetesRequirement min = ctx.needs().kubernetes();
        String shown = v == null
                ? "unknown"
                : v.getGitVersion() != null ? v.getGitVersion() : v.getMajor() + "." + v.getMinor();
        if (min == null) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    shown + "; the catalog of release " + ctx.needs().release() + " names no minimum",
                    "check the release notes of kubeflow/manifests "
                            + ctx.needs().release());
        }
        Integer major = v == null ? null : leading(v.getMajor());
        Integer minor = v == null ? null : leading(v.getMinor());
        String needed = "release " + ctx.needs().release() + " needs " + min.minimum() + "+ (" + min.reason() + ")";
        if (major == null || minor == null) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    "the server reports version " + shown + "; " + needed,
                    "check the server version with `kubectl version`");
        }
        if (!min.admits(major, minor)) {
            return CheckResult.of(
                    this,
                    CheckStatus.FAIL,
                    shown + "; " + needed,
                    "upgrade the cluster to Kubernetes " + min.minimum()
                            + " or newer, or install an older kubeflow/manifests release "
                            + "(`release:` in the platform spec)");
        }
        return CheckResult.pass(this, shown + "; " + needed);
    }

    private static Integer leading(String s) {
        if (s == null) return null;
        Matcher m = LEADING.matcher(s.trim());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
