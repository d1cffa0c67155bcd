package dev.kfboot.yaml;

import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YSeq(List<YNode> items, int line) implements YNode {

    public YSeq {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YNode n : items) out.add(n.toPlain());
        return out;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
