package dev.kfboot.validate;

import dev.kfboot.argocd.ApplicationSet;
import dev.kfboot.model.Fields;
import dev.kfboot.render.ReadBoundary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which Applications are apps of apps: an app whose source deploys the files other Applications are written
 * in is their parent, and its sync waves order them. Everything else is a component app, rendered and
 * analysed. Answers the one question the ordering rules ask: does the tree sync app A after app B? The Applications
 * an ApplicationSet with a {@code RollingSync} strategy generates are ordered by its steps instead (a step starts
 * once the apps of the steps before it are healthy), not by the waves of the app of apps that holds the set.
 */
public final class AppHierarchy {

    /** How the tree orders a dependent app relative to what it needs. */
    public enum Relation {
        AFTER,
        SAME_WAVE,
        BEFORE,
        UNORDERED
    }

    /**
     * @param parent      the app of apps whose waves decide it, or the ApplicationSet whose rolling sync steps do
     *                    (null when unordered)
     * @param laterWave   the wave (or step) of the dependent's branch under {@code parent}
     * @param earlierWave the wave (or step) of the dependency's branch under {@code parent}
     * @param unit        "wave", or "step" for an ApplicationSet's rolling sync
     */
    public record Order(Relation relation, String parent, int laterWave, int earlierWave, String unit) {

        Order(Relation relation, String parent, int laterWave, int earlierWave) {
            this(relation, parent, laterWave, earlierWave, "wave");
        }
    }

    /** An app's place in its ApplicationSet's rolling sync: the first step whose selectors match it, -1 for none. */
    private record Step(String appSet, int index) {}

    private final Map<String, TreeApp> apps = new LinkedHashMap<>();
    private final Map<String, String> parentOf = new TreeMap<>();
    private final Map<String, List<String>> childrenOf = new TreeMap<>();
    /** Apps whose source deploys Applications of the tree, also when another app of apps deploys them first. */
    private final Set<String> hosts = new TreeSet<>();
    /** Apps an ApplicationSet with a RollingSync strategy generates. */
    private final Map<String, Step> rolling = new HashMap<>();

    private AppHierarchy() {}

    /**
     * @param treeDir the directory validated: only apps whose source lies inside it (or contains it) can be apps
     *                of apps, which spares walking the kustomizations of every component app
     */
    public static AppHierarchy of(List<TreeApp> apps, Map<String, List<ResolvedSource>> sources, Path treeDir) {
        return of(apps, sources, treeDir, List.of());
    }

    /** @param appSets the tree's ApplicationSets, whose RollingSync steps order the apps they generate */
    public static AppHierarchy of(
            List<TreeApp> apps, Map<String, List<ResolvedSource>> sources, Path treeDir, List<ApplicationSet> appSets) {
        AppHierarchy h = new AppHierarchy();
        Map<String, List<Object>> stepsOf = new HashMap<>();
        for (ApplicationSet set : appSets) {
            Map<String, Object> strategy = set.strategy();
            if ("RollingSync".equals(strategy.get("type")))
                stepsOf.put(
                        set.name(),
                        Fields.list(Fields.map(strategy.get("rollingSync")).get("steps")));
        }
        for (TreeApp a : apps) {
            if (a.appSet() != null && stepsOf.containsKey(a.appSet()))
                h.rolling.put(
                        a.id(),
                        new Step(
                                a.appSet(),
                                step(stepsOf.get(a.appSet()), a.app().labels())));
        }
        Map<Path, List<TreeApp>> byFile = new LinkedHashMap<>();
        for (TreeApp a : apps) {
            h.apps.put(a.id(), a);
            byFile.computeIfAbsent(a.file().toAbsolutePath().normalize(), k -> new ArrayList<>())
                    .add(a);
        }
        for (TreeApp p : apps) {
            Set<Path> deployed = new HashSet<>();
            for (ResolvedSource s : sources.getOrDefault(p.id(), List.of())) {
                if (s.dir() != null && (s.dir().startsWith(treeDir) || treeDir.startsWith(s.dir())))
                    deployed.addAll(filesDeployed(p, s));
            }
            for (Path f : deployed) {
                for (TreeApp child : byFile.getOrDefault(f, List.of())) {
                    if (child != p) h.hosts.add(p.id());
                    if (child == p || h.parentOf.containsKey(child.id()) || h.isAncestor(child.id(), p.id())) continue;
                    h.parentOf.put(child.id(), p.id());
                    h.childrenOf.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(child.id());
                }
            }
        }
        h.childrenOf.values().forEach(l -> l.sort(String::compareTo));
        return h;
    }

    private static Set<Path> filesDeployed(TreeApp app, ResolvedSource s) {
        Set<Path> out = new HashSet<>();
        // only the files Argo CD deploys objects from: a patch of an Application is not an Application
        if (s.kind() == ResolvedSource.Kind.KUSTOMIZE)
            out.addAll(ArgoDirectory.kustomizeResources(s.dir(), ReadBoundary.of(s.root())));
        else if (s.kind() == ResolvedSource.Kind.DIRECTORY)
            out.addAll(ArgoDirectory.manifests(s.dir(), app.directoryOptions(s.index())));
        return out;
    }

    private boolean isAncestor(String maybeAncestor, String of) {
        Set<String> seen = new HashSet<>();
        for (String p = parentOf.get(of); p != null && seen.add(p); p = parentOf.get(p)) {
            if (p.equals(maybeAncestor)) return true;
        }
        return false;
    }

    public boolean isParent(String id) {
        return childrenOf.containsKey(id) || hosts.contains(id);
    }

    public String parentOf(String id) {
        return parentOf.get(id);
    }

    public List<String> children(String id) {
        return childrenOf.getOrDefault(id, List.of());
    }

    /** Apps of apps, sorted: each environment's root app counts, though the base's root orders the children. */
    public Set<String> parents() {
        Set<String> out = new TreeSet<>(childrenOf.keySet());
        out.addAll(hosts);
        return out;
    }

    /** Whether an ApplicationSet's rolling sync orders the app (its sync-wave does not). */
    public boolean rolling(String id) {
        return rolling.containsKey(id);
    }

    /** The wave Argo CD gives an app: its annotation, 0 without one. */
    public int wave(String id) {
        Integer w = apps.get(id).app().syncWave();
        return w == null ? 0 : w;
    }

    /**
     * Whether the tree syncs {@code later} after {@code earlier}: the waves of their branches under their closest
     * common parent.
     */
    public Order order(String later, String earlier) {
        List<String> a = chain(later);
        List<String> b = chain(earlier);
        // an app of apps applies its own objects before (or, by kind, ahead of) the child Applications it creates
        int up = a.indexOf(earlier);
        if (up > 0) return new Order(Relation.AFTER, earlier, wave(a.get(up - 1)), wave(a.get(up - 1)));
        for (int i = 1; i < a.size(); i++) {
            int j = b.indexOf(a.get(i));
            if (j < 1) continue;
            Step sa = rolling.get(a.get(i - 1));
            Step sb = rolling.get(b.get(j - 1));
            if (sa != null || sb != null) return bySteps(sa, sb, later, earlier);
            int wa = wave(a.get(i - 1));
            int wb = wave(b.get(j - 1));
            Relation r = wa > wb ? Relation.AFTER : wa == wb ? Relation.SAME_WAVE : Relation.BEFORE;
            return new Order(r, a.get(i), wa, wb);
        }
        return new Order(Relation.UNORDERED, null, wave(later), wave(earlier));
    }

    /**
     * Two apps under one app of apps of which one at least comes from a rolling sync: ordered by its steps when both
     * are in steps of the same set; otherwise nothing orders them (the app of apps does not sync generated apps).
     */
    private Order bySteps(Step a, Step b, String later, String earlier) {
        if (a == null || b == null || !a.appSet().equals(b.appSet()) || a.index() < 0 || b.index() < 0)
            return new Order(Relation.UNORDERED, null, wave(later), wave(earlier));
        Relation r =
                a.index() > b.index() ? Relation.AFTER : a.index() == b.index() ? Relation.SAME_WAVE : Relation.BEFORE;
        return new Order(r, "ApplicationSet " + a.appSet() + "'s rolling sync", a.index(), b.index(), "step");
    }

    /** The first step whose matchExpressions all hold for the labels (In, NotIn), or -1. */
    private static int step(List<Object> steps, Map<String, String> labels) {
        for (int i = 0; i < steps.size(); i++) {
            boolean all = true;
            for (Object e : Fields.list(Fields.map(steps.get(i)).get("matchExpressions"))) {
                Map<String, Object> expr = Fields.map(e);
                String value = labels.get(String.valueOf(expr.get("key")));
                List<String> values = Fields.list(expr.get("values")).stream()
                        .map(String::valueOf)
                        .toList();
                boolean in = value != null && values.contains(value);
                all &= "NotIn".equals(expr.get("operator")) ? !in : in;
            }
            if (all) return i;
        }
        return -1;
    }

    /** The app, its parent, its parent's parent, ... */
    private List<String> chain(String id) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p = id; p != null && seen.add(p); p = parentOf.get(p)) out.add(p);
        return out;
    }
}
