package dev.kfboot.validate.rules;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.PodSecurityLevel;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workload whose pod template breaks the Pod Security level its namespace enforces
 * ({@code pod-security.kubernetes.io/enforce}: baseline or restricted): the API server refuses its pods, the
 * workload never becomes ready, and the dashboard answers "no healthy upstream" (the seeds' case).
 */
final class PssViolation extends AbstractRule {

    PssViolation() {
        super(new RuleInfo(
                "pss-violation",
                Severity.ERROR,
                "A pod template breaks the Pod Security level (baseline/restricted) its namespace enforces"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<String, Optional<PodSecurityLevel>> levels = new HashMap<>();
        for (Inventory.Entry e : ctx.inventory().entries()) {
            KubeObject o = e.object();
            if (!o.createsPods() || o.body() == null || e.namespace() == null) continue;
            Optional<PodSecurityLevel> level =
                    levels.computeIfAbsent(e.namespace(), ns -> PodSecurityLevel.enforcedBy(ctx.namespaceLabels(ns)));
            if (level.isEmpty() || level.get() == PodSecurityLevel.PRIVILEGED) continue;
            Map<String, Object> pod = PodSecurityStandards.podTemplate(o.body(), o.id().kind());
            if (pod == null) continue;
            List<String> violations = PodSecurityStandards.violations(pod, level.get());
            if (violations.isEmpty()) continue;
            TreeApp app = ctx.app(e.component());
            out.add(finding(
                            app,
                            app.sourceAt(0, "path"),
                            "pods of " + o.id().withNamespace(e.namespace())
                                    + " violate PodSecurity \"" + level.get().label() + "\" enforced on namespace "
                                    + e.namespace() + ": "
                                    + String.join("; ", violations),
                            "set the securityContext the check names (a kustomize patch in the "
                                    + "tree), or run the workload in a "
                                    + "namespace whose pod-security.kubernetes.io/enforce level allows it")
                    .about(o.id().withNamespace(e.namespace()).toString()));
        }
        return out;
    }
}
