package dev.kfboot.generate;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Severity;
import dev.kfboot.plan.Plan;
import dev.kfboot.spec.ResolvedPlatform;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A generated tree in memory, for a platform: every file by its path inside the tree (sorted, '/'-separated), the child
 * apps it holds, and findings met on the way (an error finding means the tree must not be written).
 */
public record GeneratedTree(
        ResolvedPlatform platform,
        SortedMap<String, String> files,
        List<ChildApp> apps,
        Plan plan,
        TreeOptions options,
        List<Finding> findings) {

    public GeneratedTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        apps = List.copyOf(apps);
        findings = findings.stream().sorted().toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public String file(String path) {
        String f = files.get(path);
        if (f == null) throw new IllegalArgumentException("not in the tree: " + path);
        return f;
    }

    /** What an upgrade added, app by app in wave order (empty without {@link TreeOptions#upgrade()}). */
    public List<UpgradeEdit> upgradeEdits() {
        return apps.stream()
                .filter(a -> a.overlay() != null)
                .flatMap(a -> a.overlay().upgrade().edits().stream())
                .toList();
    }

    public Map<String, String> filesMap() {
        return files;
    }
}
