package dev.kfboot.validate.rules;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.graph.MissingProviders;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KindTable;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.validate.CatalogMatch;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.ValidationContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Something the tree's apps need is not installed by any app:
 * <ul>
 *   <li>custom resources whose CRD no app ships (user-namespace's Profile without profiles); an error naming
 *       the release component that ships it, a warning when no component does (install it first);</li>
 *   <li>caBundles that cert-manager's cainjector fills, with no cert-manager (webhooks without cert-manager);</li>
 *   <li>the release's core set (core-components.yaml) incomplete in a tree that installs Kubeflow applications
 *       (the seeds' missing profiles, admission-webhook, pvcviewer-controller, user-namespace), a warning; the release
 *       is the tree's own ({@link CatalogMatch#basis}), and for a release kfboot has no catalog for, the core
 *       components of known releases that its example lists, said in an info finding;</li>
 *   <li>a component of which the tree's apps together render less than {@value #PARTIAL} (model registry's
 *       base without its database), a warning on the app rendering most of it.</li>
 * </ul>
 */
final class MissingComponent extends AbstractRule {

    MissingComponent() {
        super(new RuleInfo(
                "missing-component",
                Severity.ERROR,
                "A component the tree's apps need is absent, or the release's core set is incomplete"));
    }

    static final double PARTIAL = 0.8;
    private static final GroupKind CERTIFICATE = new GroupKind("cert-manager.io", "Certificate");
    private static final Set<GroupKind> ARGO_KINDS =
            Set.of(ArgoCd.APPLICATION, ArgoCd.APPLICATION_SET, ArgoCd.APP_PROJECT);

    @Override
    public List<Finding> check(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        Map<GroupKind, String> crdProviders = ctx.catalog().crdProviders();
        for (TreeApp app : ctx.componentApps()) out.addAll(unprovided(ctx, app, crdProviders));
        out.addAll(partial(ctx));
        out.addAll(core(ctx));
        return out;
    }

    /**
     * Kinds without a CRD in the tree and caBundles without cert-manager: the verdict of {@link MissingProviders}, the
     * same as plan's for a platform, with the fix in a tree's words and the app's source path as the location.
     */
    private List<Finding> unprovided(ValidationContext ctx, TreeApp app, Map<GroupKind, String> crdProviders) {
        Inventory inv = ctx.inventory();
        MissingProviders missing = new MissingProviders(crdProviders, "tree");
        Set<GroupKind> seen = new HashSet<>();
        boolean caBundle = false;
        for (Inventory.Entry e : inv.of(app.id())) {
            KubeObject o = e.object();
            GroupKind gk = o.groupKind();
            if (!KindTable.isBuiltin(gk)
                    && !ARGO_KINDS.contains(gk)
                    && inv.crdsDefining(gk).isEmpty()
                    && seen.add(gk)) {
                missing.kind(app.id(), gk, o.id().toString());
            }
            boolean injected = o.annotations().keySet().stream().anyMatch(k -> k.startsWith("cert-manager.io/inject-"));
            if (injected && !caBundle && inv.crdsDefining(CERTIFICATE).isEmpty()) {
                caBundle = true;
                missing.caBundle(app.id(), o.id().toString());
            }
        }
        Location at = app.sourceAt(0, "path");
        // one rule id in validate: a kind no component ships is this rule's warning
        return missing.findings(IN_TREE).stream()
                .map(f -> new Finding(slug(), f.severity(), f.app(), f.resource(), at, f.message(), f.hint()))
                .toList();
    }

    /** The fixes in an Argo CD tree: Applications, not spec entries. */
    static final MissingProviders.Fixes IN_TREE = new MissingProviders.Fixes() {
        @Override
        public String addComponent(String component) {
            return "add an Application for " + component + " in an earlier sync wave";
        }

        @Override
        public String installCrd(GroupKind kind) {
            return "install the CRD of " + kind + " before this app (or add the app that ships it to the tree)";
        }
    };

    /** Components the apps of the tree render only part of, all apps together. */
    private List<Finding> partial(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (CatalogMatch.Coverage c : ctx.catalog().acrossTree()) {
            if (c.total() == 0 || (double) c.matched() / c.total() >= PARTIAL) continue;
            TreeApp app = ctx.app(c.app());
            out.add(finding(
                    Severity.WARNING,
                    app,
                    app.sourceAt(0, "path"),
                    "renders only " + c.matched() + " of the " + c.total() + " objects of "
                            + (ctx.catalog().derived()
                                    ? "the " + c.component().id() + " derived from the tree's example"
                                    : "the release's " + c.component().id())
                            + " (variant " + c.variant() + "); missing " + Texts.some(c.missing(), 5),
                    "point the app at the component's full path: "
                            + String.join(
                                    ", ",
                                    c.component()
                                            .variant(c.variant())
                                            .orElseThrow()
                                            .paths())));
        }
        return out;
    }

    /** The core set, when the tree installs any Kubeflow application (a component under applications/). */
    private List<Finding> core(ValidationContext ctx) {
        List<Finding> out = new ArrayList<>();
        ReleaseCatalog catalog = ctx.catalog().catalog().orElse(null);
        if (catalog == null) return out;
        Set<String> present = ctx.catalog().presentComponents();
        boolean kubeflow = present.stream()
                .map(catalog::component)
                .flatMap(Optional::stream)
                .anyMatch(c -> c.variants().stream()
                        .anyMatch(v -> v.paths().stream().anyMatch(p -> p.startsWith("applications/"))));
        if (!kubeflow) return out;
        boolean derived = ctx.catalog().derived();
        if (derived) {
            out.add(finding(
                    Severity.INFO,
                    null,
                    ctx.treeLocation(),
                    ctx.catalog().basis() + ": the core set is "
                            + (ctx.catalog().coreComponents().isEmpty()
                                    ? "empty (no component of a known release's core set is in its example)"
                                    : "the known releases' core components its example lists ("
                                            + String.join(", ", ctx.catalog().coreComponents()) + ")"),
                    "the partial-render checks use the components derived from the example too; "
                            + "docs/releases.md says how a release gets a catalog of its own"));
        } else if (ctx.catalog().factsFromTree()) {
            out.add(finding(
                    Severity.INFO,
                    null,
                    ctx.treeLocation(),
                    ctx.catalog().basis(),
                    "the partial-render checks measure the changed components as the tree renders them"));
        }
        for (String id : ctx.catalog().coreComponents()) {
            if (present.contains(id)) continue;
            Component c = catalog.component(id).orElse(null);
            if (c == null) continue;
            out.add(finding(
                    Severity.WARNING,
                    null,
                    ctx.treeLocation(),
                    derived
                            ? "the tree installs Kubeflow " + catalog.release() + " without " + id
                                    + ", which its example lists and known releases count in their core set: "
                                    + c.description()
                            : "the tree installs Kubeflow " + catalog.release() + " without " + id
                                    + ", part of its core set: " + c.description(),
                    "add an Application for " + id + " (path "
                            + String.join(", ", c.defaultVariant().paths()) + ")"));
        }
        return out;
    }
}
