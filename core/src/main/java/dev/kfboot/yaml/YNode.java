package dev.kfboot.yaml;

/** A YAML node that remembers its 1-based line, so every complaint about user input can point at it. */
public sealed interface YNode permits YMap, YSeq, YScalar {

    int line();

    /** Plain Java value: {@code Map<String,Object>}, {@code List<Object>}, String, Long, Double, Boolean or null. */
    Object toPlain();

    /** What a person calls this node in an error: "a mapping", "a list", "the string 'x'". */
    String describe();
}
