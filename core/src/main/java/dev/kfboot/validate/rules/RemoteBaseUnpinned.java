package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RemoteRef;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A remote base with no {@code ?ref=} or with a branch ref ({@link RemoteRef}): every render fetches whatever the
 * branch holds that day, so two syncs of one commit of the tree can deploy different objects and nothing in the tree's
 * history says what ran. Separate from {@code remote-base}, which is about the fetch itself; names every such base.
 */
final class RemoteBaseUnpinned extends AbstractRule {

    RemoteBaseUnpinned() {
        super(new RuleInfo(
                "remote-base-unpinned",
                Severity.WARNING,
                "A remote base has no ref or a branch ref: it deploys whatever the branch holds at sync time"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            List<String> moving = new ArrayList<>();
            for (String url : ctx.renders().remoteUrls(app.id())) {
                Optional<RemoteRef> ref = RemoteRef.of(url);
                if (ref.isPresent() && ref.get().branch()) moving.add(ref.get().describe());
            }
            if (moving.isEmpty()) continue;
            out.add(finding(
                    app,
                    app.sourceAt(0, "path"),
                    "fetches " + Texts.plural(moving.size(), "remote base")
                            + " that no tag or commit pins: " + String.join(", ", moving)
                            + "; each sync deploys whatever the branch holds that day, not what "
                            + "this commit of the tree says",
                    "pin each base to a tag or a commit (?ref=v1.2.3), or vendor it into the repository"));
        }
        return out;
    }
}
