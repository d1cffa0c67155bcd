package dev.kfboot.yaml;

import org.apache.commons.codec.digest.MurmurHash3;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed documents of earlier renders in this process, by their text, for a process that validates again and
 * again (validate --watch, the daemon): a stream is cut at its document markers and only documents not seen
 * before are parsed. An edit that changes a few of kserve's 66 documents re-parses those few instead of 3.5 MB.
 *
 * <p>Documents are kept by a 128-bit MurmurHash3 of their bytes, at most {@code maxBytes} of document text in
 * all, the least recently used dropped first. What it returns is deeply unmodifiable, since the same objects
 * serve later runs; each document is a {@link MemoDocument}, which also remembers its size as JSON. Streams with
 * directives are parsed whole and not kept, as are documents larger than the bound.
 */
public final class DocumentMemo {

    /** About 16 MB of YAML: the largest component (kserve, 3.5 MB) four times over, with its parsed objects. */
    public static final long DEFAULT_MAX_BYTES = 16L << 20;

    private record Key(long high, long low, int length) {}

    private record Entry(List<Map<String, Object>> docs, int bytes) {}

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long reused;
    private long parsed;

    public DocumentMemo(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public DocumentMemo() {
        this(DEFAULT_MAX_BYTES);
    }

    /** Documents reused and parsed since this memo was made. */
    public synchronized long[] counts() {
        return new long[] {reused, parsed};
    }

    /**
     * The documents of a stream, as {@link RenderedYaml#parse} returns them.
     *
     * @throws IllegalArgumentException as {@link RenderedYaml#parse}, for the first document that does not parse
     */
    public List<Map<String, Object>> parse(byte[] stream) {
        if (stream.length > 0 && stream[0] == '%' || indexOf(stream, DIRECTIVE_LINE, 0) >= 0) {
            return RenderedYaml.parse(new String(stream, StandardCharsets.UTF_8));
        }
        List<int[]> pieces = pieces(stream);
        List<Key> keys = new ArrayList<>(pieces.size());
        List<List<Map<String, Object>>> found = new ArrayList<>(pieces.size());
        synchronized (this) {
            for (int[] p : pieces) {
                long[] h = MurmurHash3.hash128x64(stream, p[0], p[1] - p[0], 0);
                Key k = new Key(h[0], h[1], p[1] - p[0]);
                Entry e = entries.get(k);
                keys.add(k);
                found.add(e == null ? null : e.docs());
            }
        }
        // the pieces not seen before parse side by side, as one stream would
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) if (found.get(i) == null) missing.add(i);
        List<String> texts = new ArrayList<>(missing.size());
        for (int i : missing) texts.add(new String(stream, pieces.get(i)[0], pieces.get(i)[1] - pieces.get(i)[0], StandardCharsets.UTF_8));
        List<List<Map<String, Object>>> fresh = RenderedYaml.parseEach(texts).stream().map(DocumentMemo::frozen).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (this) {
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                found.set(i, fresh.get(j));
                remember(keys.get(i), new Entry(fresh.get(j), pieces.get(i)[1] - pieces.get(i)[0]));
            }
            reused += pieces.size() - missing.size();
            parsed += missing.size();
        }
        for (List<Map<String, Object>> docs : found) out.addAll(docs);
        return out;
    }

    private static final byte[] MARKER = "\n---\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DIRECTIVE_LINE = "\n%".getBytes(StandardCharsets.US_ASCII);

    /** [start, end) of each document: cut after the newline before each line that is only "---". */
    private static List<int[]> pieces(byte[] s) {
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int at = indexOf(s, MARKER, 0); at >= 0; at = indexOf(s, MARKER, at + 1)) {
            out.add(new int[] {from, at + 1});
            from = at + 1;
        }
        out.add(new int[] {from, s.length});
        return out;
    }

    private static int indexOf(byte[] s, byte[] what, int from) {
        outer:
        for (int i = from; i <= s.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) if (s[i + j] != what[j]) continue outer;
            return i;
        }
        return -1;
    }

    private void remember(Key k, Entry e) {
        if (e.bytes() > maxBytes) return;
        Entry old = entries.put(k, e);
        if (old != null) bytes -= old.bytes();
        bytes += e.bytes();
        var it = entries.values().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().bytes();
            it.remove();
        }
    }

    /** Deeply unmodifiable, in place: each map and list is wrapped once, also when it is reached twice. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> frozen(List<Map<String, Object>> docs) {
        IdentityHashMap<Object, Object> seen = new IdentityHashMap<>();
        List<Map<String, Object>> out = new ArrayList<>(docs.size());
        for (Map<String, Object> d : docs) out.add(new MemoDocument((Map<String, Object>) freeze(d, seen)));
        return Collections.unmodifiableList(out);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object v, IdentityHashMap<Object, Object> seen) {
        Object done = seen.get(v);
        if (done != null) return done;
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            Object wrapped = Collections.unmodifiableMap(map);
            seen.put(v, wrapped);
            map.replaceAll((k, x) -> freeze(x, seen));
            return wrapped;
        }
        if (v instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            Object wrapped = Collections.unmodifiableList(list);
            seen.put(v, wrapped);
            list.replaceAll(x -> freeze(x, seen));
            return wrapped;
        }
        return v;
    }
}
