package dev.kfboot.yaml;

/**
 * How much YAML kfboot accepts from one file. Beyond these the file is refused with a clear error rather
 * than parsed slowly or expanded without bound: long single lines make the scanner quadratic, aliases can
 * expand exponentially (the "billion laughs").
 *
 * @param maxFileBytes          largest file read at all
 * @param maxDocumentCodePoints largest single YAML document
 * @param maxLineLength         longest line, in characters
 * @param maxAliases            aliases to mappings or lists per document
 */
public record YamlLimits(long maxFileBytes, int maxDocumentCodePoints, int maxLineLength, int maxAliases) {

    /** For files people write: specs, Applications, kustomizations. */
    public static final YamlLimits USER = new YamlLimits(8L << 20, 3 << 20, 64 * 1024, 50);

    /** For kustomize output: one stream can be tens of megabytes (CRDs), written by a machine. */
    public static final YamlLimits RENDERED = new YamlLimits(512L << 20, 64 << 20, 8 << 20, 0);
}
