package dev.kfboot.validate;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository a tree lives in: the directory same-repository source paths resolve against, and its
 * {@code origin} URL when it is a git checkout (to tell this repository's URLs from other repositories').
 *
 * @param dir       absolute, normalized
 * @param originUrl the git remote {@code origin}, or null when unknown
 * @param how       how the root was chosen, for the user: "--repo-root", "git top-level", ...
 */
public record RepoRoot(Path dir, String originUrl, String how) {

    /** The explicit {@code --repo-root}, or the git top-level of {@code treeDir}, or null when neither. */
    public static Optional<RepoRoot> explicitOrGit(Path treeDir, Path explicit) {
        if (explicit != null) {
            Path d = explicit.toAbsolutePath().normalize();
            if (!Files.isDirectory(d)) {
                throw new InputException(
                        Location.of(explicit.toString()),
                        "repository root is not a directory",
                        "pass --repo-root with the checkout the Applications' paths are relative to");
            }
            return Optional.of(new RepoRoot(d, gitOrigin(d).orElse(null), "--repo-root"));
        }
        for (Path p = treeDir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git")))
                return Optional.of(new RepoRoot(p, gitOrigin(p).orElse(null), "git top-level"));
        }
        return Optional.empty();
    }

    /**
     * Without git and without {@code --repo-root}: the tree's own directory. (Climbing to the closest parent under
     * which the apps' paths exist would let a tree choose what kfboot reads, up to {@code /}.)
     */
    public static RepoRoot treeItself(Path treeDir) {
        return new RepoRoot(
                treeDir.toAbsolutePath().normalize(),
                null,
                "the tree directory (no git; pass --repo-root for the checkout the apps' paths are relative to)");
    }

    /** How a file is shown in findings: relative to the root when inside it, else as an absolute path. */
    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }

    /** The {@code url} of {@code [remote "origin"]} in the repository's git config, following worktree links. */
    static Optional<String> gitOrigin(Path top) {
        try {
            Path git = top.resolve(".git");
            Path gitDir = git;
            if (Files.isRegularFile(git)) {
                String link = Files.readString(git, StandardCharsets.UTF_8).trim();
                if (!link.startsWith("gitdir:")) return Optional.empty();
                gitDir = top.resolve(link.substring(7).trim()).normalize();
                Path common = gitDir.resolve("commondir");
                if (Files.isRegularFile(common)) {
                    gitDir = gitDir.resolve(Files.readString(common, StandardCharsets.UTF_8)
                                    .trim())
                            .normalize();
                }
            }
            Path config = gitDir.resolve("config");
            if (!Files.isRegularFile(config)) return Optional.empty();
            boolean inOrigin = false;
            for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
                String t = line.trim();
                if (t.startsWith("[")) inOrigin = t.replace(" ", "").equals("[remote\"origin\"]");
                else if (inOrigin && t.startsWith("url") && t.contains("=")) {
                    return Optional.of(t.substring(t.indexOf('=') + 1).trim());
                }
            }
        } catch (IOException e) {
            // an unreadable git config only means the origin is unknown
        }
        return Optional.empty();
    }
}
