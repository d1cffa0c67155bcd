package dev.kfboot.cli.operate;

import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
import dev.kfboot.cli.TextTable;
import dev.kfboot.cluster.Cluster;
import dev.kfboot.cluster.LiveObjects;
import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.LastOperation;
import dev.kfboot.cluster.argocd.ManagedResource;
import dev.kfboot.cluster.ops.ResourceHealth;
import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kfboot describe APP}: one app in depth. */
@Command(
        name = "describe",
        mixinStandardHelpOptions = true,
        description = {
            "Describe one application in depth.",
            "",
            "Source, destination, sync policy, sync and health, conditions, the "
                    + "last operation, and every object it manages with its sync status and its health (judged live by "
                    + "kfboot's own checks)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:described",
            "2:unusable input: an unknown app, kubeconfig or context",
            ClusterCommand.CLUSTER_FAILED
        })
public final class DescribeCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "APP", description = "The application.")
    String app;

    enum Format {
        text,
        json,
        yaml
    }

    @CommandLine.Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    /** What {@code describe -o json} prints: the fields the text shows. */
    record Description(
            String name,
            String namespace,
            String project,
            int wave,
            Map<String, Object> source,
            Map<String, Object> destination,
            Map<String, Object> syncPolicy,
            String sync,
            String revision,
            String health,
            String healthMessage,
            boolean retriesExhausted,
            List<AppStatus.Condition> conditions,
            LastOperation lastOperation,
            List<Resource> resources) {}

    /** One object the Application manages, with its sync and health. */
    record Resource(
            String kind, String group, String namespace, String name, String sync, String health, String message) {}

    @Override
    protected int run(Cluster c) {
        app = appName(c, app);
        GenericKubernetesResource a = new Applications(c).require(app);
        AppStatus s = AppStatus.of(a);
        Map<String, Object> spec = Fields.map(a.getAdditionalProperties(), "spec");
        PrintWriter out = out();
        if (format != Format.text) {
            List<Resource> rows = new ArrayList<>();
            for (ResourceHealth r : ResourceHealth.of(ManagedResource.of(a), new LiveObjects(c))) {
                var id = r.resource().id();
                rows.add(new Resource(
                        id.kind(),
                        id.group(),
                        id.namespace(),
                        id.name(),
                        r.resource().syncStatus(),
                        r.label(),
                        r.health() == null ? null : r.health().message()));
            }
            out.print(Structured.write(
                    new Description(
                            s.name(),
                            c.argoNamespace(),
                            s.project(),
                            s.wave(),
                            Fields.map(spec, "source"),
                            Fields.map(spec, "destination"),
                            Fields.map(spec, "syncPolicy"),
                            s.syncLabel(),
                            s.revision(),
                            s.health().label(),
                            s.healthMessage(),
                            s.retriesExhausted(),
                            s.conditions(),
                            s.lastOperation(),
                            rows),
                    format == Format.yaml));
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Name:          " + s.name());
        out.println("Namespace:     " + c.argoNamespace());
        out.println("Project:       " + s.project());
        out.println("Wave:          " + s.wave());
        Map<String, Object> src = Fields.map(spec, "source");
        out.println("Source:        " + Fields.stringOr(src, "", "repoURL") + " "
                + Fields.stringOr(src, Fields.stringOr(src, "", "chart"), "path") + " @ " + s.targetRevision());
        out.println("Destination:   "
                + Fields.stringOr(spec, Fields.stringOr(spec, "", "destination", "name"), "destination", "server")
                + " namespace " + Fields.stringOr(spec, "-", "destination", "namespace"));
        out.println("Sync policy:   "
                + (s.automated() ? "automated " + Fields.map(spec, "syncPolicy", "automated") : "manual") + " options "
                + Fields.list(spec, "syncPolicy", "syncOptions"));
        out.println("Sync:          " + s.syncLabel() + (s.revision().isEmpty() ? "" : " to " + s.revision()));
        out.println(
                "Health:        " + s.health().label() + (s.healthMessage().isEmpty() ? "" : ": " + s.healthMessage()));
        if (s.retriesExhausted())
            out.println("Auto-sync:     gave up on this revision after "
                    + s.lastOperation().retryCount() + " retries");
        out.println("Conditions:" + (s.conditions().isEmpty() ? "    none" : ""));
        for (AppStatus.Condition cond : s.conditions()) out.println("  " + cond.type() + ": " + cond.message());
        LastOperation op = s.lastOperation();
        out.println("Operation:" + (op == null ? "     none yet" : ""));
        if (op != null) {
            out.println("  Phase:       " + op.phase() + (s.operationInFlight() ? " (in flight)" : ""));
            out.println("  Message:     " + (op.message() == null ? "" : op.message()));
            out.println("  Initiated:   " + (op.automated() ? "automated sync" : op.initiatedBy())
                    + (op.kfbootId() == null ? "" : " (" + op.kfbootId() + ")"));
            out.println("  Started:     " + op.startedAt()
                    + (op.finishedAt() == null ? "" : ", finished " + op.finishedAt()));
            out.println(
                    "  Revision:    " + op.revision() + (op.retryCount() > 0 ? ", retries " + op.retryCount() : ""));
        }
        List<ManagedResource> resources = ManagedResource.of(a);
        out.println("Resources:     " + resources.size());
        if (!resources.isEmpty()) {
            TextTable t = new TextTable("  KIND", "NAMESPACE", "NAME", "SYNC", "HEALTH", "MESSAGE");
            for (ResourceHealth r : ResourceHealth.of(resources, new LiveObjects(c))) {
                var id = r.resource().id();
                t.row(
                        "  " + (id.group().isEmpty() ? id.kind() : id.kind() + "." + id.group()),
                        id.namespace() == null ? "" : id.namespace(),
                        id.name(),
                        r.resource().syncStatus(),
                        r.label(),
                        r.health() == null ? "" : TextTable.clip(r.health().message(), 60));
            }
            out.print(t.render());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
