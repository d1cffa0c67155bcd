package dev.kfboot.catalog;

import dev.kfboot.model.Finding;
import dev.kfboot.render.KustomizationClosure;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A catalog for a tree kfboot has none for, derived from the tree's own {@code example/kustomization.yaml}: one
 * component per entry (a base listed beside its own overlay is one component), ids and variants from the paths
 * ({@code applications/dashboard/overlays/istio} is component {@code dashboard}, variant {@code istio}), and
 * components of known releases recognised by their identity: the same path, or the same component directory
 * ({@code applications/pipeline/...}) even when the overlay moved. A recognised component keeps its id, namespace,
 * description, resource figures and declared couplings (those whose other end is in the tree).
 */
public final class DerivedCatalog {

    /** The new repository name upstream moved to (kubeflow/manifests redirects there). */
    public static final String UPSTREAM_REPO = "https://github.com/kubeflow/community-distribution.git";

    /** Path segments after which a path names an overlay of a component rather than the component. */
    private static final Set<String> CUT = Set.of("base", "overlays", "upstream", "installs", "options", "env");

    /**
     * @param recognised component id, then how it was recognised ("path of 26.03's pipelines")
     * @param derived    ids of components that are new to kfboot, derived from paths alone
     * @param notes      what the summary says: info for what was derived, warnings for what was left out
     */
    public record Result(
            ReleaseCatalog catalog, Map<String, String> recognised, List<String> derived, List<Finding> notes) {}

    private record Known(String release, Component component, Variant variant) {}

    private static final class Group {
        final List<ExampleEntries.Entry> entries = new ArrayList<>();
        final String stem;
        Known known;
        String how;

        Group(String stem) {
            this.stem = stem;
        }

        List<String> paths() {
            return entries.stream().map(ExampleEntries.Entry::path).toList();
        }
    }

    private DerivedCatalog() {}

    public static Result derive(Path tree, String name, ReleaseDetection detection, Catalogs catalogs) {
        ExampleEntries example = ExampleEntries.read(tree);
        Map<String, Known> byPath = new HashMap<>();
        Map<String, Known> byStem = new HashMap<>();
        Map<String, List<DeclaredDependency>> couplings = new HashMap<>();
        index(catalogs, byPath, byStem, couplings);
        List<Group> groups = new ArrayList<>();
        Map<String, Group> open = new LinkedHashMap<>();
        for (ExampleEntries.Entry e : example.entries()) {
            String stem = stem(e.path());
            Known hit = byPath.get(e.path());
            String how = hit == null
                    ? null
                    : "path of " + hit.release() + "'s " + hit.component().id();
            if (hit == null && byStem.containsKey(stem)) {
                hit = byStem.get(stem);
                how = "component directory " + stem + " of " + hit.release() + "'s "
                        + hit.component().id();
            }
            String key = hit != null ? "known:" + hit.component().id() : "stem:" + stem;
            Group g = open.get(key);
            boolean joins = g != null
                    && (hit != null
                            || isBase(e.path(), stem)
                            || g.entries.stream().anyMatch(x -> isBase(x.path(), stem)));
            if (!joins) {
                g = new Group(stem);
                g.known = hit;
                g.how = how;
                groups.add(g);
                if (!open.containsKey(key)) open.put(key, g);
            }
            g.entries.add(e);
        }
        Map<String, Long> stems = new HashMap<>();
        for (Group g : groups) if (g.known == null) stems.merge(g.stem, 1L, Long::sum);

        List<Finding> notes = new ArrayList<>();
        Map<String, String> recognised = new LinkedHashMap<>();
        List<String> derived = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Map<Group, String> idOf = new LinkedHashMap<>();
        for (Group g : groups) {
            String id;
            if (g.known != null) id = g.known.component().id();
            else if (stems.get(g.stem) > 1)
                id = lastSegment(g.paths().get(g.paths().size() - 1));
            else id = lastSegment(g.stem);
            if (ids.contains(id)) id = id + "-" + variantName(g);
            ids.add(id);
            idOf.put(g, id);
        }
        Map<String, String> readme = ReleaseDetector.readmeVersions(tree);
        Path root = tree.toAbsolutePath().normalize();
        Map<String, List<String>> attached = attachExampleComponents(root, example, groups, idOf, notes);
        for (Group g : groups) {
            String id = idOf.get(g);
            List<String> kcomps = attached.getOrDefault(id, List.of());
            if (g.known != null) {
                Component k = g.known.component();
                recognised.put(id, g.how);
                List<Variant> variants = new ArrayList<>();
                Variant kv = g.known.variant();
                boolean whole = kv != null
                        && kv.paths().equals(g.paths())
                        && kv.components().stream().allMatch(p -> Files.isDirectory(root.resolve(p)));
                Variant first = whole
                        ? kv
                        : new Variant(
                                kv != null && kv.paths().equals(g.paths()) ? kv.name() : variantName(g),
                                "as the example installs it",
                                g.paths(),
                                List.of());
                variants.add(withComponents(first, kcomps));
                for (Variant v : k.variants()) {
                    if (v.name().equals(first.name()) || v.paths().equals(first.paths())) continue;
                    if (v.paths().stream().allMatch(p -> Files.isDirectory(root.resolve(p)))
                            && v.components().stream().allMatch(p -> Files.isDirectory(root.resolve(p)))) {
                        variants.add(v);
                    }
                }
                components.add(new Component(
                        id,
                        k.description(),
                        k.namespace(),
                        true,
                        k.requests(),
                        variants,
                        couplings.getOrDefault(id, k.dependsOn())));
            } else {
                derived.add(id);
                ExampleEntries.Entry e0 = g.entries.get(0);
                String description = e0.comment().isEmpty()
                        ? "Derived from " + example.file() + " line " + e0.line() + "."
                        : e0.comment() + " (derived from the example).";
                components.add(new Component(
                        id,
                        description,
                        namespaceOf(root, g, notes, id),
                        true,
                        Requests.NONE,
                        List.of(withComponents(
                                new Variant(variantName(g), "as the example installs it", g.paths(), List.of()),
                                kcomps)),
                        List.of()));
            }
        }
        components = dropDanglingDependencies(components, notes);
        for (String s : example.skipped()) {
            notes.add(Finding.warning(
                    "derived-catalog",
                    null,
                    "example entry " + s + " is not a component",
                    "kfboot derives components from directories inside the tree"));
        }
        String revision = detection.label() != null && !detection.label().contains("-g")
                ? detection.label()
                : detection.commit().isEmpty() ? "master" : detection.commit();
        if (detection.commit().isEmpty()) {
            notes.add(Notes.info(
                    "derived-catalog",
                    null,
                    "the tree is not a git checkout: its revision is unknown, so generated trees point at " + revision,
                    "set spec.repo.revision to the tag or commit the tree is"));
        }
        notes.add(
                0,
                Notes.info(
                        "derived-catalog",
                        null,
                        components.size() + " components derived from " + example.file()
                                + ": " + recognised.size() + " recognised (" + String.join(", ", recognised.keySet())
                                + "), "
                                + derived.size() + " new (" + (derived.isEmpty() ? "none" : String.join(", ", derived))
                                + ")",
                        "name them in a spec as listed; kfboot catalog scan --upstream TREE "
                                + "--release NAME keeps this catalog"));
        ReleaseCatalog catalog = new ReleaseCatalog(
                name, UPSTREAM_REPO, revision, detection.commit(), null, components, readme, List.of(), example.file());
        return new Result(catalog, recognised, List.copyOf(derived), List.copyOf(notes));
    }

    /** Every component path and component directory of the known (not derived) releases, newest release first. */
    private static void index(
            Catalogs catalogs,
            Map<String, Known> byPath,
            Map<String, Known> byStem,
            Map<String, List<DeclaredDependency>> couplings) {
        for (String r : catalogs.releases()) {
            ReleaseCatalog c = catalogs.release(r);
            if (c.derived()) continue;
            Map<String, Set<String>> stemOwners = new HashMap<>();
            Map<String, Known> stemHit = new HashMap<>();
            for (Component comp : c.components()) {
                // a component's declared couplings in every known release: those whose other end the tree has are kept
                List<DeclaredDependency> all = couplings.computeIfAbsent(comp.id(), k -> new ArrayList<>());
                for (DeclaredDependency d : comp.dependsOn()) {
                    if (all.stream().noneMatch(x -> x.component().equals(d.component()))) all.add(d);
                }
                for (Variant v : comp.variants()) {
                    for (String p : v.paths()) {
                        byPath.putIfAbsent(p, new Known(r, comp, v));
                        String stem = stem(p);
                        stemOwners.computeIfAbsent(stem, k -> new TreeSet<>()).add(comp.id());
                        stemHit.putIfAbsent(stem, new Known(r, comp, null));
                    }
                }
            }
            stemOwners.forEach((stem, owners) -> {
                if (owners.size() == 1) byStem.putIfAbsent(stem, stemHit.get(stem));
            });
        }
    }

    /** The component directory: the path up to its first base/overlays/upstream/... segment. */
    static String stem(String path) {
        String[] parts = path.split("/");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (CUT.contains(p) && sb.length() > 0) break;
            if (sb.length() > 0) sb.append('/');
            sb.append(p);
        }
        return sb.toString();
    }

    private static boolean isBase(String path, String stem) {
        return path.equals(stem + "/base") || path.equals(stem);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** overlays/X gives X; a base gives default; else the last segment after the component directory. */
    private static String variantName(Group g) {
        String chosen = "default";
        for (String p : g.paths()) {
            if (isBase(p, g.stem)) continue;
            String rest = p.substring(Math.min(p.length(), g.stem.length() + 1));
            int o = rest.indexOf("overlays/");
            chosen = o >= 0 ? rest.substring(o + "overlays/".length()).replace('/', '-') : lastSegment(p);
        }
        return chosen;
    }

    private static Variant withComponents(Variant v, List<String> kcomps) {
        if (kcomps.isEmpty()) return v;
        List<String> all = new ArrayList<>(v.components());
        for (String k : kcomps) if (!all.contains(k)) all.add(k);
        return new Variant(v.name(), v.description(), v.paths(), all, v.supersedes());
    }

    /** The namespace the entry's kustomization sets, else kubeflow (said in a note). */
    private static String namespaceOf(Path root, Group g, List<Finding> notes, String id) {
        for (String p : g.paths()) {
            Map<String, Object> k = kustomization(root.resolve(p));
            if (k.get("namespace") instanceof String ns && !ns.isBlank()) return ns;
        }
        notes.add(Notes.info(
                "derived-catalog",
                id,
                "no namespace set by " + String.join(", ", g.paths()) + ": objects without one land in kubeflow",
                "set the destination in a spec if that is wrong"));
        return "kubeflow";
    }

    /**
     * kustomize Components the example applies to everything (v1.11.0's Pod Security baseline) go to the
     * component whose kustomizations generate what they merge into; one that fits none is left out and said so.
     */
    private static Map<String, List<String>> attachExampleComponents(
            Path root, ExampleEntries example, List<Group> groups, Map<Group, String> idOf, List<Finding> notes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<Path, Map<String, Object>> parsed = new ConcurrentHashMap<>();
        for (String comp : example.components()) {
            Set<String> names = generatedNames(kustomization(root.resolve(comp)), true);
            String owner = null;
            if (!names.isEmpty()) {
                for (Group g : groups) {
                    KustomizationClosure closure = KustomizationClosure.walk(
                            g.paths().stream().map(root::resolve).toList(), parsed);
                    boolean generates = closure.files().stream()
                            .filter(f -> parsed.containsKey(f))
                            .anyMatch(f -> generatedNames(parsed.get(f), false).stream()
                                    .anyMatch(names::contains));
                    if (generates) {
                        owner = idOf.get(g);
                        break;
                    }
                }
            }
            if (owner == null) {
                notes.add(Finding.warning(
                        "derived-catalog",
                        null,
                        example.file() + " applies the kustomize Component " + comp
                                + " to everything; kfboot found no component it patches and leaves it out",
                        "add it to a component's variant in a catalog (kfboot catalog scan writes one)"));
            } else {
                out.computeIfAbsent(owner, k -> new ArrayList<>()).add(comp);
                notes.add(Notes.info(
                        "derived-catalog",
                        owner,
                        "the example's kustomize Component " + comp + " is applied to " + owner
                                + ", which generates what it merges into",
                        ""));
            }
        }
        return out;
    }

    /** Names of ConfigMaps and Secrets a kustomization generates (or, with {@code merging}, merges into). */
    private static Set<String> generatedNames(Map<String, Object> k, boolean merging) {
        Set<String> out = new TreeSet<>();
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            if (!(k.get(field) instanceof List<?> l)) continue;
            for (Object o : l) {
                if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String n)) continue;
                boolean merge = "merge".equals(m.get("behavior")) || "replace".equals(m.get("behavior"));
                if (merge == merging) out.add(n);
            }
        }
        return out;
    }

    private static Map<String, Object> kustomization(Path dir) {
        Path f = KustomizationClosure.kustomizationFile(dir);
        if (f == null) return Map.of();
        try {
            if (Files.size(f) > (1L << 20)) return Map.of();
            List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(f, StandardCharsets.UTF_8));
            return docs.isEmpty() ? Map.of() : docs.get(0);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Declared couplings whose other end the tree does not have are dropped, each with a note. */
    private static List<Component> dropDanglingDependencies(List<Component> components, List<Finding> notes) {
        Set<String> ids = new LinkedHashSet<>();
        for (Component c : components) ids.add(c.id());
        List<Component> out = new ArrayList<>();
        for (Component c : components) {
            List<DeclaredDependency> kept = new ArrayList<>();
            for (DeclaredDependency d : c.dependsOn()) {
                if (ids.contains(d.component())) kept.add(d);
                else
                    notes.add(Notes.info(
                            "derived-catalog",
                            c.id(),
                            "declared coupling on " + d.component() + " dropped: the tree has no component of that id",
                            "declare it in a spec (dependsOn) if it still holds"));
            }
            out.add(new Component(
                    c.id(), c.description(), c.namespace(), c.example(), c.requests(), c.variants(), kept));
        }
        return out;
    }
}
