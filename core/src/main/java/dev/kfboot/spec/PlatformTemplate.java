package dev.kfboot.spec;

import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;

/** Writes the commented default {@code platform.yaml} for a release, from its catalog. */
public final class PlatformTemplate {

    private PlatformTemplate() {}

    public static String write(ReleaseCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append("# kfboot platform spec. `kfboot plan -f platform.yaml` shows the waves it compiles to.\n");
        sb.append("apiVersion: ").append(Platform.API_VERSION).append('\n');
        sb.append("kind: ").append(Platform.KIND).append('\n');
        sb.append("metadata:\n  name: kubeflow\n");
        sb.append("spec:\n");
        sb.append("  # kubeflow/manifests release (`kfboot catalog list` shows what it has).\n");
        sb.append("  release: \"").append(catalog.release()).append("\"\n");
        sb.append("  # The repository the child Applications read: your fork of kubeflow/manifests, or upstream.\n");
        sb.append("  repo:\n");
        sb.append("    url: ").append(catalog.repo()).append('\n');
        sb.append("    revision: \"").append(catalog.revision()).append("\"\n");
        sb.append("    path: \"\"   # where the manifests tree sits inside the repository\n");
        sb.append("  # The release's example set is installed unless an entry here changes it. An entry can\n");
        sb.append("  # disable a component (enabled: false), enable an optional one (enabled: true), pick a\n");
        sb.append("  # variant, add dependsOn edges the manifests do not show, or pin a wave.\n");
        sb.append("  components:\n");
        for (Component c : catalog.components()) {
            boolean listed = !c.example() || c.variants().size() > 1;
            if (!listed) continue;
            sb.append("    # ").append(c.description()).append('\n');
            if (c.variants().size() > 1) {
                for (Variant v : c.variants()) {
                    sb.append("    #   variant ").append(v.name());
                    if (!v.description().isEmpty()) sb.append(": ").append(v.description());
                    sb.append('\n');
                }
            }
            sb.append("    - name: ").append(c.id()).append('\n');
            sb.append("      enabled: ").append(c.example()).append('\n');
            if (c.variants().size() > 1) sb.append("      variant: ").append(c.defaultVariant().name()).append('\n');
        }
        return sb.toString();
    }
}
