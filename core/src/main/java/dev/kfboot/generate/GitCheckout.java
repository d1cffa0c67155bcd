package dev.kfboot.generate;

import dev.kfboot.model.SafeText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The git checkout a directory sits in, read with JGit (no git binary needed): its top level, where the
 * directory is inside it, the URL of {@code origin} and the checked-out branch.
 *
 * @param originUrl null when there is no {@code origin} remote; without the credentials a clone's URL may carry
 *     ({@code https://user:token@host/...}), which must not reach the tree's files
 * @param branch    null when HEAD is detached
 */
public record GitCheckout(Path workTree, String originUrl, String branch) {

    /** The checkout holding {@code dir} (or, when it does not exist yet, its nearest existing parent). */
    public static Optional<GitCheckout> of(Path dir) {
        Path existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.isDirectory(existing)) existing = existing.getParent();
        if (existing == null) return Optional.empty();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(existing.toFile());
        if (builder.getGitDir() == null) return Optional.empty();
        try (Repository repo = builder.setMustExist(true).build()) {
            if (repo.isBare()) return Optional.empty();
            String branch = repo.getFullBranch();
            return Optional.of(new GitCheckout(
                    repo.getWorkTree().toPath().toRealPath(),
                    SafeText.withoutCredentials(repo.getConfig().getString("remote", "origin", "url")),
                    branch != null && branch.startsWith("refs/heads/") ? repo.getBranch() : null));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Where {@code dir} is inside the checkout, '/'-separated ("" for the top level). */
    public String pathOf(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path existing = abs;
        while (!Files.exists(existing)) existing = existing.getParent();
        try {
            Path real = existing.toRealPath().resolve(existing.relativize(abs));
            return RepoPaths.clean(workTree.relativize(real).toString());
        } catch (IOException e) {
            return RepoPaths.clean(workTree.relativize(abs).toString());
        }
    }
}
