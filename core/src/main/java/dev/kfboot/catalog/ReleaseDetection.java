package dev.kfboot.catalog;

import java.util.List;

/**
 * Which release an upstream tree is, and how that was found.
 *
 * @param release  a release kfboot has a catalog for, or null when the tree is none of them
 * @param label    for a tree that is no known release, the name its git tag or {@code git describe} gives, or null
 * @param evidence how it was decided, for the summary ("git tag 26.03.1", "README version table matches 26.03")
 * @param commit   the tree's commit when it is a git checkout (or the known release's recorded commit when the
 *                 tree's README or files identify it); "" when nobody knows
 * @param changed  for a known release recognised by its components' files, the components whose files the tree
 *                 changed (their committed facts do not describe the tree); else empty
 */
public record ReleaseDetection(String release, String label, String evidence, String commit, List<String> changed) {

    public ReleaseDetection {
        changed = changed == null ? List.of() : List.copyOf(changed);
    }

    public ReleaseDetection(String release, String label, String evidence, String commit) {
        this(release, label, evidence, commit, List.of());
    }

    public boolean known() {
        return release != null;
    }
}
