package dev.kfboot.validate;

import dev.kfboot.model.Location;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;

/** Where a nested key of a YAML document is written, so findings point at the field, not the document. */
final class Lines {

    private Lines() {}

    /** The line of {@code keys} in {@code doc} (e.g. spec, source, repoURL), or of the deepest key present. */
    static Location of(YMap doc, String file, String... keys) {
        YNode node = doc;
        int line = doc.line();
        for (String k : keys) {
            if (!(node instanceof YMap m) || m.get(k).isEmpty()) break;
            line = m.lineOf(k);
            node = m.get(k).get();
        }
        return new Location(file, line);
    }
}
