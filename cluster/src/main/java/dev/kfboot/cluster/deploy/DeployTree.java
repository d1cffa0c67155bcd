package dev.kfboot.cluster.deploy;

import dev.kfboot.argocd.Application;
import dev.kfboot.argocd.ApplicationSet;
import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.generate.TreeLayout;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.validate.AppHierarchy;
import dev.kfboot.validate.ResolvedSource;
import dev.kfboot.validate.SourceResolver;
import dev.kfboot.validate.Tree;
import dev.kfboot.validate.TreeApp;
import dev.kfboot.validate.TreeProject;
import dev.kfboot.validate.TreeReader;
import dev.kfboot.validate.ValidationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The Argo CD objects kfboot deploys from an app-of-apps tree (what {@code kfboot generate} writes and
 * {@code kfboot validate} checks), as validate's {@link TreeReader} reads it: its Applications and AppProjects.
 * Other documents (kustomizations, the components' own manifests) are not deployed by kfboot: Argo CD applies them.
 * ApplicationSets are listed as skipped: their rollout belongs to Argo CD's progressive sync.
 *
 * <p>The apps of apps are validate's ({@link AppHierarchy}): apps whose source deploys the files other
 * Applications are written in. They are deployed after every wave. An app whose repository has no local checkout
 * cannot be told apart when it deploys into Argo CD's own namespace, so such a tree is refused.
 *
 * <p>A generated tree keeps its components' overlays in {@code overlays/} (Argo CD renders those) and one
 * overlay per environment in {@code envs/NAME/}: a kustomization that patches {@code apps/} and the environment's
 * own root app. Without an environment the base tree is deployed and {@code envs/} is left alone; with one, the
 * environment's Applications are its kustomization rendered by kfboot's renderer, and its root app replaces the
 * base one.
 *
 * @param roots the ids of the apps of apps
 */
public record DeployTree(
        Path dir, List<TreeApp> apps, Set<String> roots, List<TreeProject> projects, List<String> skipped) {

    /** Directories of a generated tree that hold no Application kfboot deploys with the base. */
    static final List<String> NOT_DEPLOYED = List.of(TreeLayout.ENVS, TreeLayout.OVERLAYS, TreeLayout.STATE);

    /**
     * Where the tree's sources are checked out, as validate takes them.
     *
     * @param repoRoot {@code --repo-root}, or null for the git top-level of the tree
     * @param sources  {@code --source URL=DIR}
     * @param repoUrl  {@code --repo-url}, or null
     */
    public record Checkout(Path repoRoot, Map<String, Path> sources, String repoUrl) {

        public static final Checkout NONE = new Checkout(null, Map.of(), null);

        public Checkout {
            sources = sources == null ? Map.of() : Map.copyOf(sources);
        }

        TreeReader.Locality locality() {
            return new TreeReader.Locality(sources, repoUrl, List.of());
        }
    }

    public DeployTree {
        apps = List.copyOf(apps);
        roots = Set.copyOf(roots);
        projects = List.copyOf(projects);
        skipped = List.copyOf(skipped);
    }

    public static DeployTree read(Path dir, String argoNamespace) {
        return read(dir, argoNamespace, null, Checkout.NONE);
    }

    /** Reads the tree, or with {@code env} one of its environments. */
    public static DeployTree read(Path dir, String argoNamespace, String env, Checkout checkout) {
        Tree tree = TreeReader.read(dir, checkout.repoRoot(), checkout.locality());
        List<TreeApp> deployed = env == null ? base(tree) : EnvironmentOverlay.apps(tree, env);
        List<TreeApp> all = new ArrayList<>(tree.apps());
        Set<String> read = new HashSet<>();
        tree.apps().forEach(a -> read.add(a.id()));
        for (TreeApp a : deployed) if (!read.contains(a.id())) all.add(a); // an environment's rendered apps
        SourceResolver resolver = new SourceResolver(tree.repo(), checkout.sources(), checkout.repoUrl());
        Map<String, List<ResolvedSource>> sources = new LinkedHashMap<>();
        for (TreeApp a : all) sources.put(a.id(), resolver.resolve(a));
        AppHierarchy hierarchy = AppHierarchy.of(all, sources, tree.dir());
        return of(tree, deployed, hierarchy, sources::get, argoNamespace);
    }

    /** The base tree of a validation: what it read, resolved and placed in its hierarchy, without reading again. */
    public static DeployTree of(ValidationContext ctx, String argoNamespace) {
        return of(ctx.tree(), base(ctx.tree()), ctx.hierarchy(), ctx::sourcesOf, argoNamespace);
    }

    private static DeployTree of(
            Tree tree,
            List<TreeApp> deployed,
            AppHierarchy hierarchy,
            Function<String, List<ResolvedSource>> sources,
            String argoNamespace) {
        if (deployed.isEmpty()) {
            throw new InputException(
                    Location.of(tree.dir().toString()),
                    "no Argo CD Application found in the YAML files",
                    "pass the directory kfboot generate wrote, e.g. kfboot deploy ./kubeflow-apps");
        }
        Map<String, String> seen = new LinkedHashMap<>();
        Set<String> roots = new LinkedHashSet<>();
        for (TreeApp a : deployed) {
            checkApp(a.app(), argoNamespace, seen);
            if (hierarchy.isParent(a.id())) roots.add(a.id());
            else refuseUnknownSource(a, sources.apply(a.id()), argoNamespace);
        }
        List<TreeProject> projects = tree.projects().stream()
                .filter(p -> deployedWithBase(tree, p.project().location()))
                .toList();
        List<String> skipped = new ArrayList<>();
        for (ApplicationSet s : tree.appSets()) {
            if (!deployedWithBase(tree, s.location())) continue;
            skipped.add("ApplicationSet " + s.name() + " (" + s.location().file()
                    + "): Argo CD's ApplicationSet controller rolls it out");
        }
        return new DeployTree(tree.dir(), deployed, roots, projects, skipped);
    }

    /** The tree's own Applications: not those its ApplicationSets generate, nor those of its environments. */
    private static List<TreeApp> base(Tree tree) {
        return tree.apps().stream()
                .filter(a -> a.appSet() == null && deployedWithBase(tree.dir(), a.file()))
                .toList();
    }

    private static boolean deployedWithBase(Tree tree, Location where) {
        return deployedWithBase(tree.dir(), tree.repo().dir().resolve(where.file()));
    }

    private static boolean deployedWithBase(Path dir, Path file) {
        Path f = file.toAbsolutePath().normalize();
        return !f.startsWith(dir)
                || !NOT_DEPLOYED.contains(dir.relativize(f).getName(0).toString());
    }

    /**
     * An app into Argo CD's namespace from a repository kfboot cannot read may be an app of apps, deployed last, or
     * not: deploying it in its wave or last would be a guess.
     */
    private static void refuseUnknownSource(TreeApp a, List<ResolvedSource> sources, String argoNamespace) {
        if (!argoNamespace.equals(a.app().destinationNamespace())) return;
        for (ResolvedSource s : sources) {
            if (s.kind() != ResolvedSource.Kind.UNMAPPED_REPO) continue;
            String url = s.source().repoURL();
            throw new InputException(
                    a.location(),
                    "Application " + a.name() + " deploys into Argo CD's namespace " + argoNamespace + " from " + url
                            + ", which has no local checkout, so kfboot cannot tell whether it is an app of apps",
                    "pass --source " + url + "=DIR with a checkout of it, or --repo-url " + url
                            + " if it is the tree's own repository");
        }
    }

    private static void checkApp(Application a, String argoNamespace, Map<String, String> seen) {
        if (a.name() == null || a.name().isBlank()) {
            throw new InputException(a.location(), "Application without metadata.name", "give it a name");
        }
        String before = seen.putIfAbsent(a.name(), a.location().toString());
        if (before != null) {
            throw new InputException(
                    a.location(),
                    "Application " + a.name() + " is defined twice (also at " + before + ")",
                    "remove one of them");
        }
        if (a.namespace() != null && !a.namespace().equals(argoNamespace)) {
            throw new InputException(
                    a.location(),
                    "Application " + a.name() + " is in namespace " + a.namespace() + ", not in Argo CD's namespace "
                            + argoNamespace,
                    "pass --namespace " + a.namespace() + " if Argo CD runs there");
        }
        String wave = a.annotations().get(ArgoCd.SYNC_WAVE);
        if (wave != null && a.syncWave() == null) {
            throw new InputException(
                    a.location(),
                    "sync-wave annotation '" + wave + "' of " + a.name() + " is not a number",
                    "write a whole number in quotes, e.g. argocd.argoproj.io/sync-wave: \"2\"");
        }
    }

    /** Whether the app is an app of apps, deployed after every wave. */
    public boolean isRoot(TreeApp a) {
        return roots.contains(a.id());
    }

    /** The wave Argo CD gives an app: its annotation, 0 without one. */
    public static int wave(TreeApp a) {
        Integer w = a.app().syncWave();
        return w == null ? 0 : w;
    }

    public List<Integer> waves() {
        return apps.stream()
                .filter(a -> !isRoot(a))
                .map(DeployTree::wave)
                .distinct()
                .sorted()
                .toList();
    }

    /** The names of the tree's AppProjects. */
    public List<String> projectNames() {
        return projects.stream().map(p -> p.project().name()).toList();
    }

    /** The AppProjects as plain documents, to apply. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> projectDocuments() {
        return projects.stream()
                .map(p -> (Map<String, Object>) p.doc().toPlain())
                .toList();
    }
}
