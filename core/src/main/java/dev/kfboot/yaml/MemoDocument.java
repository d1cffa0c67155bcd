package dev.kfboot.yaml;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A rendered document as a {@link DocumentMemo} keeps it: unmodifiable all the way down, and it remembers its size
 * as JSON once measured, since every run that reuses it would measure the same (the inventory sizes each object by
 * writing it as JSON: for kserve's CRDs, the costly part of reading them).
 */
public final class MemoDocument extends AbstractMap<String, Object> {

    private final Map<String, Object> fields;
    private volatile int jsonSize = -1;

    /** @param fields deeply unmodifiable */
    MemoDocument(Map<String, Object> fields) {
        this.fields = fields;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return fields.entrySet();
    }

    @Override
    public Object get(Object key) {
        return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return fields.containsKey(key);
    }

    @Override
    public int size() {
        return fields.size();
    }

    /** The document's size as JSON: measured by {@code measure} the first time, remembered after. */
    public int jsonSize(ToIntFunction<Map<String, Object>> measure) {
        int size = jsonSize;
        if (size < 0) {
            size = measure.applyAsInt(this);
            jsonSize = size;
        }
        return size;
    }
}
