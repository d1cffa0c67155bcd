package dev.kfboot.generate;

import dev.kfboot.Kfboot;
import dev.kfboot.Sources;
import dev.kfboot.catalog.Catalogs;
import dev.kfboot.spec.Platform;
import dev.kfboot.spec.PlatformReader;
import java.util.List;

/** Trees generated for tests, from committed facts. */
final class Trees {

    static final String FORK_URL = "https://github.com/kubeflow/manifests.git";
    static final String TREE_URL = "https://github.com/acme/kubeflow-gitops.git";

    private Trees() {}

    static GeneratedTree fork(Platform spec) {
        return Kfboot.quiet()
                .generate(
                        spec,
                        Sources.facts(),
                        new TreeOptions(Layout.FORK, new TreeSite(FORK_URL, "26.03", "argocd"), List.of(), false));
    }

    static GeneratedTree standalone(Platform spec) {
        return Kfboot.quiet()
                .generate(
                        spec,
                        Sources.facts(),
                        new TreeOptions(Layout.STANDALONE, new TreeSite(TREE_URL, "main", ""), List.of(), false));
    }

    static GeneratedTree fleet(Platform spec) {
        return Kfboot.quiet()
                .generate(
                        spec,
                        Sources.facts(),
                        new TreeOptions(Layout.STANDALONE, new TreeSite(TREE_URL, "main", "fleet"), List.of(), true));
    }

    static GeneratedTree defaultFork() {
        return fork(Platform.defaults(Catalogs.builtin().defaultRelease()));
    }

    /** Every file of a tree in one text, for goldens: a header line per file, then its content. */
    static String concat(GeneratedTree tree) {
        StringBuilder sb = new StringBuilder();
        tree.files()
                .forEach((path, text) ->
                        sb.append("===== ").append(path).append('\n').append(text));
        return sb.toString();
    }

    static Platform spec(String yaml) {
        return PlatformReader.parse(yaml, "platform.yaml");
    }
}
