package dev.kfboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;
import dev.kfboot.model.Json;
import dev.kfboot.plan.PlanText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kfboot catalog list}. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        header = "List a release's components.",
        description = "List a release's components: default or optional, variants, destination namespace.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed", "2:unknown release"})
public final class CatalogListCommand implements Callable<Integer> {

    enum Format {
        text,
        json,
        yaml
    }

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description = "kubeflow/manifests release (default: the newest known).")
    String release;

    @Option(
            names = {"-o", "--output"},
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Catalogs catalogs = Catalogs.builtin();
        ReleaseCatalog catalog = catalogs.release(release == null ? catalogs.defaultRelease() : release);
        PrintWriter out = command.commandLine().getOut();
        if (format != Format.text) {
            ObjectNode root = Json.object();
            root.put("release", catalog.release());
            ArrayNode comps = root.putArray("components");
            for (Component c : catalog.components()) {
                ObjectNode n = comps.addObject();
                n.put("id", c.id());
                n.put("default", c.example());
                n.put("namespace", c.namespace());
                n.put("description", c.description());
                ArrayNode vs = n.putArray("variants");
                for (Variant v : c.variants()) {
                    ObjectNode vn = vs.addObject();
                    vn.put("name", v.name());
                    v.paths().forEach(vn.putArray("paths")::add);
                    if (!v.components().isEmpty()) v.components().forEach(vn.putArray("components")::add);
                    vn.put("description", v.description());
                }
            }
            out.print(Structured.write(root, format == Format.yaml));
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"COMPONENT", "DEFAULT", "NAMESPACE", "VARIANTS", "DESCRIPTION"});
            for (Component c : catalog.components()) {
                rows.add(new String[] {
                    c.id(),
                    c.example() ? "yes" : "optional",
                    c.namespace(),
                    String.join(",", c.variantNames()),
                    c.description()
                });
            }
            out.println("kubeflow/manifests " + catalog.release() + " (" + catalog.repo() + " @ " + catalog.revision()
                    + ")");
            out.println();
            out.print(PlanText.columns(rows));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
