package dev.kfboot.validate;

import dev.kfboot.render.ReadBoundary;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * analysed. Answers the one question the ordering rules ask: does the tree sync app A after app B?
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
     * @param parent      the app of apps whose waves decide it (null when unordered)
     * @param laterWave   the wave of the dependent's branch under {@code parent}
     * @param earlierWave the wave of the dependency's branch under {@code parent}
     */
    public record Order(Relation relation, String parent, int laterWave, int earlierWave) {}

    private final Map<String, TreeApp> apps = new LinkedHashMap<>();
    private final Map<String, String> parentOf = new TreeMap<>();
    private final Map<String, List<String>> childrenOf = new TreeMap<>();
    /** Apps whose source deploys Applications of the tree, also when another app of apps deploys them first. */
    private final Set<String> hosts = new TreeSet<>();

    private AppHierarchy() {}

    /**
     * @param treeDir the directory validated: only apps whose source lies inside it (or contains it) can be apps
     *                of apps, which spares walking the kustomizations of every component app
     */
    public static AppHierarchy of(List<TreeApp> apps, Map<String, List<ResolvedSource>> sources, Path treeDir) {
        AppHierarchy h = new AppHierarchy();
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
            int wa = wave(a.get(i - 1));
            int wb = wave(b.get(j - 1));
            Relation r = wa > wb ? Relation.AFTER : wa == wb ? Relation.SAME_WAVE : Relation.BEFORE;
            return new Order(r, a.get(i), wa, wb);
        }
        return new Order(Relation.UNORDERED, null, wave(later), wave(earlier));
    }

    /** The app, its parent, its parent's parent, ... */
    private List<String> chain(String id) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String p = id; p != null && seen.add(p); p = parentOf.get(p)) out.add(p);
        return out;
    }
}
