package dev.kfboot.catalog;

import dev.kfboot.model.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Tells which release an upstream tree is, from what the tree itself says: when it is a git checkout (the tree is
 * the work tree's top level), a tag on its HEAD or its HEAD commit; otherwise its components' files, compared with
 * the fingerprints {@code catalog scan} recorded for each known release ({@link ComponentFingerprints}: a copy of a
 * release, committed afresh or with no git, is that release, and one with a few components edited is that release
 * with those components changed); otherwise its README's component version table ("Kubeflow Components
 * Versions"), compared with each known release's. A tree that matches none is reported as such, never under
 * another release's name: the README of a release and of master both say "Kubeflow Version: Master", so only the
 * table's revisions tell them apart.
 */
public final class ReleaseDetector {

    private static final Pattern ROW =
            Pattern.compile("^\\|([^|]*)\\|\\s*([^|]*?)\\s*\\|\\s*\\[([^\\]]+)\\]\\(([^)]*)\\)(.*)$");
    private static final long README_LIMIT = 4L << 20;

    private ReleaseDetector() {}

    public static ReleaseDetection detect(Path tree, Catalogs catalogs) {
        Optional<ReleaseDetection> git = fromGit(tree, catalogs);
        if (git.isPresent() && git.get().known()) return git.get();
        String commit = git.map(ReleaseDetection::commit).orElse("");
        Optional<ReleaseDetection> files = fromFiles(tree, catalogs, commit);
        if (files.isPresent()) return files.get();
        Map<String, String> table = readmeVersions(tree);
        if (!table.isEmpty()) {
            for (String r : catalogs.releases()) {
                ReleaseCatalog c = catalogs.release(r);
                if (!c.readmeVersions().isEmpty() && c.readmeVersions().equals(table)) {
                    // a checkout whose commit is not the release's is that release's README on another commit
                    if (git.isPresent() && !c.commit().isEmpty() && !c.commit().equals(commit)) continue;
                    return new ReleaseDetection(
                            r,
                            null,
                            "README version table matches " + r + "'s",
                            commit.isEmpty() ? c.commit() : commit);
                }
            }
        }
        if (git.isPresent()) return git.get();
        return new ReleaseDetection(
                null,
                null,
                table.isEmpty()
                        ? "no git checkout, no README version table"
                        : "no git checkout; README version table matches no known release",
                "");
    }

    /**
     * The known release whose components' files the tree holds: a release all of whose component paths are
     * directories of the tree, which has every path the tree's example installs, and whose recorded fingerprints
     * the tree's files match for at least half its components; of several, the one with the fewest changed.
     */
    static Optional<ReleaseDetection> fromFiles(Path tree, Catalogs catalogs, String commit) {
        Set<String> example;
        try {
            example = new HashSet<>();
            ExampleEntries.read(tree).entries().forEach(e -> example.add(e.path()));
        } catch (InputException noExample) {
            return Optional.empty();
        }
        Path root = tree.toAbsolutePath().normalize();
        ComponentFingerprints prints = new ComponentFingerprints(root);
        ReleaseDetection best = null;
        for (String r : catalogs.releases()) {
            ReleaseCatalog c = catalogs.release(r);
            if (c.derived()) continue;
            Set<String> paths = new HashSet<>();
            for (Component comp : c.components()) {
                for (Variant v : comp.variants()) {
                    paths.addAll(v.paths());
                    paths.addAll(v.components());
                }
            }
            if (!paths.containsAll(example) || !paths.stream().allMatch(p -> Files.isDirectory(root.resolve(p))))
                continue;
            Map<String, String> recorded;
            try {
                recorded = catalogs.facts(r).fingerprints();
            } catch (InputException noFacts) {
                continue; // a user catalog without facts (or with damaged ones) recognises nothing
            }
            if (recorded.isEmpty()) continue;
            List<String> changed = new ArrayList<>();
            for (Component comp : c.components()) {
                if (!Objects.equals(recorded.get(comp.id()), prints.of(comp))) changed.add(comp.id());
            }
            int n = c.components().size();
            if (changed.size() * 2 > n
                    || (best != null && changed.size() >= best.changed().size())) continue;
            String evidence = changed.isEmpty()
                    ? "the files of its " + n + " components are " + r + "'s"
                    : "the files of " + (n - changed.size()) + " of its " + n + " components are " + r + "'s; changed: "
                            + String.join(", ", changed);
            best = new ReleaseDetection(
                    r, null, evidence, commit.isEmpty() && changed.isEmpty() ? c.commit() : commit, changed);
        }
        return Optional.ofNullable(best);
    }

    /** A tag on HEAD or HEAD's commit when {@code tree} is the top level of a git work tree. */
    static Optional<ReleaseDetection> fromGit(Path tree, Catalogs catalogs) {
        Path top;
        try {
            top = tree.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!Files.exists(top.resolve(".git"))) return Optional.empty();
        FileRepositoryBuilder b =
                new FileRepositoryBuilder().setWorkTree(top.toFile()).setMustExist(true);
        try (Repository repo = b.setup().build();
                Git git = new Git(repo)) {
            ObjectId head = repo.resolve("HEAD");
            if (head == null) return Optional.empty();
            String commit = head.name();
            List<String> tags = new ArrayList<>();
            for (Ref t : repo.getRefDatabase().getRefsByPrefix("refs/tags/")) {
                Ref peeled = repo.getRefDatabase().peel(t);
                ObjectId target =
                        peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
                if (head.equals(target)) tags.add(t.getName().substring("refs/tags/".length()));
            }
            for (String r : catalogs.releases()) {
                ReleaseCatalog c = catalogs.release(r);
                if (tags.contains(r) || tags.contains(c.revision())) {
                    return Optional.of(
                            new ReleaseDetection(r, null, "git tag " + (tags.contains(r) ? r : c.revision()), commit));
                }
                if (commit.equals(c.commit())) {
                    return Optional.of(new ReleaseDetection(
                            r, null, "git commit " + commit.substring(0, 12) + " is " + r + "'s", commit));
                }
            }
            if (!tags.isEmpty()) {
                String tag = tags.stream().sorted().findFirst().orElseThrow();
                return Optional.of(new ReleaseDetection(
                        null, tag, "git tag " + tag + ", a release kfboot has no catalog for", commit));
            }
            String described = describe(git);
            return Optional.of(new ReleaseDetection(
                    null,
                    described,
                    described == null
                            ? "git commit " + commit.substring(0, 12) + ", no tag"
                            : "git describe " + described,
                    commit));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String describe(Git git) {
        try {
            return git.describe().setTags(true).call();
        } catch (GitAPIException | RuntimeException e) {
            return null;
        }
    }

    /** The README's version table: manifests path (without a trailing /), then upstream revision. */
    public static Map<String, String> readmeVersions(Path tree) {
        Path readme = tree.resolve("README.md");
        Map<String, String> out = new LinkedHashMap<>();
        try {
            if (!Files.isRegularFile(readme) || Files.size(readme) > README_LIMIT) return out;
            boolean inSection = false;
            for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
                if (line.startsWith("## "))
                    inSection = line.toLowerCase(Locale.ROOT).contains("components versions");
                if (!inSection) continue;
                Matcher m = ROW.matcher(line.strip());
                if (m.matches()) {
                    String path = m.group(2).split("<br")[0].strip().replaceAll("/+$", "");
                    if (!path.isEmpty()) out.put(path, m.group(3).strip());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return out;
    }
}
