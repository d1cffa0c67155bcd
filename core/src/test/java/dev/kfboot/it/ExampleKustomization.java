package dev.kfboot.it;

import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The resources a release's example/kustomization.yaml installs, as paths relative to the tree. */
final class ExampleKustomization {

    private ExampleKustomization() {}

    static List<String> read(Path tree) {
        try {
            Map<String, Object> k = RenderedYaml.parse(Files.readString(tree.resolve("example/kustomization.yaml")))
                    .get(0);
            return ((List<?>) k.get("resources"))
                    .stream()
                            .map(r -> String.valueOf(r)
                                    .replaceFirst("^\\.\\./", "")
                                    .replaceAll("/$", ""))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
