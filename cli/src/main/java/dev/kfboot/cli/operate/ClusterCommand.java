package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.ClusterErrors;
import dev.kfboot.cluster.ClusterException;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The common part of every command that talks to a cluster: connect with the {@link ClusterOptions}, run, close,
 * and turn cluster failures into exit codes (3; 2 for unusable settings and refusals that need a flag) with a
 * hint. Each command is its own subclass.
 */
public abstract class ClusterCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    /** Exit codes every cluster command shares, for {@code exitCodeList}. */
    public static final String CLUSTER_FAILED =
            "3:the cluster failed: unreachable, credentials refused, API errors after retries, timed out";

    protected abstract int run(Cluster c) throws Exception;

    /**
     * What {@code --timeout} times in this command ("for each wave to be Synced and Healthy"), for its help; null
     * when the command waits for nothing, which hides the option.
     */
    protected String timeoutMeaning() {
        return null;
    }

    /** Gives each cluster command's {@code --timeout} a help text that says what it times. */
    public static void describeTimeouts(CommandLine root) {
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!(sub.getCommand() instanceof ClusterCommand command)) continue;
            CommandSpec spec = sub.getCommandSpec();
            CommandLine.Model.OptionSpec old = spec.findOption("--timeout");
            if (old == null) continue;
            String meaning = command.timeoutMeaning();
            spec.remove(old);
            spec.addOption(CommandLine.Model.OptionSpec.builder(old)
                    .description(
                            meaning == null
                                    ? "Unused: this command waits for nothing."
                                    : "How long to wait " + meaning + " (default: ${DEFAULT-VALUE}).")
                    .hidden(meaning == null)
                    .build());
        }
    }

    /** Checks that need no cluster (arguments, files) before connecting. */
    protected void validate() {}

    @Override
    public final Integer call() throws Exception {
        validate();
        try (Cluster c = cluster.connect()) {
            return run(c);
        } catch (ClusterException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCodes.CLUSTER, "interrupted", null);
        } catch (KubernetesClientException e) {
            throw failure(ClusterErrors.translate(
                    e,
                    "talking to the cluster",
                    cluster.settings().kubeconfig() == null
                            ? "the API server"
                            : "the API server of " + cluster.settings().kubeconfig()));
        }
    }

    public static CommandFailure failure(ClusterException e) {
        int code = switch (e.kind()) {
            case CONFIG, REFUSED -> ExitCodes.INPUT;
            default -> ExitCodes.CLUSTER;
        };
        return new CommandFailure(code, e.getMessage(), e.hint());
    }

    /** The Application named, given by its name or by its component's name as plan and report show it. */
    protected static String appName(Cluster c, String name) {
        return new Applications(c).resolveName(name);
    }

    /** {@link #appName} for each name. */
    protected static List<String> appNames(Cluster c, List<String> names) {
        Applications apps = new Applications(c);
        return new ArrayList<>(names.stream().map(apps::resolveName).toList());
    }

    /** The informer over Argo CD's Applications; the first list may take a few pages and retries. */
    protected AppStore openStore(Cluster c) {
        return AppStore.start(c, cluster.settings().requestTimeout().multipliedBy(3));
    }

    /** Progress lines of a long step, printed as they come. */
    protected Consumer<String> progress() {
        return line -> {
            out().println(line);
            out().flush();
        };
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
