package dev.kfboot.cluster.preflight;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import dev.kfboot.cluster.check.CheckStatus;
import java.util.List;

/**
 * No CRD or Namespace the platform creates exists without an owner: such objects come from an install by hand
 * ({@code kubectl apply -k}, the seeds' starting point), which Argo CD will take over on the first sync. That is a
 * warning, not a failure: {@code kfboot adopt DIR} shows what each app will adopt, change and leave unmanaged.
 * Objects the platform's own Applications already manage (a re-run after deploying) pass.
 */
public final class EarlierInstallCheck implements Check<PreflightContext> {

    @Override
    public String id() {
        return "earlier-install";
    }

    @Override
    public String title() {
        return "no earlier install of the platform's CRDs or namespaces";
    }

    @Override
    public CheckResult run(PreflightContext ctx) {
        List<String> unowned = ctx.existing().stream()
                .filter(e -> e.owner().isEmpty())
                .map(e -> e.what() + " (the platform's " + e.created().app() + ")")
                .toList();
        long ours =
                ctx.existing().stream().filter(PreflightContext.Existing::ours).count();
        if (unowned.isEmpty()) {
            return CheckResult.pass(
                    this,
                    ours == 0
                            ? "none exists yet"
                            : ours == 1
                                    ? "1 exists, managed by the platform's own Application"
                                    : ours + " exist, each managed by the platform's own Application");
        }
        return CheckResult.of(
                        this,
                        CheckStatus.WARN,
                        unowned.size() + (unowned.size() == 1 ? " exists" : " exist")
                                + " without an owner (installed by hand?)",
                        "`kfboot adopt DIR` shows what each app of the tree takes over, changes and leaves unmanaged")
                .withProblems(unowned);
    }
}
