package dev.kfboot.argocd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.yaml.RenderedYaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The Application health check kfboot generates, run by a Lua engine (luaj) on fixture Applications the way Argo CD
 * runs it: {@code obj} is the Application, the script returns {status, message}.
 */
class AppHealthLuaTest {

    private static final String SPEC = """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: kserve, namespace: argocd}
            spec:
              source: {repoURL: "https://github.com/acme/kubeflow.git", path: applications/kserve/kserve, \
            targetRevision: "26.03.1"}
            """;

    private static Map<String, String> health(String statusYaml) {
        String yaml = SPEC + statusYaml;
        Map<String, Object> app = RenderedYaml.parse(yaml).get(0);
        Globals g = JsePlatform.standardGlobals();
        g.set("obj", lua(app));
        LuaValue hs = g.load(ArgoCd.APP_HEALTH_LUA, "health.lua").call();
        return Map.of(
                "status",
                hs.get("status").tojstring(),
                "message",
                hs.get("message").tojstring());
    }

    private static LuaValue lua(Object o) {
        if (o instanceof Map<?, ?> m) {
            LuaTable t = new LuaTable();
            m.forEach((k, v) -> t.set(String.valueOf(k), lua(v)));
            return t;
        }
        if (o instanceof List<?> l) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < l.size(); i++) t.set(i + 1, lua(l.get(i)));
            return t;
        }
        if (o instanceof Boolean b) return LuaValue.valueOf(b);
        if (o instanceof Number n) return LuaValue.valueOf(n.doubleValue());
        return o == null ? LuaValue.NIL : LuaValue.valueOf(String.valueOf(o));
    }

    @Test
    void noHealthYetIsProgressing() {
        assertThat(health("")).containsEntry("status", "Progressing");
    }

    @Test
    void currentHealthyVerdictIsHealthy() {
        assertThat(health("""
                status:
                  health: {status: Healthy}
                  sync:
                    status: Synced
                    comparedTo:
                      source: {repoURL: "https://github.com/acme/kubeflow.git", path: applications/kserve/kserve, \
                targetRevision: "26.03.1"}
                  operationState: {phase: Succeeded}
                  resources:
                    - {kind: Deployment, name: kserve-controller-manager, health: {status: Healthy}}
                """)).containsEntry("status", "Healthy");
    }

    @Test
    void verdictComparedWithAnOlderSourceIsProgressing() {
        // the child's spec moved to 26.03.1; the Healthy verdict is from 26.03 (argo-cd PR #29649)
        assertThat(health("""
                status:
                  health: {status: Healthy}
                  sync:
                    status: Synced
                    comparedTo:
                      source: {repoURL: "https://github.com/acme/kubeflow.git", path: applications/kserve/kserve, \
                targetRevision: "26.03"}
                """))
                .containsEntry("status", "Progressing")
                .containsEntry("message", "not yet compared with its current source");
    }

    @Test
    void runningOperationIsProgressing() {
        assertThat(health("""
                status:
                  health: {status: Healthy}
                  operationState: {phase: Running}
                """))
                .containsEntry("status", "Progressing")
                .containsEntry("message", "an operation is running");
    }

    @Test
    void missingResourceWithAHealthyAggregateIsNotHealthy() {
        // Argo CD 3.4.x: a resource that failed to apply (Live nil, health Missing) leaves the aggregate Healthy
        // (#27917)
        Map<String, String> hs = health("""
                status:
                  health: {status: Healthy}
                  sync:
                    status: OutOfSync
                    comparedTo:
                      source: {repoURL: "https://github.com/acme/kubeflow.git", path: applications/kserve/kserve, \
                targetRevision: "26.03.1"}
                  resources:
                    - {kind: Deployment, name: kserve-controller-manager, health: {status: Healthy}}
                    - {kind: ClusterServingRuntime, name: kserve-huggingfaceserver, health: {status: Missing}}
                """);
        assertThat(hs.get("status")).isNotEqualTo("Healthy").isEqualTo("Progressing");
        assertThat(hs.get("message")).contains("ClusterServingRuntime kserve-huggingfaceserver is Missing");
    }

    @Test
    void degradedChildStaysDegraded() {
        assertThat(health("""
                status:
                  health: {status: Degraded, message: "back-off"}
                """)).containsEntry("status", "Degraded").containsEntry("message", "back-off");
    }
}
