package dev.kfboot.cli.plan;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.DeclaredDependency;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;
import dev.kfboot.cli.ExitCodes;
import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kfboot catalog show COMPONENT}. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        header = "Show one component of a release.",
        description = "Show one component: variants with paths, declared couplings, and from the committed facts "
                + "its namespaces, object counts by kind and the CRDs it provides.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:unknown release or component"})
public final class CatalogShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMPONENT", description = "Component id (kfboot catalog list shows them).")
    String id;

    @Option(
            names = "--release",
            paramLabel = "RELEASE",
            description = "kubeflow/manifests release (default: the newest known).")
    String release;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        Catalogs catalogs = Catalogs.builtin();
        ReleaseCatalog catalog = catalogs.release(release == null ? catalogs.defaultRelease() : release);
        Component c = catalog.component(id)
                .orElseThrow(() -> new InputException(
                        Location.NONE,
                        "unknown component '" + id + "' in release " + catalog.release(),
                        "known components: " + String.join(", ", catalog.componentIds())));
        PrintWriter out = command.commandLine().getOut();
        out.println(c.id() + ": " + c.description());
        out.println("  release:    " + catalog.release() + (c.example() ? " (in the example set)" : " (optional)"));
        out.println("  namespace:  " + c.namespace());
        if (c.requests().cpuMillis() > 0 || c.requests().memoryMiB() > 0) {
            out.println("  requests:   " + c.requests().cpuMillis() + "m CPU, "
                    + c.requests().memoryMiB() + "Mi memory, " + c.requests().storageGB() + "GB storage");
        }
        for (DeclaredDependency d : c.dependsOn())
            out.println("  needs:      " + d.component() + " (" + d.reason() + ")");
        for (Variant v : c.variants()) {
            out.println("  variant " + v.name() + (v == c.defaultVariant() ? " (default)" : "")
                    + (v.description().isEmpty() ? "" : ": " + v.description()));
            for (String p : v.paths()) out.println("    path       " + p);
            for (String p : v.components()) out.println("    component  " + p);
            List<KubeObject> objects =
                    catalogs.facts(catalog.release()).of(c.id(), v.name()).orElse(List.of());
            TreeSet<String> ns = new TreeSet<>();
            Map<String, Integer> kinds = new TreeMap<>();
            TreeSet<String> crds = new TreeSet<>();
            for (KubeObject o : objects) {
                if (o.id().namespace() != null) ns.add(o.id().namespace());
                kinds.merge(o.groupKind().toString(), 1, Integer::sum);
                if (o.crd() != null) crds.add(o.crd().definedKind().toString());
            }
            out.println("    objects    " + objects.size() + (ns.isEmpty() ? "" : " in " + String.join(", ", ns)));
            kinds.forEach((k, n) -> out.println("      " + n + " " + k));
            if (!crds.isEmpty()) out.println("    provides   " + String.join(", ", crds));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
