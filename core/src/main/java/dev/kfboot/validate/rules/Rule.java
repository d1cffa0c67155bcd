package dev.kfboot.validate.rules;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.List;

/**
 * One check of an app-of-apps tree: a stable slug (the id in text, JSON and SARIF output), a default
 * severity, a one-line title, a documentation page ({@code docs/rules/<slug>.md}), and a pure function from
 * the validation context to findings.
 */
public interface Rule {

    String slug();

    /** The severity of its findings unless a finding says otherwise (SARIF's default level). */
    Severity severity();

    /** What it checks, in one line. */
    String title();

    List<Finding> check(ValidationContext ctx);

    /** The documentation page, relative to the repository root. */
    default String docsPage() {
        return "docs/rules/" + slug() + ".md";
    }

    /** A finding of this rule about an app, at a location in the tree. */
    default Finding finding(TreeApp app, Location at, String message, String hint) {
        return finding(severity(), app, at, message, hint);
    }

    default Finding finding(Severity severity, TreeApp app, Location at, String message, String hint) {
        return new Finding(slug(), severity, app == null ? null : app.id(), null, at, message, hint);
    }
}
