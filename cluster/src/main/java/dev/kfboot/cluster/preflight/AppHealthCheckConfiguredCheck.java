package dev.kfboot.cluster.preflight;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;

/**
 * {@code argocd-cm} has the health check for {@code argoproj.io/Application} (either key spelling): without it an
 * app of apps' sync waves only order the creation of child Applications and never wait for them (facts.md).
 * Without Argo CD there is nothing to check yet.
 */
public final class AppHealthCheckConfiguredCheck implements Check<PreflightContext> {

    /** The older form: one {@code resource.customizations} YAML holding every kind's customizations. */
    static final String OLD_STYLE = "resource.customizations";

    @Override
    public String id() {
        return "argocd-app-health";
    }

    @Override
    public String title() {
        return "argocd-cm has the Application health check";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        if (!ctx.argoNamespaceExists())
            return CheckResult.of(this, CheckStatus.INFO, "not checked: Argo CD is not installed", null);
        String ns = ctx.cluster().argoNamespace();
        ConfigMap cm = ctx.cluster()
                .call(
                        "reading argocd-cm",
                        () -> ctx.cluster()
                                .client()
                                .configMaps()
                                .inNamespace(ns)
                                .withName("argocd-cm")
                                .get());
        String fix = "`kfboot install-argocd` adds it (or add " + ArgoCd.APP_HEALTH_KEY + " to argocd-cm yourself)";
        if (cm == null) return CheckResult.of(this, CheckStatus.WARN, "no ConfigMap argocd-cm in " + ns, fix);
        Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
        String key = data.get(ArgoCd.APP_HEALTH_KEY);
        String old = data.get(OLD_STYLE);
        if (key != null && !key.isBlank()) return CheckResult.pass(this, ArgoCd.APP_HEALTH_KEY + " is set");
        if (old != null && old.contains("argoproj.io/Application") && old.contains("health.lua")) {
            return CheckResult.pass(this, "set in " + OLD_STYLE);
        }
        return CheckResult.of(
                this, CheckStatus.WARN, "missing: an app of apps' waves will not wait for its children", fix);
    }
}
