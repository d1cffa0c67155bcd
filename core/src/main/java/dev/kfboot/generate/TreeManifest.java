package dev.kfboot.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code .kfboot/tree.json}: the SHA-256 of every file kfboot wrote into a tree. The next generate compares
 * the files on disk against it, so hand edits are never overwritten silently; update-repo-url records its
 * own edits in it.
 */
public record TreeManifest(String layout, String repoURL, String revision, SortedMap<String, String> files) {

    public TreeManifest {
        files = new TreeMap<>(files);
    }

    public static TreeManifest of(GeneratedTree tree) {
        SortedMap<String, String> hashes = new TreeMap<>();
        tree.files().forEach((path, text) -> hashes.put(path, sha256(text)));
        TreeSite site = tree.options().site();
        return new TreeManifest(tree.options().layout().label(), site.repoURL(), site.revision(), hashes);
    }

    /** The manifest of the tree in {@code dir}, if kfboot wrote one. */
    public static Optional<TreeManifest> read(Path dir) {
        Path file = dir.resolve(TreeLayout.MANIFEST);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            SortedMap<String, String> files = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("files").fields(); it.hasNext(); ) {
                var e = it.next();
                files.put(e.getKey(), e.getValue().asText());
            }
            return Optional.of(new TreeManifest(
                    root.path("layout").asText(),
                    root.path("repoURL").asText(),
                    root.path("revision").asText(),
                    files));
        } catch (IOException e) {
            throw new InputException(
                    Location.of(file.toString()),
                    "unreadable kfboot manifest: " + e.getMessage(),
                    "restore it from git, or pass --force to regenerate the tree over it");
        }
    }

    public String toJson() {
        ObjectNode root = Json.object();
        root.put("generator", "kfboot");
        root.put("layout", layout);
        root.put("repoURL", repoURL);
        root.put("revision", revision);
        ObjectNode f = root.putObject("files");
        files.forEach(f::put);
        return Json.pretty(root);
    }

    /** Whether the file on disk is exactly what kfboot wrote. */
    public boolean unchanged(String path, String content) {
        return content != null && sha256(content).equals(files.get(path));
    }

    /** The manifest after kfboot itself rewrote files (update-repo-url); hand-edited files stay marked edited. */
    public TreeManifest rewritten(
            String newRepoURL, String newRevision, Map<String, String> before, Map<String, String> after) {
        SortedMap<String, String> next = new TreeMap<>(files);
        after.forEach((path, text) -> {
            if (unchanged(path, before.get(path))) next.put(path, sha256(text));
        });
        return new TreeManifest(layout, newRepoURL, newRevision, next);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
