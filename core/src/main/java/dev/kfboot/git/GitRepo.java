package dev.kfboot.git;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/** A git work tree, opened with JGit. */
public final class GitRepo implements AutoCloseable {

    private final Repository repository;
    private final Path workTree;

    private GitRepo(Repository repository) throws IOException {
        this.repository = repository;
        this.workTree = repository.getWorkTree().toPath().toRealPath();
    }

    /** The repository whose work tree holds {@code path}, if any. */
    public static Optional<GitRepo> find(Path path) {
        try {
            Path start = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            FileRepositoryBuilder b =
                    new FileRepositoryBuilder().readEnvironment().findGitDir(start.toFile());
            if (b.getGitDir() == null) return Optional.empty();
            Repository r = b.build();
            if (r.isBare()) {
                r.close();
                return Optional.empty();
            }
            return Optional.of(new GitRepo(r));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Path workTree() {
        return workTree;
    }

    /** Whether {@code file}, symlinks resolved, lies inside the work tree (and not in .git). */
    public boolean contains(Path file) {
        try {
            Path real = file.toAbsolutePath().normalize();
            real = Files.exists(real)
                    ? real.toRealPath()
                    : real.getParent().toRealPath().resolve(real.getFileName());
            return real.startsWith(workTree) && !real.startsWith(workTree.resolve(".git"));
        } catch (IOException e) {
            return false;
        }
    }

    /** The committer/author from git config (user.name, user.email), or null when unset. */
    public PersonIdent configuredIdent() {
        StoredConfig c = repository.getConfig();
        String name = c.getString("user", null, "name");
        String email = c.getString("user", null, "email");
        return name == null || email == null ? null : new PersonIdent(name, email);
    }

    /**
     * Commits exactly {@code files} (other staged or unstaged changes are left alone).
     *
     * @return the new commit's id
     */
    public String commit(List<Path> files, String message, PersonIdent author) {
        try (Git git = new Git(repository)) {
            var commit = git.commit().setMessage(message).setAuthor(author).setCommitter(author);
            for (Path f : files) {
                String rel = workTree.relativize(f.toAbsolutePath().normalize().toRealPath())
                        .toString()
                        .replace('\\', '/');
                git.add().addFilepattern(rel).call();
                commit.setOnly(rel);
            }
            RevCommit c = commit.call();
            return c.getId().getName();
        } catch (GitAPIException | IOException e) {
            throw new InputException(
                    Location.of(workTree.toString()),
                    "git commit failed: " + e.getMessage(),
                    "check the repository state with git status");
        }
    }

    /** Pushes the current branch to its configured remote (branch.NAME.remote, else origin). */
    public String push() {
        try (Git git = new Git(repository)) {
            String branch = repository.getBranch();
            String remote = new BranchConfig(repository.getConfig(), branch).getRemote();
            if (remote == null) remote = "origin";
            if (repository.getConfig().getString("remote", remote, "url") == null) {
                throw new InputException(
                        Location.of(workTree.toString()),
                        "no remote '" + remote + "' configured",
                        "add one with git remote add " + remote + " URL, or drop --push");
            }
            List<String> problems = new ArrayList<>();
            for (PushResult r : git.push().setRemote(remote).add(branch).call()) {
                for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                    if (u.getStatus() != RemoteRefUpdate.Status.OK
                            && u.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        problems.add(u.getRemoteName() + ": " + u.getStatus()
                                + (u.getMessage() == null ? "" : " " + u.getMessage()));
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new InputException(
                        Location.of(workTree.toString()),
                        "push to " + remote + " refused: " + String.join("; ", problems),
                        "pull and rebase, then run again");
            }
            return remote + "/" + branch;
        } catch (GitAPIException | IOException e) {
            throw new InputException(
                    Location.of(workTree.toString()),
                    "git push failed: " + e.getMessage(),
                    "check the remote URL and your credentials");
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
