package dev.kfboot.cli.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.cli.Structured;
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

    /** {@code catalog list -o json}: the release and its components. */
    record Document(String release, List<ComponentDoc> components) {}

    /** @param example whether the release's example installs it, as {@code "default"} */
    record ComponentDoc(
            String id,
            @JsonProperty("default") boolean example,
            String namespace,
            String description,
            List<VariantDoc> variants) {}

    /** @param components the kustomize Components applied on top, left out when there are none */
    record VariantDoc(
            String name,
            List<String> paths,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> components,
            String description) {}

    @Override
    public Integer call() {
        Catalogs catalogs = Catalogs.builtin();
        ReleaseCatalog catalog = catalogs.release(release == null ? catalogs.defaultRelease() : release);
        PrintWriter out = command.commandLine().getOut();
        if (format != Format.text) {
            Document doc = new Document(
                    catalog.release(),
                    catalog.components().stream()
                            .map(CatalogListCommand::component)
                            .toList());
            out.print(Structured.write(doc, format == Format.yaml));
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

    private static ComponentDoc component(Component c) {
        return new ComponentDoc(
                c.id(),
                c.example(),
                c.namespace(),
                c.description(),
                c.variants().stream()
                        .map(v -> new VariantDoc(v.name(), v.paths(), v.components(), v.description()))
                        .toList());
    }
}
