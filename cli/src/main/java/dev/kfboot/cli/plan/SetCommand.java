package dev.kfboot.cli.plan;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.edit.Assignment;
import dev.kfboot.edit.FieldSetter;
import dev.kfboot.files.AtomicFiles;
import dev.kfboot.files.UnifiedDiff;
import dev.kfboot.git.GitRepo;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YamlEditor;
import dev.kfboot.yaml.YamlReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.PersonIdent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfboot set}: change a manifest field in git, keeping comments, and commit it for Argo CD to deploy. */
@Command(
        name = "set",
        header = "Set manifest fields in git (keeping comments) and commit them.",
        mixinStandardHelpOptions = true,
        description = {
            "Set fields of a manifest in a git repository, keeping comments and formatting, and commit it.",
            "FIELD=VALUE is [KIND/NAME:]PATH=VALUE: KIND/NAME picks the document (needed when the file holds several; "
                    + "KIND may carry its group), PATH is dotted keys with [N] or [key=value] list selectors, e.g.",
            "  kfboot set models.yaml "
                    + "InferenceService/sklearn-iris:spec.predictor.model.storageUri=gs://models/iris/29 "
                    + "--commit --push",
            "  kfboot set deploy.yaml 'spec.template.spec.containers[name=server].image=ghcr.io/acme/server:1.4.2'"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:set (or already had those values)",
            "1:--dry-run: the file would change",
            "2:unusable input: file outside the repository, no such document or field (without --create), "
                    + "bad YAML, git commit or push failed",
            "4:internal error"
        })
public final class SetCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml
    }

    private static final Pattern AUTHOR = Pattern.compile("\\s*(.+?)\\s*<([^>]+)>\\s*");

    @Parameters(index = "0", paramLabel = "FILE", description = "The manifest to edit (inside a git work tree).")
    Path file;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "FIELD=VALUE",
            description = "[KIND/NAME:]PATH=VALUE assignments.")
    List<String> assignments;

    @Option(names = "--create", description = "Add fields (and parent mappings) that do not exist yet.")
    boolean create;

    @Option(names = "--commit", description = "Commit the file with a message naming what changed.")
    boolean commit;

    @Option(names = "--push", description = "Push the commit to the current branch's remote (implies --commit).")
    boolean push;

    @Option(
            names = "--author",
            paramLabel = "'NAME <EMAIL>'",
            description = "Commit author (default: git config user.name/user.email).")
    String author;

    @Option(names = "--dry-run", description = "Print the diff; change nothing.")
    boolean dryRun;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec command;

    /**
     * {@code set -o json}: the file, every field changed, and the commit and push when there were any.
     *
     * @param commit the commit's id, or null
     * @param pushed the remote branch pushed to, or null
     */
    record Document(String file, boolean dryRun, List<ChangeDoc> changes, String commit, String pushed) {}

    /** @param before null when the field is new; a Secret's data is shown redacted */
    record ChangeDoc(String document, String field, int line, String before, String after) {}

    @Override
    public Integer call() {
        String shown = file.toString();
        List<Assignment> parsed = assignments.stream().map(Assignment::parse).toList(); // usage errors first
        GitRepo repo = GitRepo.find(
                        file.toAbsolutePath().getParent() == null
                                ? Path.of(".")
                                : file.toAbsolutePath().getParent())
                .orElseThrow(() -> new InputException(
                        Location.of(shown),
                        "not inside a git work tree",
                        "kfboot set edits manifests in a GitOps repository; run it inside one"));
        try (repo) {
            if (!repo.contains(file)) {
                throw new InputException(
                        Location.of(shown),
                        "outside the repository " + repo.workTree(),
                        "edit files inside the work tree only (symlinks are resolved)");
            }
            String before = YamlReader.forUserFiles().readText(file, shown);
            FieldSetter.Result result = FieldSetter.apply(before, shown, parsed, create);
            PrintWriter out = command.commandLine().getOut();
            if (dryRun && format != Format.text) {
                print(result, null, null, out);
                return result.changed() ? ExitCodes.FINDINGS : ExitCodes.OK;
            }
            if (dryRun) {
                out.print(
                        result.changes().stream()
                                        .anyMatch(c ->
                                                !FieldSetter.shown(c, c.after()).equals(c.after()))
                                ? "(the diff is not shown: it would print a Secret's data)\n"
                                : UnifiedDiff.of(shown, before, result.text()));
                out.flush();
                return result.changed() ? ExitCodes.FINDINGS : ExitCodes.OK;
            }
            String commitId = null;
            String pushed = null;
            if (result.changed()) {
                AtomicFiles.write(file, result.text());
                if (commit || push) {
                    commitId = repo.commit(
                            List.of(file),
                            FieldSetter.commitMessage(
                                    repo.workTree()
                                            .relativize(file.toAbsolutePath()
                                                    .normalize()
                                                    .toRealPath())
                                            .toString(),
                                    result.changes()),
                            ident(repo));
                    if (push) pushed = repo.push();
                }
            }
            print(result, commitId, pushed, out);
            return ExitCodes.OK;
        } catch (IOException e) {
            throw new InputException(Location.of(shown), "cannot resolve path: " + e.getMessage(), "check the file");
        }
    }

    private PersonIdent ident(GitRepo repo) {
        if (author != null) {
            Matcher m = AUTHOR.matcher(author);
            if (!m.matches())
                throw new InputException(
                        Location.of("--author"), "expected 'Name <email>'", "e.g. --author 'CI Bot <ci@example.org>'");
            return new PersonIdent(m.group(1), m.group(2));
        }
        PersonIdent id = repo.configuredIdent();
        if (id == null) {
            throw new InputException(
                    Location.of(repo.workTree().toString()),
                    "no commit author: git config user.name/user.email are unset",
                    "pass --author 'Name <email>' or set them with git config");
        }
        return id;
    }

    private void print(FieldSetter.Result result, String commitId, String pushed, PrintWriter out) {
        if (format != Format.text) {
            List<ChangeDoc> changes = result.changes().stream()
                    .map(c -> new ChangeDoc(
                            YamlEditor.describe(c.doc()),
                            c.path().toString(),
                            c.line(),
                            c.before() == null ? null : FieldSetter.shown(c, c.before()),
                            FieldSetter.shown(c, c.after())))
                    .toList();
            Document doc = new Document(file.toString(), dryRun, changes, commitId, pushed);
            out.print(Structured.write(doc, format == Format.yaml));
        } else {
            for (YamlEditor.Change c : result.changes()) {
                out.println(file + ":" + c.line() + ": " + YamlEditor.describe(c.doc()) + " " + c.path() + ": "
                        + FieldSetter.shown(c, c.before()) + " -> " + FieldSetter.shown(c, c.after()));
            }
            if (!result.changed()) out.println("no change: the fields already have those values");
            if (commitId != null) out.println("committed " + commitId.substring(0, 12));
            if (pushed != null) out.println("pushed to " + pushed);
        }
        out.flush();
    }
}
