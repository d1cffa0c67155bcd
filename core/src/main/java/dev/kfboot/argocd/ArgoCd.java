package dev.kfboot.argocd;

import dev.kfboot.model.GroupKind;
import java.util.List;

/** Names and limits of Argo CD that kfboot relies on (Argo CD v3.5; see facts.md). */
public final class ArgoCd {

    public static final String API_VERSION = "argoproj.io/v1alpha1";
    public static final GroupKind APPLICATION = new GroupKind("argoproj.io", "Application");
    public static final GroupKind APPLICATION_SET = new GroupKind("argoproj.io", "ApplicationSet");
    public static final GroupKind APP_PROJECT = new GroupKind("argoproj.io", "AppProject");

    public static final String NAMESPACE = "argocd";
    public static final String IN_CLUSTER = "https://kubernetes.default.svc";

    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    public static final String COMPARE_OPTIONS = "argocd.argoproj.io/compare-options";
    /** Deleting an Application cascades to its resources only with this finalizer. */
    public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

    /** The ConfigMap of Argo CD's settings. */
    public static final String CM = "argocd-cm";

    /** The argocd-cm key of the Lua health check that makes parent waves wait for child Applications. */
    public static final String APP_HEALTH_KEY = "resource.customizations.health.argoproj.io_Application";

    /**
     * Argo CD's documented Lua for it (Progressing until the child reports health, then the child's health), with
     * three guards so a wave is never released on a stale or wrong verdict: Progressing while an operation runs,
     * Progressing while {@code status.sync.comparedTo} does not match the current {@code spec.source}/{@code sources}
     * (the guard of argoproj/argo-cd PR #29649), and not Healthy while a resource in {@code status.resources} is
     * Missing (Argo CD 3.4.x lets a child whose resources failed to apply aggregate to Healthy, argo-cd#27917).
     */
    public static final String APP_HEALTH_LUA = """
            hs = {}
            hs.status = "Progressing"
            hs.message = ""
            local function covers(want, got)
              if want == nil then return true end
              if got == nil then return false end
              if type(want) ~= "table" then return want == got end
              if type(got) ~= "table" then return false end
              for k, v in pairs(want) do
                if not covers(v, got[k]) then return false end
              end
              return true
            end
            if obj.status == nil or obj.status.health == nil then
              return hs
            end
            if obj.status.operationState ~= nil and obj.status.operationState.phase == "Running" then
              hs.message = "an operation is running"
              return hs
            end
            local spec = obj.spec or {}
            local compared = obj.status.sync and obj.status.sync.comparedTo
            if compared ~= nil and (not covers(spec.source, compared.source) or not covers(spec.sources, \
            compared.sources)) then
              hs.message = "not yet compared with its current source"
              return hs
            end
            hs.status = obj.status.health.status
            if obj.status.health.message ~= nil then
              hs.message = obj.status.health.message
            end
            if hs.status == "Healthy" and obj.status.resources ~= nil then
              for _, r in ipairs(obj.status.resources) do
                if r.health ~= nil and r.health.status == "Missing" then
                  hs.status = "Progressing"
                  hs.message = (r.kind or "") .. " " .. (r.name or "") .. " is Missing: it was not applied"
                  return hs
                end
              end
            end
            return hs
            """;

    /**
     * Client-side apply stores the whole object in the last-applied annotation, which the API server caps at
     * 262,144 bytes: larger objects (CRDs) need server-side apply or Replace.
     */
    public static final int LAST_APPLIED_LIMIT = 262_144;

    /** Sync options kfboot emits or checks. */
    public static final String SERVER_SIDE_APPLY = "ServerSideApply=true";

    public static final String REPLACE = "Replace=true";
    public static final String CREATE_NAMESPACE = "CreateNamespace=true";
    public static final String PRUNE_LAST = "PruneLast=true";
    public static final String RESPECT_IGNORE_DIFFERENCES = "RespectIgnoreDifferences=true";
    public static final String SKIP_DRY_RUN_ON_MISSING = "SkipDryRunOnMissingResource=true";
    public static final String PRUNE_FALSE = "Prune=false";
    public static final String DELETE_FALSE = "Delete=false";

    /** Kinds whose deletion takes data with it; auto-pruning them is how clusters lose every profile. */
    public static final List<GroupKind> PRUNE_SENSITIVE =
            List.of(new GroupKind("", "Namespace"), new GroupKind("apiextensions.k8s.io", "CustomResourceDefinition"));

    /** The CRD whose deletion deletes every profile namespace (upstream README). */
    public static final String PROFILES_CRD = "profiles.kubeflow.org";

    private ArgoCd() {}
}
