package dev.kfboot.yaml;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Strict, typed access to one mapping of a user file: unknown keys, wrong types and missing required keys
 * are {@link InputException}s naming the file, the line, the field path and the accepted choices.
 */
public final class MapReader {

    private final YMap map;
    private final String file;
    private final String path;

    private MapReader(YMap map, String file, String path) {
        this.map = map;
        this.file = file;
        this.path = path;
    }

    /** Reads {@code node} as a mapping that may hold only {@code allowed} keys. */
    public static MapReader of(YNode node, String file, String path, Collection<String> allowed) {
        if (!(node instanceof YMap m)) {
            throw new InputException(
                    new Location(file, node.line()),
                    label(path) + " must be a mapping, found " + node.describe(),
                    "write it as key: value lines");
        }
        for (YMap.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String hint = e.key().equals("<<")
                        ? "YAML merge keys (<<) are not supported here; write the fields out"
                        : "known fields: " + String.join(", ", new TreeSet<>(allowed));
                throw new InputException(
                        new Location(file, e.keyLine()), "unknown field '" + e.key() + "' in " + label(path), hint);
            }
        }
        return new MapReader(m, file, path);
    }

    private static String label(String path) {
        return path.isEmpty() ? "the document" : path;
    }

    public YMap node() {
        return map;
    }

    public String file() {
        return file;
    }

    public String path() {
        return path;
    }

    public String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public Location at(String key) {
        return new Location(file, map.lineOf(key));
    }

    public Location here() {
        return new Location(file, map.line());
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public Optional<YNode> node(String key) {
        return map.get(key).filter(n -> !(n instanceof YScalar s && s.type() == YScalar.Type.NULL));
    }

    public String requiredString(String key, String hint) {
        return string(key)
                .orElseThrow(() -> new InputException(here(), "missing required field '" + child(key) + "'", hint));
    }

    /**
     * A string value. Numbers are refused unless quoted, because {@code 1.10} unquoted is the number 1.1 to
     * kubectl; the hint says to quote it.
     */
    public Optional<String> string(String key) {
        return node(key).map(n -> {
            if (n instanceof YScalar s && s.type() == YScalar.Type.STRING) return s.value();
            if (n instanceof YScalar s
                    && (s.type() == YScalar.Type.INT
                            || s.type() == YScalar.Type.FLOAT
                            || s.type() == YScalar.Type.BOOL)) {
                throw new InputException(
                        at(key),
                        child(key) + " must be a string, found " + n.describe(),
                        "quote it: " + key + ": \"" + s.value() + "\"");
            }
            throw new InputException(
                    at(key), child(key) + " must be a string, found " + n.describe(), "write a single value");
        });
    }

    /** A real boolean; {@code yes}/{@code on} are refused because YAML 1.1 tools read them differently. */
    public Optional<Boolean> bool(String key) {
        return node(key).map(n -> {
            if (n instanceof YScalar s && s.type() == YScalar.Type.BOOL) return (Boolean) s.toPlain();
            throw new InputException(
                    at(key),
                    child(key) + " must be true or false, found " + n.describe(),
                    "write true or false (yes/no/on/off mean different things to different YAML parsers)");
        });
    }

    public Optional<Integer> integer(String key) {
        return node(key).map(n -> {
            if (n instanceof YScalar s && s.plain() && s.value().matches("[-+]?0[0-9]+")) {
                throw new InputException(
                        at(key),
                        child(key) + " has a leading zero (" + s.value() + ")",
                        "YAML 1.1 tools such as kubectl read it as octal; write " + Long.parseLong(s.value()));
            }
            if (n instanceof YScalar s && s.type() == YScalar.Type.INT) {
                Object v = s.toPlain();
                if (v instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) return l.intValue();
            }
            throw new InputException(
                    at(key), child(key) + " must be a whole number, found " + n.describe(), "write a number such as 3");
        });
    }

    /** A list of strings; a single string is refused so that typos do not silently become lists. */
    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (YNode item : list(key)) {
            if (item instanceof YScalar s && s.type() == YScalar.Type.STRING) {
                out.add(s.value());
            } else {
                throw new InputException(
                        new Location(file, item.line()),
                        child(key) + " must hold strings, found " + item.describe(),
                        "quote the value");
            }
        }
        return out;
    }

    /** A mapping of strings to strings (labels, selectors), in document order. */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<YNode> n = node(key);
        if (n.isEmpty()) return out;
        if (!(n.get() instanceof YMap m)) {
            throw new InputException(
                    at(key),
                    child(key) + " must be a mapping, found " + n.get().describe(),
                    "write it as key: value lines");
        }
        for (YMap.Entry e : m.entries().values()) {
            if (e.value() instanceof YScalar s && s.type() == YScalar.Type.STRING) {
                out.put(e.key(), s.value());
            } else {
                throw new InputException(
                        new Location(file, e.keyLine()),
                        child(key) + "." + e.key() + " must be a string, found "
                                + e.value().describe(),
                        "quote the value");
            }
        }
        return out;
    }

    public List<YNode> list(String key) {
        Optional<YNode> n = node(key);
        if (n.isEmpty()) return List.of();
        if (n.get() instanceof YSeq seq) return seq.items();
        throw new InputException(
                at(key),
                child(key) + " must be a list, found " + n.get().describe(),
                "write it as lines starting with '- '");
    }

    public Optional<MapReader> map(String key, Collection<String> allowed) {
        return node(key).map(n -> of(n, file, child(key), allowed));
    }
}
