package dev.kfboot.cli.operate;

import dev.kfboot.cli.CommandFailure;
import dev.kfboot.cli.DurationConverter;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.ops.WorkloadPods;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfboot logs APP}: the logs of the pods behind an app's workloads. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "Print the logs of an application's pods.",
            "",
            "The pods of an application's Deployments, StatefulSets, DaemonSets and Jobs, "
                    + "each line prefixed with [pod/container]."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:printed (or followed until interrupted)",
            "2:unusable input: an unknown app or container, kubeconfig or context",
            "3:the app has no pods, or the cluster failed"
        })
public final class LogsCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "The application.")
    String app;

    @Option(
            names = {"-c", "--container"},
            paramLabel = "NAME",
            description = "Only this container (default: every container).")
    String container;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep streaming new lines until interrupted.")
    boolean follow;

    @Option(
            names = "--since",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Only lines newer than this, e.g. 10m.")
    Duration since;

    @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines of each container.")
    Integer tail;

    @Override
    protected int run(Cluster c) throws InterruptedException {
        app = appName(c, app);
        List<ManagedResource> resources = ManagedResource.of(new Applications(c).require(app));
        Map<Pod, String> pods = WorkloadPods.of(c, resources);
        if (pods.isEmpty()) {
            throw new CommandFailure(
                    ExitCodes.CLUSTER,
                    app + " has no pods",
                    "its workloads have none running yet, or it deploys none: `kfboot describe " + app + "`");
        }
        List<String[]> streams = new ArrayList<>();
        for (Pod p : pods.keySet()) {
            for (String name : WorkloadPods.containers(p)) {
                if (container == null || container.equals(name))
                    streams.add(new String[] {
                        p.getMetadata().getNamespace(), p.getMetadata().getName(), name
                    });
            }
        }
        if (streams.isEmpty()) {
            throw new CommandFailure(
                    ExitCodes.INPUT,
                    "no container " + container + " in the pods of " + app,
                    "containers: "
                            + pods.keySet().stream()
                                    .flatMap(p -> WorkloadPods.containers(p).stream())
                                    .distinct()
                                    .sorted()
                                    .toList());
        }
        PrintWriter out = out();
        if (!follow) {
            for (String[] s : streams) {
                String text = c.call(
                        "reading the log of " + s[1] + "/" + s[2],
                        () -> logs(c, s).getLog());
                prefix(out, s, text == null ? "" : text);
            }
            out.flush();
            return ExitCodes.OK;
        }
        List<Thread> readers = new ArrayList<>();
        List<LogWatch> watches = new ArrayList<>();
        try {
            for (String[] s : streams) {
                LogWatch w = c.call(
                        "following the log of " + s[1] + "/" + s[2],
                        () -> logs(c, s).watchLog());
                watches.add(w);
                Thread t = new Thread(() -> copy(w, out, s), "log-" + s[1] + "-" + s[2]);
                t.setDaemon(true);
                t.start();
                readers.add(t);
            }
            for (Thread t : readers) t.join();
        } finally {
            watches.forEach(LogWatch::close);
        }
        return ExitCodes.OK;
    }

    private Loggable logs(Cluster c, String[] s) {
        PodResource pod = c.client().pods().inNamespace(s[0]).withName(s[1]);
        var base = pod.inContainer(s[2]);
        if (since != null && tail != null)
            return base.sinceSeconds((int) Math.max(1, since.toSeconds())).tailingLines(tail);
        if (since != null) return base.sinceSeconds((int) Math.max(1, since.toSeconds()));
        if (tail != null) return base.tailingLines(tail);
        return base;
    }

    private static void prefix(PrintWriter out, String[] s, String text) {
        synchronized (out) {
            text.lines().forEach(l -> out.println("[" + s[1] + "/" + s[2] + "] " + l));
            out.flush();
        }
    }

    private static void copy(LogWatch w, PrintWriter out, String[] s) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(w.getOutput(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) prefix(out, s, line);
        } catch (IOException e) {
            prefix(out, s, "(log stream ended: " + e.getMessage() + ")");
        }
    }
}
