package dev.kfboot.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YamlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A user catalog: one release kfboot does not ship, as {@code kfboot catalog scan --out FILE} writes it. It is
 * the facts file ({@link FactsCodec}) with the release's catalog (components, variants, paths, namespaces,
 * couplings, README versions; the same fields as a built-in {@code <release>.yaml}) in a {@code "catalog"} key,
 * so plan needs nothing else. {@code --catalog FILE} and the user catalog directory
 * ({@code $XDG_CONFIG_HOME/kfboot/catalogs}, else {@code ~/.config/kfboot/catalogs}) add such files.
 */
public final class CatalogFile {

    /** A user catalog read back. */
    public record Loaded(ReleaseCatalog catalog, ReleaseFacts facts, Path file) {}

    private static final long LIMIT = 256L << 20;

    private CatalogFile() {}

    public static String write(ReleaseCatalog catalog, ReleaseFacts facts) {
        String text = FactsCodec.write(facts);
        int at = text.indexOf("\n\"components\": {");
        return text.substring(0, at) + "\n\"catalog\": "
                + Json.pretty(toJson(catalog)).strip() + "," + text.substring(at);
    }

    public static Loaded read(Path file) {
        String shown = file.toString();
        try {
            if (!Files.isRegularFile(file))
                throw new InputException(
                        Location.of(shown),
                        "catalog file not found",
                        "write one with kfboot catalog scan --upstream TREE --release NAME --out FILE");
            if (Files.size(file) > LIMIT)
                throw new InputException(Location.of(shown), "catalog file larger than 256 MB", "check the file");
            byte[] bytes = Files.readAllBytes(file);
            ReleaseFacts facts = FactsCodec.read(new ByteArrayInputStream(bytes), shown);
            JsonNode root = Json.mapper().readTree(bytes);
            JsonNode c = root.get("catalog");
            if (c == null || !c.isObject()) {
                throw new InputException(
                        Location.of(shown),
                        "no \"catalog\" in the file: it holds facts only",
                        "write it with kfboot catalog scan --out FILE (the built-in facts files "
                                + "are not user catalogs)");
            }
            ReleaseCatalog catalog = Catalogs.parse(
                    facts.release(),
                    YamlReader.forUserFiles().parseAll(Json.pretty(c), shown).get(0),
                    shown);
            if (!catalog.release().equals(facts.release())) {
                throw new InputException(
                        Location.of(shown),
                        "catalog release " + catalog.release() + " differs from the facts' " + facts.release(),
                        "write the file again with kfboot catalog scan");
            }
            return new Loaded(catalog, facts, file);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(shown), "cannot read the catalog file: " + e.getMessage(), "check the file");
        }
    }

    /** The user catalog directory: {@code $XDG_CONFIG_HOME/kfboot/catalogs}, else {@code ~/.config/kfboot/catalogs}. */
    public static Path userDirectory() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kfboot").resolve("catalogs");
    }

    /** {@code catalogs} plus every {@code *.json} of {@code dir} (sorted) and then {@code files}: later ones win. */
    public static Catalogs withUserCatalogs(Catalogs catalogs, Path dir, List<Path> files) {
        List<Path> all = new ArrayList<>();
        if (dir != null && Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".json"))
                        .sorted()
                        .forEach(all::add);
            } catch (IOException e) {
                throw new InputException(
                        Location.of(dir.toString()),
                        "cannot list the user catalog directory: " + e.getMessage(),
                        "check its permissions");
            }
        }
        all.addAll(files);
        Catalogs out = catalogs;
        for (Path f : all) {
            Loaded l = read(f);
            out = out.with(l.catalog(), l.facts(), f.toString());
        }
        return out;
    }

    static ObjectNode toJson(ReleaseCatalog c) {
        ObjectNode n = Json.object();
        n.put("release", c.release());
        n.put("repo", c.repo());
        n.put("revision", c.revision());
        n.put("commit", c.commit());
        if (c.kubernetes() != null)
            n.putObject("kubernetes")
                    .put("minimum", c.kubernetes().minimum())
                    .put("reason", c.kubernetes().reason());
        if (!c.readmeVersions().isEmpty()) {
            ObjectNode rv = n.putObject("readmeVersions");
            new TreeMap<>(c.readmeVersions()).forEach(rv::put);
        }
        if (!c.renames().isEmpty()) {
            ArrayNode rs = n.putArray("renames");
            for (Rename r : c.renames()) {
                ObjectNode rn = rs.addObject()
                        .put("from", r.from())
                        .put("component", r.component())
                        .put("kind", r.kind().name().toLowerCase(Locale.ROOT));
                r.into().forEach(rn.putArray("into")::add);
                if (!r.variants().isEmpty()) {
                    ObjectNode vm = rn.putObject("variants");
                    new TreeMap<>(r.variants()).forEach(vm::put);
                }
                if (!r.note().isEmpty()) rn.put("note", r.note());
            }
        }
        ArrayNode comps = n.putArray("components");
        for (Component comp : c.components()) {
            ObjectNode cn = comps.addObject();
            cn.put("id", comp.id());
            cn.put("description", comp.description());
            cn.put("namespace", comp.namespace());
            cn.put("example", comp.example());
            if (!comp.requests().equals(Requests.NONE)) {
                cn.putObject("requests")
                        .put("cpu", comp.requests().cpuMillis())
                        .put("memory", comp.requests().memoryMiB())
                        .put("storage", comp.requests().storageGB());
            }
            if (!comp.dependsOn().isEmpty()) {
                ArrayNode ds = cn.putArray("dependsOn");
                for (DeclaredDependency d : comp.dependsOn())
                    ds.addObject().put("component", d.component()).put("reason", d.reason());
            }
            ArrayNode vs = cn.putArray("variants");
            for (Variant v : comp.variants()) {
                ObjectNode vn = vs.addObject().put("name", v.name());
                if (!v.description().isEmpty()) vn.put("description", v.description());
                v.paths().forEach(vn.putArray("paths")::add);
                if (!v.components().isEmpty()) v.components().forEach(vn.putArray("components")::add);
                if (!v.supersedes().isEmpty()) {
                    ArrayNode sn = vn.putArray("supersedes");
                    for (Variant.Supersede s : v.supersedes()) {
                        sn.add(s.component() + ":" + s.object().kind().toLowerCase(Locale.ROOT)
                                + (s.object().group().isEmpty()
                                        ? ""
                                        : "." + s.object().group()) + "/"
                                + s.object().name());
                    }
                }
            }
        }
        return n;
    }
}
