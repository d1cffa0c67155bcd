package dev.kfboot.cluster.install;

import dev.kfboot.argocd.ArgoCd;

/**
 * The health check Argo CD 1.8 removed for {@code argoproj.io/Application} (facts.md): without it a parent app
 * neither waits for its children nor shows their health. It is the Lua customization from Argo CD's own
 * documentation: an Application is as healthy as it reports, Progressing until it reports.
 */
public final class ApplicationHealthCheck {

    /** The argocd-cm key. */
    public static final String KEY = ArgoCd.APP_HEALTH_KEY;

    public static final String LUA = """
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            if obj.status ~= nil then
              if obj.status.health ~= nil then
                hs.status = obj.status.health.status
                if obj.status.health.message ~= nil then
                  hs.message = obj.status.health.message
                end
              end
            end
            return hs
            """;

    private ApplicationHealthCheck() {}
}
