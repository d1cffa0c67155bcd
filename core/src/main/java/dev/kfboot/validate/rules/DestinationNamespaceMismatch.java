package dev.kfboot.validate.rules;

import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.Finding;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.CatalogMatch;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The destination namespace does not fit the objects: namespaced objects without a namespace under an app
 * with no destination namespace (the apply fails); objects without a namespace that land in a destination
 * other than the namespace the component belongs in (model registry in istio-system); or a destination no
 * object uses because every object names another namespace (the seeds' web apps in istio-system), a
 * warning.
 */
final class DestinationNamespaceMismatch extends AbstractRule {

    DestinationNamespaceMismatch() {
        super(new RuleInfo(
                "destination-namespace-mismatch",
                Severity.ERROR,
                "An app's destination namespace does not match where its objects belong"));
    }

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (TreeApp app : ctx.appsWithObjects()) {
            String dest = app.app().destinationNamespace();
            Set<ResourceId> defaulted = new TreeSet<>();
            Set<ResourceId> parameters = new TreeSet<>();
            Set<String> named = new TreeSet<>();
            for (Inventory.Entry e : ctx.inventory().of(app.id())) {
                if (e.scope() != Scope.NAMESPACED) continue;
                if (e.quirk() != Inventory.Quirk.NAMESPACE_DEFAULTED) named.add(e.namespace());
                // parameter ConfigMaps kustomize leaves without a namespace: Argo CD puts them in the destination,
                // harmlessly
                else if (e.object().is("", "ConfigMap"))
                    parameters.add(e.object().id());
                else defaulted.add(e.object().id());
            }
            var at = app.at("spec", "destination", "namespace");
            if (dest == null && (!defaulted.isEmpty() || !parameters.isEmpty())) {
                Set<ResourceId> all = new TreeSet<>(defaulted);
                all.addAll(parameters);
                out.add(finding(
                                app,
                                at,
                                Texts.plural(all.size(), "namespaced object") + " set no namespace and the app "
                                        + "has no destination namespace: " + Texts.some(all, 3) + "; the sync fails",
                                "set spec.destination.namespace")
                        .about(first(all)));
                continue;
            }
            if (dest == null) continue;
            String expected = expectedNamespace(ctx, app);
            if (!defaulted.isEmpty() && expected != null && !expected.equals(dest)) {
                out.add(finding(
                                app,
                                at,
                                Texts.plural(defaulted.size(), "object")
                                        + " without a namespace land in the destination " + dest + ", but "
                                        + component(ctx, app) + " belongs in " + expected + ": "
                                        + Texts.some(defaulted, 3),
                                "set spec.destination.namespace to " + expected)
                        .about(first(defaulted)));
            } else if (defaulted.isEmpty() && !named.isEmpty() && !named.contains(dest)) {
                out.add(finding(
                        Severity.WARNING,
                        app,
                        at,
                        "destination namespace " + dest + " is not used: every namespaced object "
                                + "names its own namespace (" + String.join(", ", named) + ")",
                        "set spec.destination.namespace to " + named.iterator().next()
                                + ", where the objects go, so the app shows and creates the right namespace"));
            }
        }
        return out;
    }

    private static String expectedNamespace(ValidationContext ctx, TreeApp app) {
        List<CatalogMatch.Coverage> cs = ctx.catalog().of(app.id());
        return cs.size() == 1 ? cs.get(0).component().namespace() : null;
    }

    private static String component(ValidationContext ctx, TreeApp app) {
        return "the release's " + ctx.catalog().of(app.id()).get(0).component().id() + " component";
    }

    private static String first(Set<ResourceId> ids) {
        return ids.iterator().next().toString();
    }
}
