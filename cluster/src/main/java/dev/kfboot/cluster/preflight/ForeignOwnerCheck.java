package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import java.util.List;

/**
 * No CRD or Namespace the platform creates already exists under another tool: another Argo CD Application (its
 * tracking annotation, or its label tracking) or a Helm release. Both would fight the platform's app over it
 * (Argo CD reports a SharedResourceWarning; Helm reverts on its next upgrade).
 */
public final class ForeignOwnerCheck implements Check<PreflightContext> {

    @Override
    public String id() {
        return "foreign-owners";
    }

    @Override
    public String title() {
        return "no CRD or namespace of the platform belongs to another tool";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        List<String> foreign = ctx.existing().stream()
                .filter(e -> e.owner().isPresent() && !e.ours())
                .map(e -> e.what() + " (the platform's " + e.created().app() + "): "
                        + e.owner().get())
                .toList();
        int crds = ctx.needs().crds().size();
        int namespaces = ctx.needs().namespaces().size();
        String checked = crds
                + (crds == 1 ? " CRD and " : " CRDs and ")
                + namespaces
                + (namespaces == 1 ? " namespace checked" : " namespaces checked");
        if (foreign.isEmpty()) return CheckResult.pass(this, checked + ", none belongs to another tool");
        return CheckResult.of(
                        this,
                        CheckStatus.FAIL,
                        foreign.size() + (foreign.size() == 1 ? " belongs" : " belong") + " to another tool (" + checked
                                + ")",
                        "the platform's apps would fight that tool over them: uninstall it "
                                + "there, or disable the component in "
                                + "the platform spec and keep the other install")
                .withProblems(foreign);
    }
}
