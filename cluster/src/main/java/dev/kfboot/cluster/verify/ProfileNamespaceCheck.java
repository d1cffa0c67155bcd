package dev.kfboot.cluster.verify;

import dev.kfboot.cluster.check.Check;
import dev.kfboot.cluster.check.CheckResult;
import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;

/** The user's profile namespace exists: the profile controller created it from the user namespace's Profile. */
public final class ProfileNamespaceCheck implements Check<VerifyContext> {

    @Override
    public String id() {
        return "profile-namespace";
    }

    @Override
    public String title() {
        return "the user profile namespace exists";
    }

    @Override
    public CheckResult run(VerifyContext ctx) {
        String name = ctx.profileNamespace();
        Namespace ns = ctx.cluster()
                .call(
                        "reading namespace " + name,
                        () -> ctx.cluster().client().namespaces().withName(name).get());
        if (ns == null) {
            return CheckResult.fail(
                    this,
                    "namespace " + name,
                    List.of(name + ": missing (is the user-namespace app deployed, and its Profile reconciled?)"));
        }
        String phase = ns.getStatus() == null ? null : ns.getStatus().getPhase();
        if ("Terminating".equals(phase)) {
            return CheckResult.fail(this, "namespace " + name, List.of(name + ": Terminating"));
        }
        return CheckResult.pass(this, "namespace " + name + " exists");
    }
}
