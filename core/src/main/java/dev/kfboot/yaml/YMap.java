package dev.kfboot.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with string keys, in document order; each entry keeps its key's line. */
public record YMap(Map<String, Entry> entries, int line) implements YNode {

    /** One key: value pair; {@code keyLine} is where the key is written. */
    public record Entry(String key, int keyLine, YNode value) {}

    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Optional<YNode> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    /** The line of a key, or of the mapping when the key is absent. */
    public int lineOf(String key) {
        Entry e = entries.get(key);
        return e == null ? line : e.keyLine();
    }

    @Override
    public Object toPlain() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Entry e : entries.values()) out.put(e.key(), e.value().toPlain());
        return out;
    }

    @Override
    public String describe() {
        return "a mapping";
    }
}
