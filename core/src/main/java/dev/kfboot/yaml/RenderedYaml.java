package dev.kfboot.yaml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Parses a multi-document stream that a tool wrote (kustomize output) into plain maps, fast, without marks.
 * Maps are built straight from the parser's events, skipping snakeyaml's node tree and constructor (a third
 * faster on CRD-heavy renders); plain scalars resolve with the YAML 1.2 core schema exactly as snakeyaml's
 * loader resolves them. Streams using what kustomize never writes (aliases, explicit tags, non-scalar keys)
 * go through the full loader, as do streams that do not parse (for its error message).
 *
 * <p>A large stream is cut at its document markers and the parts parse side by side: kserve's 3.5 MB render
 * parses in about three quarters of the time on two cores, and that parse follows kustomize on the critical
 * path of a run that re-renders only kserve.
 */
public final class RenderedYaml {

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setSchema(new CoreSchema())
            .setUseMarks(false)
            .setCodePointLimit(YamlLimits.RENDERED.maxDocumentCodePoints())
            .setMaxAliasesForCollections(YamlLimits.RENDERED.maxAliases())
            .build();
    private static final ScalarResolver RESOLVER = SETTINGS.getSchema().getScalarResolver();
    private static final Map<Tag, ConstructNode> SCALARS = SETTINGS.getSchema().getSchemaTagConstructors();
    /** Below this a stream parses in one piece: handing parts to other threads would cost more than it saves. */
    static final int MIN_PART_CHARS = 256 * 1024;

    /** The fast path met something only the full loader handles. */
    private static final class NeedsLoader extends RuntimeException {
        NeedsLoader() {
            super(null, null, false, false);
        }
    }

    /** A map or list being filled, and for a map the key waiting for its value. */
    private static final class Frame {
        final Map<String, Object> map;
        final List<Object> list;
        String key;

        Frame(Map<String, Object> map, List<Object> list) {
            this.map = map;
            this.list = list;
        }

        void add(Object value) {
            if (map == null) {
                list.add(value);
            } else {
                map.put(key, value);
                key = null;
            }
        }
    }

    private RenderedYaml() {}

    /**
     * @throws IllegalArgumentException when the stream is not YAML or a document is not a mapping; the
     *     caller turns it into a finding for the component that produced it
     */
    public static List<Map<String, Object>> parse(String text) {
        try {
            List<String> parts = parts(text, Runtime.getRuntime().availableProcessors());
            return parts.size() == 1 ? fromEvents(text) : inParallel(parts);
        } catch (NeedsLoader | YamlEngineException e) {
            return load(text);
        }
    }

    /** Parts worth parsing apart: cut at lines that are only a document marker, into about 2 parts per core. */
    static List<String> parts(String text, int cores) {
        int want = Math.min(2 * cores, text.length() / MIN_PART_CHARS);
        // a directive line belongs to the document after it: such streams are not cut
        if (want < 2 || text.startsWith("%") || text.contains("\n%")) return List.of(text);
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 1; i < want; i++) {
            int cut = text.indexOf("\n---\n", Math.max(from, (int) ((long) text.length() * i / want)));
            if (cut < 0) break;
            parts.add(text.substring(from, cut + 1));
            from = cut + 1;
        }
        parts.add(text.substring(from));
        return parts;
    }

    private static List<Map<String, Object>> inParallel(List<String> parts) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (List<Map<String, Object>> part : inParallel(parts, RenderedYaml::fromEvents)) docs.addAll(part);
        return docs;
    }

    /**
     * Each stream's documents, the streams parsed side by side; a failure is the first in order, thrown as one
     * parse throws it.
     */
    static List<List<Map<String, Object>>> parseEach(List<String> streams) {
        return inParallel(streams, RenderedYaml::parse);
    }

    private static List<List<Map<String, Object>>> inParallel(
            List<String> parts, Function<String, List<Map<String, Object>>> parser) {
        List<CompletableFuture<List<Map<String, Object>>>> parsing = new ArrayList<>();
        for (String p : parts) parsing.add(CompletableFuture.supplyAsync(() -> parser.apply(p)));
        List<List<Map<String, Object>>> out = new ArrayList<>();
        try {
            for (CompletableFuture<List<Map<String, Object>>> f : parsing) out.add(f.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re; // the same exceptions as one parse throws
            throw e;
        }
        return out;
    }

    private static List<Map<String, Object>> fromEvents(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        ArrayDeque<Frame> open = new ArrayDeque<>();
        Object root = null;
        for (Event e : new Parse(SETTINGS).parseString(text)) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (((CollectionStartEvent) e).getTag().isPresent()) throw new NeedsLoader();
                    Frame f = e.getEventId() == Event.ID.MappingStart
                            ? new Frame(new LinkedHashMap<>(), null)
                            : new Frame(null, new ArrayList<>());
                    Object container = f.map != null ? f.map : f.list;
                    if (open.isEmpty()) {
                        root = container;
                    } else {
                        Frame parent = open.peek();
                        if (parent.map != null && parent.key == null) throw new NeedsLoader(); // a non-scalar key
                        parent.add(container);
                    }
                    open.push(f);
                }
                case MappingEnd, SequenceEnd -> open.pop();
                case Scalar -> {
                    Object v = scalar((ScalarEvent) e);
                    if (open.isEmpty()) {
                        root = v;
                    } else if (open.peek().map != null && open.peek().key == null) {
                        open.peek().key = String.valueOf(v);
                    } else {
                        open.peek().add(v);
                    }
                }
                case DocumentEnd -> {
                    if (root != null) docs.add(mapping(root));
                    root = null;
                }
                case Alias -> throw new NeedsLoader();
                default -> {}
            }
        }
        return docs;
    }

    private static Object scalar(ScalarEvent s) {
        if (s.getTag().isPresent()
                && !s.getImplicit().canOmitTagInPlainScalar()
                && !s.getImplicit().canOmitTagInNonPlainScalar()) {
            throw new NeedsLoader(); // an explicit tag such as !!binary
        }
        if (s.getScalarStyle() != ScalarStyle.PLAIN) return s.getValue();
        Tag tag = RESOLVER.resolve(s.getValue(), true);
        return tag.equals(Tag.STR)
                ? s.getValue()
                : SCALARS.get(tag).construct(new ScalarNode(tag, s.getValue(), ScalarStyle.PLAIN));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(Object doc) {
        if (!(doc instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(
                    "a document is not a mapping: " + doc.getClass().getSimpleName());
        }
        return (Map<String, Object>) m;
    }

    /** The full loader: every YAML feature, and the parser's own message when the stream is invalid. */
    private static List<Map<String, Object>> load(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try {
            for (Object doc : new Load(SETTINGS).loadAllFromString(text)) {
                if (doc != null) docs.add(mapping(doc));
            }
        } catch (YamlEngineException e) {
            throw new IllegalArgumentException(
                    e.getMessage().lines().findFirst().orElse("invalid YAML"), e);
        }
        return docs;
    }
}
