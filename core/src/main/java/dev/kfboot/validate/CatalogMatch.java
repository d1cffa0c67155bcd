package dev.kfboot.validate;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.ReleaseFacts;
import dev.kfboot.inventory.Inventory;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which catalog components a tree's apps install, recognised by the objects they render: an app installs a
 * component when it renders objects that only that component's committed facts contain. The release is the
 * one whose facts match most objects (or the one asked for). A tree that matches no release is not a
 * Kubeflow tree, and the catalog-based rules leave it alone.
 */
public final class CatalogMatch {

    /**
     * How much of a component one app renders.
     *
     * @param variant the closest variant
     * @param missing ids of that variant the app does not render, sorted
     */
    public record Coverage(
            String app, Component component, String variant, int matched, int total, List<ResourceId> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    private static final Pattern HASH_SUFFIX = Pattern.compile("-[a-z0-9]{10}$");
    private static final CatalogMatch NONE =
            new CatalogMatch(null, Map.of(), List.of(), Map.of(), List.of(), "", false);

    private final ReleaseCatalog catalog;
    private final String basis;
    private final Map<String, List<Coverage>> byApp;
    private final List<String> core;
    private final Map<GroupKind, String> crdProviders;
    private final List<Coverage> acrossTree;
    private final boolean factsFromTree;

    private CatalogMatch(
            ReleaseCatalog catalog,
            Map<String, List<Coverage>> byApp,
            List<String> core,
            Map<GroupKind, String> crdProviders,
            List<Coverage> acrossTree,
            String basis,
            boolean factsFromTree) {
        this.catalog = catalog;
        this.factsFromTree = factsFromTree;
        this.basis = basis;
        this.byApp = byApp;
        this.core = core;
        this.crdProviders = crdProviders;
        this.acrossTree = acrossTree;
    }

    /**
     * @param release the release to match against, or null to pick the one that matches best
     * @param basis   how the release was chosen, for the findings that name it; null says "asked for" or "recognised"
     */
    public static CatalogMatch of(Catalogs catalogs, Inventory inventory, String release, String basis) {
        Set<Key> rendered = rendered(inventory);
        String best = release != null ? release : bestRelease(catalogs, rendered);
        if (best == null) return NONE;
        String why = basis != null
                ? basis
                : release != null
                        ? "release " + release + ", as asked"
                        : "release " + best + ", recognised by the objects the apps render";
        return of(catalogs.release(best), catalogs.facts(best), coreOf(catalogs.release(best)), inventory, why, false);
    }

    /** @param release the release to match against, or null to pick the one that matches best */
    public static CatalogMatch of(Catalogs catalogs, Inventory inventory, String release) {
        return of(catalogs, inventory, release, null);
    }

    /**
     * Matched against one catalog and its facts, known or derived from a tree's example.
     *
     * @param core          the catalog's core set ({@link #coreOf})
     * @param basis         which release this is and how kfboot knows, said by the findings that rely on it
     * @param factsFromTree whether some of the facts were rendered from the tree rather than committed (a derived
     *                      catalog's, or those of the components a copy of a release changed)
     */
    public static CatalogMatch of(
            ReleaseCatalog catalog,
            ReleaseFacts facts,
            List<String> core,
            Inventory inventory,
            String basis,
            boolean factsFromTree) {
        Set<Key> rendered = rendered(inventory);
        Map<String, List<Coverage>> byApp = byApp(inventory, catalog, facts);
        return new CatalogMatch(
                catalog,
                byApp,
                List.copyOf(core),
                crdProviders(facts),
                acrossTree(byApp, facts, rendered),
                basis,
                factsFromTree);
    }

    private static Set<Key> rendered(Inventory inventory) {
        Set<Key> rendered = new HashSet<>();
        for (Inventory.Entry e : inventory.entries())
            rendered.add(Key.of(e.object().id()));
        return rendered;
    }

    /** The release whose facts contain most of the rendered objects; null when none contains any. */
    private static String bestRelease(Catalogs catalogs, Set<Key> rendered) {
        String best = null;
        int bestScore = 0;
        for (String r : catalogs.releases()) {
            Set<Key> known = new HashSet<>();
            catalogs.facts(r)
                    .objects()
                    .values()
                    .forEach(vs -> vs.values().forEach(os -> os.forEach(o -> known.add(Key.of(o.id())))));
            int score = 0;
            for (Key k : rendered) if (known.contains(k)) score++;
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return best;
    }

    /** For each app, the components it renders an object of that no other component has. */
    private static Map<String, List<Coverage>> byApp(Inventory inventory, ReleaseCatalog catalog, ReleaseFacts facts) {
        Map<Key, Set<String>> owners = new HashMap<>();
        facts.objects()
                .forEach((component, variants) -> variants.values()
                        .forEach(os -> os.forEach(o -> owners.computeIfAbsent(Key.of(o.id()), k -> new TreeSet<>())
                                .add(component))));
        Map<String, List<Coverage>> byApp = new TreeMap<>();
        for (String app : inventory.components()) {
            Set<Key> keys = new HashSet<>();
            for (Inventory.Entry e : inventory.of(app))
                keys.add(Key.of(e.object().id()));
            Set<String> candidates = new TreeSet<>();
            for (Key k : keys) {
                Set<String> o = owners.get(k);
                if (o != null && o.size() == 1) candidates.addAll(o);
            }
            List<Coverage> list = new ArrayList<>();
            for (String c : candidates) {
                catalog.component(c)
                        .ifPresent(component -> list.add(
                                coverage(app, component, facts.objects().get(c), keys)));
            }
            if (!list.isEmpty()) byApp.put(app, List.copyOf(list));
        }
        return byApp;
    }

    private static Map<GroupKind, String> crdProviders(ReleaseFacts facts) {
        return facts.crdShippers();
    }

    /**
     * Each installed component's coverage by all apps together (a tree may split a component, e.g. its CRDs
     * into an app of their own), attributed to the app that renders most of it.
     */
    private static List<Coverage> acrossTree(Map<String, List<Coverage>> byApp, ReleaseFacts facts, Set<Key> all) {
        Map<String, Coverage> widest = new TreeMap<>();
        byApp.values()
                .forEach(l -> l.forEach(
                        c -> widest.merge(c.component().id(), c, (a, b) -> b.matched() > a.matched() ? b : a)));
        List<Coverage> out = new ArrayList<>();
        widest.forEach((id, c) ->
                out.add(coverage(c.app(), c.component(), facts.objects().get(id), all)));
        out.removeIf(Objects::isNull);
        return List.copyOf(out);
    }

    private static Coverage coverage(String app, Component c, Map<String, List<KubeObject>> variants, Set<Key> keys) {
        Coverage best = null;
        if (variants == null) return null;
        for (var v : variants.entrySet()) {
            List<ResourceId> missing = new ArrayList<>();
            int matched = 0;
            for (KubeObject o : v.getValue()) {
                if (keys.contains(Key.of(o.id()))) matched++;
                else missing.add(o.id());
            }
            missing.sort(null);
            Coverage cv = new Coverage(app, c, v.getKey(), matched, v.getValue().size(), List.copyOf(missing));
            if (best == null || ratio(cv) > ratio(best)) best = cv;
        }
        return best;
    }

    private static double ratio(Coverage c) {
        return c.total() == 0 ? 0 : (double) c.matched() / c.total();
    }

    public Optional<ReleaseCatalog> catalog() {
        return Optional.ofNullable(catalog);
    }

    /** Which release the tree was matched against and how kfboot knows ("" when it matched none). */
    public String basis() {
        return basis;
    }

    /** Whether the release's components were derived from the tree's own example (no catalog kept for it). */
    public boolean derived() {
        return catalog != null && catalog.derived();
    }

    /** Whether some facts were rendered from the tree: a derived catalog, or a release copy's changed components. */
    public boolean factsFromTree() {
        return factsFromTree;
    }

    /** The components an app renders objects of, sorted by id; empty for apps the catalog does not know. */
    public List<Coverage> of(String app) {
        return byApp.getOrDefault(app, List.of());
    }

    /** Each component the tree installs, covered by all its apps together, sorted by component id. */
    public List<Coverage> acrossTree() {
        return acrossTree;
    }

    /** Every component some app of the tree installs. */
    public Set<String> presentComponents() {
        Set<String> out = new TreeSet<>();
        byApp.values().forEach(l -> l.forEach(c -> out.add(c.component().id())));
        return out;
    }

    /** For each kind a CRD of the release defines, the component that ships it (the first by id when several do). */
    public Map<GroupKind, String> crdProviders() {
        return crdProviders;
    }

    /** The release's core set (see core-components.yaml). */
    public List<String> coreComponents() {
        return core;
    }

    /** Ids compared without the hash suffix kustomize gives generated ConfigMaps and Secrets. */
    private record Key(ResourceId id) {
        static Key of(ResourceId id) {
            boolean generated = id.group().isEmpty()
                    && (id.kind().equals("ConfigMap") || id.kind().equals("Secret"));
            return new Key(
                    generated
                            ? ResourceId.of(
                                    "",
                                    id.kind(),
                                    id.namespace(),
                                    HASH_SUFFIX.matcher(id.name()).replaceFirst(""))
                            : id);
        }
    }

    /**
     * The core set of a release: listed in core-components.yaml for the releases kfboot ships; for any other (a user
     * catalog, a catalog derived from a tree's example) the listed core components of the known releases that the
     * catalog has too, by the same id or through its renames. Sorted as the catalog lists its components.
     */
    public static List<String> coreOf(ReleaseCatalog catalog) {
        Map<String, List<String>> listed = coreSets();
        if (listed.containsKey(catalog.release())) return listed.get(catalog.release());
        Set<String> ids = new HashSet<>();
        listed.forEach((release, core) -> {
            for (String id : core) {
                if (catalog.component(id).isPresent()) ids.add(id);
                catalog.renames().stream()
                        .filter(r -> r.from().equals(release) && r.component().equals(id))
                        .forEach(r -> ids.addAll(r.into()));
            }
        });
        return catalog.components().stream()
                .map(Component::id)
                .filter(ids::contains)
                .toList();
    }

    /** core-components.yaml: release, then its core components (read once). */
    static Map<String, List<String>> coreSets() {
        return CoreSets.LISTED;
    }

    private static final class CoreSets {
        static final Map<String, List<String>> LISTED = Map.copyOf(read());
    }

    private static Map<String, List<String>> read() {
        try (InputStream in = CatalogMatch.class.getResourceAsStream("core-components.yaml")) {
            if (in == null) throw new IllegalStateException("core-components.yaml missing from the jar");
            List<YNode> docs = YamlReader.forUserFiles()
                    .parseAll(new String(in.readAllBytes(), StandardCharsets.UTF_8), "validate/core-components.yaml");
            Map<String, List<String>> out = new LinkedHashMap<>();
            if (docs.get(0) instanceof YMap m) {
                for (YMap.Entry e : m.entries().values()) {
                    List<String> ids = new ArrayList<>();
                    if (e.value() instanceof YSeq s)
                        for (YNode n : s.items()) if (n instanceof YScalar v) ids.add(v.value());
                    out.put(e.key(), List.copyOf(ids));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
