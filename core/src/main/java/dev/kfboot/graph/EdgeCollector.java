package dev.kfboot.graph;

import dev.kfboot.model.Location;
import dev.kfboot.model.ResourceId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gathers evidence for edges and folds it into one reason per (edge, rule, cause): "3 objects, e.g. X"
 * instead of one line per object, with the smallest id as the example so output is deterministic.
 */
final class EdgeCollector {

    /** Evidence for one reason: the objects it is about. */
    private static final class Evidence {
        final Reason.Kind kind;
        final String cause;
        final String objectNoun;
        final TreeSet<ResourceId> subjects = new TreeSet<>();
        final Location location;
        final String summary;

        Evidence(Reason.Kind kind, String cause, String summary, String objectNoun, Location location) {
            this.kind = kind;
            this.cause = cause;
            this.summary = summary;
            this.objectNoun = objectNoun;
            this.location = location;
        }

        Reason toReason() {
            if (subjects.isEmpty()) return new Reason(kind, cause, summary, location);
            String example = subjects.first().toString();
            int more = subjects.size() - 1;
            String who = more == 0 ? example : example + " and " + more + " more " + objectNoun;
            return new Reason(kind, cause.replace("{objects}", who), summary, location);
        }
    }

    private final Map<String, Map<String, Map<String, Evidence>>> edges = new HashMap<>();

    /**
     * Records that {@code component} needs {@code dependsOn} because of {@code subject}. {@code cause} is the
     * reason text with an {@code {objects}} placeholder, {@code summary} its short form; evidence with the
     * same cause is folded.
     */
    void add(
            String component,
            String dependsOn,
            Reason.Kind kind,
            String cause,
            String summary,
            String objectNoun,
            ResourceId subject) {
        add(component, dependsOn, kind, cause, summary, objectNoun, subject, Location.NONE);
    }

    private void add(
            String component,
            String dependsOn,
            Reason.Kind kind,
            String cause,
            String summary,
            String objectNoun,
            ResourceId subject,
            Location location) {
        if (component.equals(dependsOn)) return;
        Evidence e = edges.computeIfAbsent(component, k -> new HashMap<>())
                .computeIfAbsent(dependsOn, k -> new LinkedHashMap<>())
                .computeIfAbsent(
                        kind + "\u0000" + cause, k -> new Evidence(kind, cause, summary, objectNoun, location));
        if (subject != null) e.subjects.add(subject);
    }

    void declare(DeclaredEdge d) {
        add(d.component(), d.dependsOn(), d.kind(), d.reason(), d.reason(), "", null, d.location());
    }

    List<Dependency> dependencies() {
        List<Dependency> out = new ArrayList<>();
        edges.forEach((component, targets) -> targets.forEach((dependsOn, evidence) -> {
            List<Reason> reasons = new ArrayList<>();
            for (Evidence e : evidence.values()) reasons.add(e.toReason());
            out.add(new Dependency(component, dependsOn, reasons));
        }));
        return out;
    }
}
