package dev.kfboot.render;

import dev.kfboot.yaml.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kustomize options an Argo CD Application sets on its source ({@code spec.source.kustomize}), which Argo CD's
 * repo server applies with {@code kustomize edit set ...} on a copy of the app's kustomization before it builds.
 * kfboot does the same in the render workspace ({@link RenderWorkspace}): a copy of what the unit reads, its top
 * kustomization edited ({@link #editedKustomization}), so a {@code namePrefix} replaces the app's own as
 * {@code edit set nameprefix} does; units of several paths get the fields in their wrapper ({@link #wrapperFields}).
 * The real kustomize renders. Patch files are read ahead (by the caller, inside the repository) and carried inline, so
 * the options alone say what the render depends on and key the render cache ({@link #key()}).
 *
 * @param namePrefix    {@code namePrefix}, or null
 * @param nameSuffix    {@code nameSuffix}, or null
 * @param namespace     {@code namespace}, or null
 * @param images        kustomize {@code images} entries (name, newName, newTag, digest), from Argo CD's
 *                      {@code name=new:tag} strings
 * @param labels        {@code commonLabels}
 * @param withSelector  whether the labels also go into selectors (Argo CD's default;
 *                      {@code labelWithoutSelector: true} turns it off)
 * @param annotations   {@code commonAnnotations}
 * @param patches       kustomize {@code patches} entries, each with an inline {@code patch}
 * @param replicas      kustomize {@code replicas} entries (name, count)
 */
public record KustomizeOptions(
        String namePrefix,
        String nameSuffix,
        String namespace,
        List<Map<String, Object>> images,
        Map<String, String> labels,
        boolean withSelector,
        Map<String, String> annotations,
        List<Map<String, Object>> patches,
        List<Map<String, Object>> replicas) {

    public static final KustomizeOptions NONE =
            new KustomizeOptions(null, null, null, List.of(), Map.of(), true, Map.of(), List.of(), List.of());

    public KustomizeOptions {
        images = List.copyOf(images);
        labels = new TreeMap<>(labels);
        annotations = new TreeMap<>(annotations);
        patches = List.copyOf(patches);
        replicas = List.copyOf(replicas);
    }

    public boolean isEmpty() {
        return this.equals(NONE);
    }

    /**
     * The fields the wrapper kustomization adds, in kustomize's own keys (insertion ordered, deterministic); the
     * caller adds {@code resources} and {@code components}.
     */
    public Map<String, Object> wrapperFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (namePrefix != null) out.put("namePrefix", namePrefix);
        if (nameSuffix != null) out.put("nameSuffix", nameSuffix);
        if (namespace != null) out.put("namespace", namespace);
        if (!images.isEmpty()) out.put("images", images);
        if (!labels.isEmpty()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("pairs", labels);
            l.put("includeSelectors", withSelector);
            out.put("labels", List.of(l));
        }
        if (!annotations.isEmpty()) out.put("commonAnnotations", annotations);
        if (!replicas.isEmpty()) out.put("replicas", replicas);
        if (!patches.isEmpty()) out.put("patches", patches);
        return out;
    }

    /**
     * The app's own kustomization after Argo CD's {@code kustomize edit} commands: {@code set
     * nameprefix|namesuffix|namespace} replace the field, {@code set image} replaces the entry of the same name (or
     * adds one), {@code add label} and {@code add annotation} add pairs (overriding the same keys), {@code set
     * replicas} replaces by name, patches and components are appended.
     *
     * @param components Components to add, relative to the kustomization's directory
     */
    public Map<String, Object> editedKustomization(Map<String, Object> own, List<String> components) {
        Map<String, Object> k = new LinkedHashMap<>(own);
        if (namePrefix != null) k.put("namePrefix", namePrefix);
        if (nameSuffix != null) k.put("nameSuffix", nameSuffix);
        if (namespace != null) k.put("namespace", namespace);
        if (!images.isEmpty()) k.put("images", mergeByName(k.get("images"), images));
        if (!replicas.isEmpty()) k.put("replicas", mergeByName(k.get("replicas"), replicas));
        if (!labels.isEmpty()) {
            List<Object> all = k.get("labels") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("pairs", labels);
            l.put("includeSelectors", withSelector);
            all.add(l);
            k.put("labels", all);
        }
        if (!annotations.isEmpty()) {
            Map<String, Object> a = k.get("commonAnnotations") instanceof Map<?, ?> m
                    ? new LinkedHashMap<>(asStrings(m))
                    : new LinkedHashMap<>();
            a.putAll(annotations);
            k.put("commonAnnotations", a);
        }
        if (!patches.isEmpty()) {
            List<Object> all = k.get("patches") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            all.addAll(patches);
            k.put("patches", all);
        }
        if (!components.isEmpty()) {
            List<Object> all = k.get("components") instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            for (String c : components) if (!all.contains(c)) all.add(c);
            k.put("components", all);
        }
        return k;
    }

    private static List<Object> mergeByName(Object existing, List<Map<String, Object>> edits) {
        List<Object> out = existing instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
        for (Map<String, Object> e : edits) {
            boolean replaced = false;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof Map<?, ?> m && e.get("name").equals(m.get("name"))) {
                    out.set(i, e);
                    replaced = true;
                }
            }
            if (!replaced) out.add(e);
        }
        return out;
    }

    private static Map<String, Object> asStrings(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** What the render depends on, as text for the render cache's key. */
    public String key() {
        return isEmpty() ? "" : YamlWriter.write(wrapperFields());
    }

    /**
     * One {@code images} entry from Argo CD's (and {@code kustomize edit set image}'s) syntax: {@code name=new:tag},
     * {@code name=new@digest}, {@code name:tag}, {@code name@digest}, {@code name=new}.
     */
    public static Map<String, Object> image(String spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        String s = spec.trim();
        int eq = s.indexOf('=');
        String name;
        String target;
        if (eq >= 0) {
            name = s.substring(0, eq);
            target = s.substring(eq + 1);
        } else {
            name = imageName(s);
            target = s;
        }
        out.put("name", name);
        String newName = imageName(target);
        if (eq >= 0 && !newName.isEmpty() && !newName.equals(name)) out.put("newName", newName);
        int at = target.indexOf('@');
        if (at >= 0) {
            out.put("digest", target.substring(at + 1));
        } else {
            int colon = target.lastIndexOf(':');
            if (colon > target.lastIndexOf('/')) out.put("newTag", target.substring(colon + 1));
        }
        return out;
    }

    /** The image without tag or digest ({@code host:5000/a/b:1} → {@code host:5000/a/b}). */
    private static String imageName(String ref) {
        int at = ref.indexOf('@');
        String r = at >= 0 ? ref.substring(0, at) : ref;
        int colon = r.lastIndexOf(':');
        return colon > r.lastIndexOf('/') ? r.substring(0, colon) : r;
    }
}
