package dev.kfboot.generate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.yaml.YamlWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The argocd-cm entry that gives {@code argoproj.io/Application} a health status again (Argo CD removed it in
 * 1.8). Without it a parent's sync waves only order the creation of child Applications and never wait for
 * them to be healthy (facts.md). The Lua is Argo CD's documented one: Progressing until the child reports
 * health, then the child's status and message ({@link ArgoCd#APP_HEALTH_LUA}). Written as a patch of argocd-cm, which
 * Argo CD's own install owns: the README applies it with {@code kubectl patch}, never replacing the ConfigMap.
 */
final class AppHealthCheckPatch {

    private AppHealthCheckPatch() {}

    static String file(TreeContext ctx) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", "argocd-cm");
        meta.put("namespace", ctx.argoNamespace());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "ConfigMap");
        doc.put("metadata", meta);
        doc.put("data", Map.of(ArgoCd.APP_HEALTH_KEY, ArgoCd.APP_HEALTH_LUA));
        return "# Written by kfboot. Merge into Argo CD's argocd-cm (do not replace it):\n"
                + "#   kubectl -n " + ctx.argoNamespace() + " patch configmap argocd-cm --type merge --patch-file "
                + TreeLayout.HEALTH + "\n"
                + "# Without it, sync waves of the root app do not wait for child Applications to be healthy.\n"
                + YamlWriter.write(doc);
    }
}
