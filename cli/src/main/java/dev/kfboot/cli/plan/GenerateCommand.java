package dev.kfboot.cli.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.kfboot.Kfboot;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Progress;
import dev.kfboot.cli.RenderOptionsMixin;
import dev.kfboot.cli.SpecOptions;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TreeSourceOptions;
import dev.kfboot.cli.upgrade.UpgradeSides;
import dev.kfboot.cli.validate.FindingsPrinter;
import dev.kfboot.generate.GeneratedTree;
import dev.kfboot.generate.Layout;
import dev.kfboot.generate.TerraformConfig;
import dev.kfboot.generate.TreeManifest;
import dev.kfboot.generate.TreeSite;
import dev.kfboot.generate.TreeWriter;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import dev.kfboot.render.RenderCache;
import dev.kfboot.render.RenderRunner;
import dev.kfboot.render.Rendering;
import dev.kfboot.upgrade.LiveFacts;
import dev.kfboot.upgrade.UpgradeJson;
import dev.kfboot.upgrade.UpgradePlan;
import dev.kfboot.validate.ValidateRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfboot generate}: the Argo CD app-of-apps tree of a platform, written atomically. */
@Command(
        name = "generate",
        header = "Write the Argo CD app-of-apps tree (or Terraform) of a platform.",
        mixinStandardHelpOptions = true,
        description = {
            "Write the Argo CD app-of-apps tree of a platform: root Application, least-privilege AppProjects, one "
                    + "child Application per app with its plan wave and facts-driven sync options, kustomize overlays "
                    + "for per-resource options, the Application health check, environment overlays, a README.",
            "",
            "The same spec gives the same bytes. The tree is written into a temporary directory and swapped in; a "
                    + "tree edited by hand since kfboot wrote it is not overwritten without --force."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:tree written (or --diff: no difference)",
            "1:the plan has error findings, nothing written (or --diff: differences shown)",
            "2:unusable input (spec, unknown --env, tree edited by hand or foreign files without --force, "
                    + "unwritable directory)",
            "4:internal error"
        })
public final class GenerateCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml
    }

    @Mixin
    SpecOptions spec;

    @Mixin
    RenderOptionsMixin render;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the tree (created if missing).")
    Path out;

    @Option(
            names = "--terraform",
            paramLabel = "DIR",
            description = "Also (or, without --out, only) write the same AppProjects and Applications as Terraform "
                    + "configuration (hashicorp/kubernetes kubernetes_manifest; each wave "
                    + "depends_on the one before and "
                    + "waits until Synced and Healthy).")
    Path terraform;

    @Option(
            names = "--layout",
            defaultValue = "fork",
            paramLabel = "LAYOUT",
            description = "fork: the tree sits in a kubeflow/manifests fork (spec.repo, else the checkout's origin) "
                    + "and children read its paths; standalone: a repository of its own, children read upstream "
                    + "at the release tag (default: fork).")
    Layout layout;

    @Option(
            names = "--path-in-repo",
            paramLabel = "PATH",
            description = "Where DIR sits inside its git repository (default: found from the checkout; standalone "
                    + "outside a checkout: the repository root).")
    String pathInRepo;

    @Option(
            names = "--env",
            paramLabel = "NAME",
            description = "Write the overlay of this environment from spec.environments (repeatable; default: all).")
    List<String> envs = new ArrayList<>();

    @Option(
            names = "--applicationset",
            description = "A fleet: one ApplicationSet over spec.clusters with a "
                    + "progressive sync step per wave, instead of child Applications.")
    boolean applicationSet;

    @Option(names = "--force", description = "Overwrite hand edits and files kfboot did not write.")
    boolean force;

    @Option(names = "--diff", description = "Write nothing; print the unified diff between DIR and the tree.")
    boolean diff;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress lines on stderr.")
    boolean quiet;

    @Option(
            names = "--upgrade-from",
            paramLabel = "TREE_OR_RELEASE",
            description = "Write the tree that upgrades from this: a kubeflow/manifests tree, a GitOps tree (generated "
                    + "or hand-made), or a release name (a tree of that name beside --upstream's, or under "
                    + "$KFBOOT_RELEASES). Adds the sync options that let Argo CD do the upgrade "
                    + "by itself, on exactly the "
                    + "objects that need them (see kfboot upgrade); the README lists them. Needs --upstream.")
    String upgradeFrom;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Render through this cache (kept across runs, keyed by every input). Without it, only "
                    + "--upgrade-from uses one: $XDG_CACHE_HOME/kfboot, else ~/.cache/kfboot.")
    Path cacheDir;

    @Spec
    CommandSpec command;

    /**
     * {@code generate -o json}: the tree's document (its fields at the top; none with only --terraform), then the
     * upgrade it carries and the Terraform directory, each left out when there is none.
     */
    record Generated(
            @JsonUnwrapped TargetTree.Document tree,
            @JsonInclude(JsonInclude.Include.NON_NULL) UpgradeJson.Document upgrade,
            @JsonInclude(JsonInclude.Include.NON_NULL) String terraform) {}

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (this.out == null && terraform == null) {
            throw new InputException(
                    Location.NONE,
                    "generate needs --out DIR or --terraform DIR",
                    "--out writes the Argo CD tree, --terraform the same apps as Terraform configuration");
        }
        Layout chosen = layout;
        RenderRunner runner = upgradeFrom == null && cacheDir == null
                ? Rendering::run
                : new RenderCache(Rendering::run, cacheDir != null ? cacheDir : TreeSourceOptions.defaultCacheDir());
        UpgradePlan upgrade = upgradeFrom == null ? null : upgradePlan(runner, err);
        if (upgradeFrom != null && upgrade == null) return ExitCodes.FINDINGS;
        Kfboot kfboot = new Kfboot(render.catalogs(), runner, new Progress(err, !quiet));
        TargetTree target = TargetTree.generate(
                kfboot,
                spec.load(),
                render.sources(),
                chosen,
                this.out != null ? this.out : terraform,
                pathInRepo,
                envs,
                applicationSet,
                upgrade);
        GeneratedTree tree = target.tree();
        List<Finding> findings = target.findings();
        if (!findings.isEmpty() && format == Format.text) FindingsPrinter.print(findings, err);
        if (tree.hasErrors()) {
            err.println("nothing written: " + FindingsPrinter.summary(findings));
            return ExitCodes.FINDINGS;
        }
        if (this.out != null) warnIfRepoUrlDiffers(tree.options().site(), err);
        GeneratedTree tf = terraform == null ? null : TerraformConfig.of(tree);
        if (diff) {
            String text = (this.out == null ? "" : TreeWriter.diff(this.out, tree))
                    + (tf == null ? "" : TreeWriter.diff(terraform, tf));
            out.print(text);
            out.flush();
            if (format == Format.text)
                err.println(
                        text.isEmpty()
                                ? "no difference: the directories hold what kfboot would write"
                                : "differences shown; nothing written");
            return text.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
        TreeWriter.Result tfResult = tf == null ? null : TreeWriter.write(terraform, tf, force);
        TreeWriter.Result result = this.out == null ? null : TreeWriter.write(this.out, tree, force);
        if (format != Format.text) {
            Generated generated = new Generated(
                    result == null ? null : target.document(this.out, result),
                    upgrade == null ? null : UpgradeJson.document(upgrade),
                    tfResult == null ? null : terraform.toString());
            out.print(Structured.write(generated, format == Format.yaml));
        } else {
            if (result != null) out.print(GenerateReport.text(this.out, tree, result));
            if (result != null && upgrade != null) {
                out.println("Upgrade from " + upgrade.from() + ": "
                        + tree.upgradeEdits().size() + " objects carry sync "
                        + "options for it (README.md lists them; generate again without "
                        + "--upgrade-from once it is done):");
                out.print(TargetTree.text(tree.upgradeEdits()));
            }
            if (result != null && upgrade != null && upgrade.needsDecision()) {
                err.println("warning: " + upgrade.count(Severity.ERROR) + " change(s) of the upgrade need "
                        + "a human decision; the tree keeps what they concern (README.md lists them)");
                err.println(
                        "  hint: kfboot upgrade --from-upstream ... --to-upstream ... prints them with their fixes");
                err.flush();
            }
            if (tfResult != null) {
                out.println("wrote Terraform configuration to " + terraform + " ("
                        + tf.files().size() + " files, "
                        + tree.apps().size() + " applications in "
                        + tree.plan().waveList().size()
                        + " waves): terraform -chdir=" + terraform + " init && terraform -chdir=" + terraform
                        + " apply");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The plan from --upgrade-from to --upstream: a manifests tree and a GitOps tree are told apart by the example
     * kustomization; a name is a release tree beside --upstream's or under $KFBOOT_RELEASES. Null after printing why a
     * side does not render completely.
     */
    private UpgradePlan upgradePlan(RenderRunner runner, PrintWriter err) {
        if (render.upstream == null) {
            throw new InputException(
                    Location.NONE,
                    "--upgrade-from needs --upstream DIR",
                    "pass the kubeflow/manifests tree of the release to upgrade to with --upstream");
        }
        UpgradeSides sides = new UpgradeSides(runner, render.renderOptions(), err, quiet);
        Path from = Path.of(upgradeFrom);
        if (!Files.isDirectory(from)) from = releaseTree(upgradeFrom);
        var a = UpgradeSides.isManifests(from)
                ? sides.release(from, null)
                : sides.gitOps(new ValidateRequest(
                        from,
                        null,
                        Map.of(),
                        render.renderOptions(),
                        cacheDir != null ? cacheDir : TreeSourceOptions.defaultCacheDir(),
                        null));
        var b = sides.release(render.upstream, null);
        return sides.plan(a, b, LiveFacts.NONE);
    }

    private Path releaseTree(String name) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new InputException(
                    Location.of(name),
                    "--upgrade-from: no such directory",
                    "pass a kubeflow/manifests tree, a GitOps tree, or a release name");
        }
        List<Path> candidates = new ArrayList<>();
        Path parent = render.upstream.toAbsolutePath().normalize().getParent();
        if (parent != null) candidates.add(parent.resolve(name));
        String env = System.getenv("KFBOOT_RELEASES");
        if (env != null && !env.isBlank()) candidates.add(Path.of(env).resolve(name));
        return candidates.stream()
                .filter(Files::isDirectory)
                .findFirst()
                .orElseThrow(() -> new InputException(
                        Location.NONE,
                        "--upgrade-from " + name + ": no tree of that release beside " + render.upstream
                                + (env == null || env.isBlank() ? "" : " or under " + env),
                        "pass the release's kubeflow/manifests tree as a directory"));
    }

    /**
     * update-repo-url changes a tree's URL, and generate writes the spec's: when the two differ, say so and which
     * one the tree gets, so the URL does not silently go back.
     */
    private void warnIfRepoUrlDiffers(TreeSite site, PrintWriter err) {
        TreeManifest.read(this.out).ifPresent(m -> {
            if (m.repoURL() == null || site.repoURL() == null || m.repoURL().equals(site.repoURL())) return;
            err.println("warning: " + this.out + " points at " + m.repoURL() + " (update-repo-url?), the spec at "
                    + site.repoURL() + ": the spec wins, the tree gets " + site.repoURL());
            err.println("  hint: to keep " + m.repoURL()
                    + ", set spec.repo.url to it (or run update-repo-url again after generate)");
            err.flush();
        });
    }
}
