package dev.kfboot.cluster.preflight;

import dev.kfboot.argocd.ArgoCdVersions;
import dev.kfboot.cluster.LiveMaps;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import dev.kfboot.cluster.health.Health;
import dev.kfboot.cluster.health.HealthChecks;
import dev.kfboot.cluster.install.ArgoCdManifest;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argo CD runs in its namespace (the {@code argocd-server} Deployment exists and is ready) and is 3.0 or newer.
 * The version is the tag of the server's image: Argo CD's install.yaml writes it nowhere else (its ConfigMaps carry
 * no version, its Deployments no version label; every component runs {@code quay.io/argoproj/argocd:vX.Y.Z}). The
 * Helm chart's {@code app.kubernetes.io/version} label is the fallback for images pinned by digest. Older than 3.0
 * is a warning: kfboot relies on Argo CD 3's defaults (annotation tracking, status left out of diffs) and is tested
 * with {@link ArgoCdManifest#DEFAULT_VERSION}. Not installed is a warning too: {@code kfboot install-argocd} is the
 * next step, not a defect of the cluster.
 */
public final class ArgoCdInstalledCheck implements Check<PreflightContext> {

    static final String SERVER = "argocd-server";
    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)\\S*");
    private static final int MINIMUM_MAJOR = 3;

    @Override
    public String id() {
        return "argocd-installed";
    }

    @Override
    public String title() {
        return "Argo CD is installed, 3.0 or newer";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        String ns = ctx.cluster().argoNamespace();
        String install = "`kfboot install-argocd` installs " + ArgoCdManifest.DEFAULT_VERSION;
        if (!ctx.argoNamespaceExists()) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    "not installed: no namespace " + ns,
                    install + " (or pass -n NS if Argo CD runs elsewhere)");
        }
        Deployment server = ctx.cluster()
                .call(
                        "reading Deployment " + SERVER,
                        () -> ctx.cluster()
                                .client()
                                .apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName(SERVER)
                                .get());
        if (server == null) {
            return CheckResult.of(
                    this, CheckStatus.WARN, "not installed: namespace " + ns + " has no Deployment " + SERVER, install);
        }
        String version = version(server);
        Health health = HealthChecks.standard().of(LiveMaps.of(server)).orElseThrow();
        String where = (version == null ? "version unknown" : version) + " in namespace " + ns;
        if (!health.isHealthy()) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    where + "; " + SERVER + " is not ready: " + health,
                    "kubectl -n " + ns + " describe deployment " + SERVER);
        }
        if (version == null) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    where + " (image " + image(server) + ")",
                    "kfboot is tested with Argo CD " + ArgoCdManifest.DEFAULT_VERSION
                            + "; check yours with `argocd version`");
        }
        Matcher m = VERSION.matcher(version);
        if (m.matches() && Integer.parseInt(m.group(1)) < MINIMUM_MAJOR) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    where + "; kfboot relies on Argo CD 3's defaults (annotation "
                            + "tracking, status left out of diffs)",
                    install + " (an upgrade)");
        }
        var defect = ArgoCdVersions.waveDefect(version);
        if (defect.isPresent()) {
            return CheckResult.of(
                    this,
                    CheckStatus.WARN,
                    where + "; " + defect.get(),
                    "apply kfboot's Application health check (it treats a Missing resource as "
                            + "not healthy), or move to 3.3.9 or a release with the fix");
        }
        return CheckResult.pass(this, where);
    }

    /** The tag of the server container's image, else the Helm chart's version label; null when neither says. */
    static String version(Deployment d) {
        String tag = tag(image(d));
        if (tag != null && VERSION.matcher(tag).matches()) return tag;
        Map<String, String> labels = d.getMetadata().getLabels();
        String label = labels == null ? null : labels.get("app.kubernetes.io/version");
        return label != null && VERSION.matcher(label).matches() ? label : null;
    }

    private static String image(Deployment d) {
        List<Container> containers = d.getSpec() == null
                        || d.getSpec().getTemplate() == null
                        || d.getSpec().getTemplate().getSpec() == null
                ? List.of()
                : d.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream()
                .filter(c -> SERVER.equals(c.getName()))
                .findFirst()
                .or(() -> containers.stream().findFirst())
                .map(Container::getImage)
                .orElse("");
    }

    /** "quay.io/argoproj/argocd:v3.5.1" to "v3.5.1"; null for an image without a tag (a digest alone). */
    private static String tag(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        return colon < 0 || colon < ref.lastIndexOf('/') ? null : ref.substring(colon + 1);
    }
}
