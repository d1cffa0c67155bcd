package dev.kfboot.render;

import dev.kfboot.model.Fields;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YamlWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traces rendered objects to the remote base they come from, for the bases that no tag or commit pins: kustomize's
 * own origin annotations ({@code buildMetadata: [originAnnotations]}, asked for in the workspace copy of the build's
 * kustomization) name the file each object was read from; an object read from the cached copy of such a base gets
 * {@link #ANNOTATION} with the base's URL, and kustomize's annotation is taken off again unless the user asked for
 * it. Findings about such an object then say where it comes from.
 */
public final class RemoteOrigins {

    /** The URL of the unpinned remote base an object was read from; kfboot's own, never applied to a cluster. */
    public static final String ANNOTATION = "kfboot.dev/remote-base";

    static final String ORIGIN = "config.kubernetes.io/origin";
    private static final Pattern FILE = Pattern.compile("(?m)^(?:path|configuredIn): *['\"]?([^'\"\\n]+)['\"]?\\s*$");

    private RemoteOrigins() {}

    /**
     * Asks for origin annotations in a kustomization of the workspace.
     *
     * @return whether kfboot added the request (false when the kustomization already had it)
     */
    static boolean requestIn(Path kustomization) throws IOException {
        List<Map<String, Object>> docs = RenderedYaml.parse(Files.readString(kustomization, StandardCharsets.UTF_8));
        Map<String, Object> k = new LinkedHashMap<>(docs.isEmpty() ? Map.of() : docs.get(0));
        List<Object> meta = new ArrayList<>(Fields.list(k.get("buildMetadata")));
        if (meta.contains("originAnnotations")) return false;
        meta.add("originAnnotations");
        k.put("buildMetadata", meta);
        Files.writeString(kustomization, YamlWriter.write(k), StandardCharsets.UTF_8);
        return true;
    }

    /** The rendered documents, each read from a cached unpinned base marked with its URL. */
    static List<Map<String, Object>> attribute(List<Map<String, Object>> docs, RenderWorkspace.Prepared prepared) {
        if (prepared.unpinned().isEmpty()) return docs;
        List<Map<String, Object>> out = new ArrayList<>(docs.size());
        for (Map<String, Object> doc : docs) {
            Map<String, Object> meta = Fields.map(doc.get("metadata"));
            Map<String, Object> annotations = Fields.map(meta.get("annotations"));
            if (!(annotations.get(ORIGIN) instanceof String origin)) {
                out.add(doc);
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>(annotations);
            if (prepared.origins()) a.remove(ORIGIN);
            String url = urlOf(origin, prepared);
            if (url != null) a.put(ANNOTATION, url);
            Map<String, Object> m = new LinkedHashMap<>(meta);
            if (a.isEmpty()) m.remove("annotations");
            else m.put("annotations", a);
            Map<String, Object> d = new LinkedHashMap<>(doc);
            d.put("metadata", m);
            out.add(d);
        }
        return out;
    }

    /** A copy of a rendered document without {@link #ANNOTATION} (the original is shared with the render cache). */
    public static Map<String, Object> unmarked(Map<String, Object> doc) {
        Map<String, Object> meta = new LinkedHashMap<>(Fields.map(doc.get("metadata")));
        Map<String, Object> a = new LinkedHashMap<>(Fields.map(meta.get("annotations")));
        a.remove(ANNOTATION);
        if (a.isEmpty()) meta.remove("annotations");
        else meta.put("annotations", a);
        Map<String, Object> d = new LinkedHashMap<>(doc);
        d.put("metadata", meta);
        return d;
    }

    private static String urlOf(String origin, RenderWorkspace.Prepared prepared) {
        Matcher m = FILE.matcher(origin);
        if (!m.find()) return null;
        Path file =
                prepared.buildDir().resolve(m.group(1).trim()).toAbsolutePath().normalize();
        for (Map.Entry<Path, String> e : prepared.unpinned().entrySet()) {
            if (file.startsWith(e.getKey())) return e.getValue();
        }
        return null;
    }
}
