package dev.kfboot.cluster.verify;

import io.fabric8.kubernetes.api.model.Namespace;
import java.util.List;

/** The user's profile namespace exists: the profile controller created it from the user namespace's Profile. */
public final class ProfileNamespaceCheck implements Check {

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
            return new CheckResult(
                    id(),
                    title(),
                    false,
                    "namespace " + name,
                    List.of(name + ": missing (is the user-namespace app deployed, and its Profile reconciled?)"));
        }
        String phase = ns.getStatus() == null ? null : ns.getStatus().getPhase();
        if ("Terminating".equals(phase)) {
            return new CheckResult(id(), title(), false, "namespace " + name, List.of(name + ": Terminating"));
        }
        return new CheckResult(id(), title(), true, "namespace " + name + " exists", List.of());
    }
}
