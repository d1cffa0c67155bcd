package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.ops.AppDeleter;
import java.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot delete}: delete apps and what they deployed, in reverse wave order. */
@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = {
            "Delete applications and what they deployed, in reverse wave order.",
            "",
            "Everything they deployed goes (through Argo CD's resources finalizer), in "
                    + "reverse wave order, waiting until each wave is gone. An app of apps is deleted first, without "
                    + "cascading, so its children go one wave at a time.",
            "",
            "Refused without the matching flag: deleting the app that owns the Profiles CRD (Kubernetes then deletes "
                    + "every Profile, and Kubeflow every profile namespace with all users' work), and deleting apps "
                    + "that own Namespaces."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deleted",
            "2:unusable input, not confirmed (several apps or --all ask on a terminal and need "
                    + "--yes elsewhere), or refused: a deletion that needs --delete-profile-namespaces or "
                    + "--delete-namespaces, an app its app of apps would re-create",
            "3:not gone in time, or the cluster failed"
        })
public final class DeleteCommand extends ClusterCommand {

    @Parameters(paramLabel = "APP", arity = "0..*", description = "Applications to delete.")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Delete every application.")
    boolean all;

    enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); "
                    + "with json or yaml the progress lines go to stderr.")
    Format format;

    /** What {@code delete -o json} prints: the Applications deleted, in the order they went. */
    record Deleted(String namespace, List<String> deleted) {}

    @Option(
            names = {"-y", "--yes"},
            description = "Delete several applications (or --all) without asking; needed when not on a terminal.")
    boolean yes;

    @Option(
            names = "--delete-profile-namespaces",
            description = "Allow deleting the app that owns the Profiles CRD: this deletes every profile namespace.")
    boolean profileNamespaces;

    @Option(
            names = "--delete-namespaces",
            description = "Allow deleting apps that own Namespaces, with everything in them.")
    boolean namespaces;

    @Override
    protected void validate() {
        if (names.isEmpty() == !all) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    all ? "name apps or --all, not both" : "nothing to delete",
                    "kfboot delete APP... or kfboot delete --all");
        }
        if ((all || names.size() > 1) && !yes) confirm();
    }

    /** More than one app goes: ask on a terminal, as argocd and flux do; elsewhere --yes is the answer. */
    private void confirm() {
        String what = all
                ? "every Application in namespace " + cluster.namespace() + " and everything they deployed"
                : names.size() + " Applications (" + String.join(", ", names) + ") and everything they deployed";
        Console console = System.console();
        if (console == null) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "refusing to delete " + what + " without confirmation",
                    "pass --yes to confirm (there is no terminal to ask on)");
        }
        String answer = console.readLine("Delete %s? [y/N] ", what);
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
            throw new CommandFailure(ExitCodes.INPUT, "not confirmed: nothing deleted", null);
        }
    }

    @Override
    protected String timeoutMeaning() {
        return "for each wave's apps, and what they deployed, to be gone, per wave";
    }

    @Override
    protected int run(Cluster c) throws InterruptedException {
        names = appNames(c, names);
        try (AppStore store = openStore(c)) {
            Consumer<String> progress = format == Format.text
                    ? progress()
                    : line -> {
                        err().println(line);
                        err().flush();
                    };
            List<String> deleted = new AppDeleter(new Applications(c), progress)
                    .delete(
                            all ? null : names,
                            new AppDeleter.Consent(profileNamespaces, namespaces),
                            store,
                            cluster.timeout());
            if (format != Format.text)
                out().print(Structured.write(new Deleted(c.argoNamespace(), deleted), format == Format.yaml));
            else
                out().println(
                                deleted.isEmpty()
                                        ? "nothing to delete"
                                        : "deleted " + deleted.size() + " application"
                                                + (deleted.size() == 1 ? "" : "s"));
        }
        out().flush();
        return ExitCodes.OK;
    }
}
