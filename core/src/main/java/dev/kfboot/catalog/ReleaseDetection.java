package dev.kfboot.catalog;

/**
 * Which release an upstream tree is, and how that was found.
 *
 * @param release  a release kfboot has a catalog for, or null when the tree is none of them
 * @param label    for a tree that is no known release, the name its git tag or {@code git describe} gives, or null
 * @param evidence how it was decided, for the summary ("git tag 26.03.1", "README version table matches 26.03")
 * @param commit   the tree's commit when it is a git checkout (or the known release's recorded commit when the
 *                 tree's README identifies it); "" when nobody knows
 */
public record ReleaseDetection(String release, String label, String evidence, String commit) {

    public boolean known() {
        return release != null;
    }
}
