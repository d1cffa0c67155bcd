package dev.kfboot.yaml;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML that people wrote into {@link YNode} trees with line numbers. Every way the input can be
 * unusable (missing, binary, not UTF-8, too large, a line too long, a syntax error, a duplicate key, an
 * alias bomb) becomes one {@link InputException} naming the file and line, with a hint.
 */
public final class YamlReader {

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    public static YamlReader forUserFiles() {
        return new YamlReader(YamlLimits.USER);
    }

    /** All documents of a file; empty documents ({@code ---} alone, comments only) are left out. */
    public List<YNode> readAll(Path file, String shownAs) {
        return parseAll(readText(file, shownAs), shownAs);
    }

    /** Reads a file as strict UTF-8 text within the limits. */
    public String readText(Path file, String shownAs) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new InputException(
                        Location.of(shownAs),
                        "file is " + size + " bytes, more than the limit of " + limits.maxFileBytes(),
                        "split it into smaller files");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(Location.of(shownAs), "file not found", "check the path");
        } catch (IOException e) {
            throw new InputException(
                    Location.of(shownAs),
                    "cannot read file: " + e.getMessage(),
                    "check that it is a readable regular file");
        }
        return decode(bytes, shownAs);
    }

    /** Parses text already in memory; {@code shownAs} names it in errors. */
    public List<YNode> parseAll(String text, String shownAs) {
        checkLines(text, shownAs);
        int deep = Nesting.firstLineDeeperThan(text, Nesting.MAX_DEPTH);
        if (deep > 0) {
            throw new InputException(
                    new Location(shownAs, deep),
                    "YAML nested more than " + Nesting.MAX_DEPTH + " levels deep",
                    "no manifest nests this deep; flatten the structure");
        }
        LoadSettings settings = settings(shownAs);
        List<YNode> docs = new ArrayList<>();
        try {
            for (Node node : new Compose(settings).composeAllFromString(text)) {
                YNode converted = convert(node, shownAs);
                if (!(converted instanceof YScalar s && s.type() == YScalar.Type.NULL)) docs.add(converted);
            }
        } catch (MarkedYamlEngineException e) {
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            // At the end of the stream the problem mark is past the last line; the construct that was left
            // open (a quote, a bracket) starts at the context mark, which is where the fix goes.
            boolean atEnd = problem != null
                    && problem.contains("end of stream")
                    && e.getContextMark().isPresent();
            int line = (atEnd ? e.getContextMark() : e.getProblemMark().or(e::getContextMark))
                    .map(m -> m.getLine() + 1)
                    .orElse(0);
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new InputException(
                    new Location(shownAs, line),
                    "invalid YAML: " + context + firstLine(problem),
                    hintFor(problem, text, line));
        } catch (YamlEngineException e) {
            String msg = firstLine(e.getMessage());
            String hint = msg.contains("aliases")
                    ? "the file expands too many aliases (limit " + limits.maxAliases() + "); write the values out"
                    : msg.contains("code point") || msg.contains("exceeds")
                            ? "a document is larger than " + limits.maxDocumentCodePoints() + " characters; split it"
                            : "fix the YAML syntax";
            throw new InputException(Location.of(shownAs), "invalid YAML: " + msg, hint);
        }
        return docs;
    }

    /** The settings every user file is composed with; {@link YamlEditor} composes with the same. */
    LoadSettings settings(String shownAs) {
        return LoadSettings.builder()
                .setLabel(shownAs)
                .setSchema(new CoreSchemaWithoutMerge())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(limits.maxAliases())
                .setCodePointLimit(limits.maxDocumentCodePoints())
                .build();
    }

    private String decode(byte[] bytes, String shownAs) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputException(
                        new Location(shownAs, lineAt(bytes, i)),
                        "binary content (NUL byte), not YAML",
                        "point kfboot at a YAML text file");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes, start);
            throw new InputException(
                    new Location(shownAs, lineAt(bytes, bad)), "not valid UTF-8 text", "save the file as UTF-8");
        }
    }

    /** Long lines and large documents are refused before the scanner sees them (it is slow on both). */
    private void checkLines(String text, String shownAs) {
        int line = 1;
        int lineStart = 0;
        int docStart = 0;
        int docLine = 1;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - lineStart > limits.maxLineLength()) {
                    throw new InputException(
                            new Location(shownAs, line),
                            "line is " + (i - lineStart) + " characters long, more than the limit of "
                                    + limits.maxLineLength(),
                            "break the value over several lines (a YAML block scalar: |)");
                }
                if (text.startsWith("---", lineStart)) {
                    docStart = lineStart;
                    docLine = line;
                }
                if (i - docStart > limits.maxDocumentCodePoints()) {
                    throw new InputException(
                            new Location(shownAs, docLine),
                            "the YAML document is larger than " + limits.maxDocumentCodePoints() + " characters",
                            "split it into several documents or files");
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    private static int firstInvalidUtf8(byte[] bytes, int from) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // One decoding pass that stops at the first bad sequence. (A binary search over prefixes is wrong:
        // a prefix that ends inside a valid multi-byte character fails too, pointing at an earlier line.)
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) return in.position();
            if (!result.isOverflow()) return Math.max(from, bytes.length - 1);
            out.clear();
        }
    }

    private static int lineAt(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index && i < bytes.length; i++) if (bytes[i] == '\n') line++;
        return line;
    }

    private static String hintFor(String problem, String text, int line) {
        if (problem != null && problem.contains("\\t")) return "indent with spaces; YAML does not allow tabs";
        if (line > 0) {
            String[] lines = text.split("\n", -1);
            if (line <= lines.length && lines[line - 1].contains("\t")) {
                return "indent with spaces; YAML does not allow tabs";
            }
        }
        if (problem != null && problem.contains("duplicate")) return "remove one of the two keys";
        return "fix the YAML syntax at that line";
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    private YNode convert(Node node, String shownAs) {
        int line = node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
        if (node instanceof ScalarNode s) {
            return new YScalar(s.getValue(), typeOf(s.getTag()), s.isPlain(), line);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>(seq.getValue().size());
            for (Node item : seq.getValue()) items.add(convert(item, shownAs));
            return new YSeq(items, line);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node keyNode = t.getKeyNode();
            int keyLine = keyNode.getStartMark().map(Mark::getLine).orElse(-1) + 1;
            if (!(keyNode instanceof ScalarNode k)) {
                throw new InputException(
                        new Location(shownAs, keyLine),
                        "a mapping key must be a plain value",
                        "write the key as a string");
            }
            String key = k.getValue();
            YMap.Entry previous = entries.get(key);
            if (previous != null) {
                throw new InputException(
                        new Location(shownAs, keyLine),
                        "duplicate key '" + key + "' (first at line " + previous.keyLine() + ")",
                        "remove one of the two keys; kubectl and Argo CD would silently keep only the last");
            }
            entries.put(key, new YMap.Entry(key, keyLine, convert(t.getValueNode(), shownAs)));
        }
        return new YMap(entries, line);
    }

    /**
     * The YAML 1.2 core schema with {@code <<} left a plain key. snakeyaml-engine 3 resolves {@code <<} as a
     * merge key and flattens it before we see the mapping, so {@link MapReader} could never refuse it with its
     * hint, and merged keys would report the anchor's lines.
     */
    private static final class CoreSchemaWithoutMerge extends CoreSchema {
        @Override
        public ScalarResolver getScalarResolver() {
            return new CoreScalarResolver(false);
        }
    }

    private static YScalar.Type typeOf(Tag tag) {
        if (Tag.INT.equals(tag)) return YScalar.Type.INT;
        if (Tag.FLOAT.equals(tag)) return YScalar.Type.FLOAT;
        if (Tag.BOOL.equals(tag)) return YScalar.Type.BOOL;
        if (Tag.NULL.equals(tag)) return YScalar.Type.NULL;
        return YScalar.Type.STRING;
    }
}
