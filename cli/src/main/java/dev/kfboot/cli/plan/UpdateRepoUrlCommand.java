package dev.kfboot.cli.plan;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.generate.RepoUrlRewriter;
import dev.kfboot.model.SafeText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfboot update-repo-url}: point a generated tree at another repository without regenerating it. */
@Command(
        name = "update-repo-url",
        header = "Point a generated tree at another repository, keeping its formatting.",
        mixinStandardHelpOptions = true,
        description = {
            "Rewrite the repository URL (and revision) of a tree kfboot generated: only kfboot's own repoURL and "
                    + "targetRevision fields and its AppProjects' sourceRepos, never upstream sources. Files are "
                    + "edited in place, so comments and formatting survive; each change is printed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rewritten, or nothing to change (with --dry-run: nothing written)",
            "2:unusable input (not a kfboot tree, invalid YAML, empty URL, unwritable files)",
            "4:internal error"
        })
public final class UpdateRepoUrlCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml
    }

    @Parameters(paramLabel = "DIR", description = "The tree kfboot generate wrote.")
    Path dir;

    @Option(
            names = "--repo",
            required = true,
            paramLabel = "URL",
            description = "The repository the tree now lives in.")
    String repo;

    @Option(
            names = "--revision",
            paramLabel = "REV",
            description = "Its branch, tag or commit (default: keep the revision).")
    String revision;

    @Option(names = "--dry-run", description = "Write nothing; print the unified diff of what would change.")
    boolean dryRun;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec command;

    /**
     * {@code update-repo-url -o json}: the tree, the URL it read and the one it reads now, every field changed.
     *
     * @param from the URL the tree read, or null when it had none
     */
    record Document(String dir, String from, String to, boolean dryRun, List<RepoUrlRewriter.Change> changes) {}

    @Override
    public Integer call() {
        if (repo.isBlank() || repo.chars().anyMatch(Character::isWhitespace)) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "--repo '" + repo + "' is not a repository URL",
                    "pass the git URL, e.g. https://github.com/acme/kubeflow-gitops.git");
        }
        if (SafeText.hasCredentials(repo)) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "--repo " + SafeText.redactCredentials(repo)
                            + " carries credentials: every Application of the tree would hold them",
                    "pass the URL without user:token@ and give Argo CD the credentials as a repository Secret "
                            + "(argocd repo add)");
        }
        if (revision != null && (revision.isBlank() || revision.chars().anyMatch(Character::isWhitespace))) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "--revision '" + revision + "' is not a git revision",
                    "pass a branch, tag or commit");
        }
        if (!Files.isDirectory(dir)) {
            throw new CommandFailure(
                    ExitCodes.INPUT, dir + ": no such directory", "pass the directory kfboot generate wrote");
        }
        PrintWriter out = command.commandLine().getOut();
        RepoUrlRewriter.Result result = RepoUrlRewriter.plan(dir, repo, revision);
        if (!dryRun && !result.after().isEmpty()) RepoUrlRewriter.apply(dir, result, repo, revision);
        if (format != Format.text) {
            Document doc = new Document(dir.toString(), result.fromUrl(), repo, dryRun, result.changes());
            out.print(Structured.write(doc, format == Format.yaml));
        } else if (dryRun) {
            String diff = result.diff();
            out.print(diff.isEmpty() ? "nothing to change: the tree already reads " + repo + "\n" : diff);
        } else {
            for (RepoUrlRewriter.Change c : result.changes()) {
                out.println(
                        dir.resolve(c.file()) + ":" + c.line() + ": " + c.field() + " " + c.from() + " -> " + c.to());
            }
            out.println(
                    result.changes().isEmpty()
                            ? "nothing to change: the tree already reads " + repo
                                    + (revision == null ? "" : " at " + revision)
                            : result.changes().size() + " fields changed in "
                                    + new TreeSet<>(result.changes().stream()
                                                    .map(RepoUrlRewriter.Change::file)
                                                    .toList())
                                            .size()
                                    + " files");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
