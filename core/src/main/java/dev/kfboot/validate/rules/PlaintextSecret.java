package dev.kfboot.validate.rules;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Secret whose data is in the repository (a manifest or a secretGenerator's input): anyone who can read the
 * repository can read it, and it stays in git history. Names the Secret and its keys, never a value.
 */
final class PlaintextSecret extends AbstractRule {

    PlaintextSecret() {
        super(new RuleInfo(
                "plaintext-secret",
                Severity.WARNING,
                "A Secret's data is committed to the repository in plain text (base64 is not encryption)"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Inventory.Entry e : ctx.inventory().entries()) {
            KubeObject o = e.object();
            if (!o.is("", "Secret") || o.body() == null) continue;
            TreeSet<String> keys = new TreeSet<>();
            for (String field : List.of("data", "stringData")) {
                if (!(o.body().get(field) instanceof Map<?, ?> m)) continue;
                m.forEach((k, v) -> {
                    if (v != null && !String.valueOf(v).isEmpty()) keys.add(String.valueOf(k));
                });
            }
            if (keys.isEmpty()) continue;
            TreeApp app = ctx.app(e.component());
            String id = o.id().withNamespace(e.namespace()).toString();
            out.add(finding(
                            app,
                            app.sourceAt(0, "path"),
                            "Secret " + id + " is committed with " + Texts.plural(keys.size(), "key") + " of data ("
                                    + Texts.some(keys, 5) + "): anyone who can read the repository can read them",
                            "keep the values out of git: Sealed Secrets, External Secrets or "
                                    + "SOPS, or create the Secret in the cluster")
                    .about(id));
        }
        return out;
    }
}
