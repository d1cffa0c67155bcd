package dev.kfboot.upgrade;

import dev.kfboot.graph.Dependency;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Waves and edges that differ between the releases: what syncs at another moment after the upgrade. */
final class OrderingChanges {

    private OrderingChanges() {}

    static List<Change> find(Side from, Side to) {
        List<Change> out = new ArrayList<>();
        for (var e : new TreeMap<>(to.waves()).entrySet()) {
            String app = e.getKey();
            Integer old = from.waves().get(app);
            if (old == null) {
                out.add(ordering(app, null, "new app in wave " + e.getValue(), "Argo CD creates it in its wave"));
            } else if (!old.equals(e.getValue())) {
                out.add(ordering(
                        app, app, "wave " + old + " -> " + e.getValue(), "the root app syncs it at its new wave"));
            }
        }
        for (String app : new TreeSet<>(from.waves().keySet())) {
            if (!to.waves().containsKey(app)) {
                out.add(ordering(
                        app,
                        app,
                        "app goes away (was wave " + from.waves().get(app) + ")",
                        "the root app prunes its Application; see its objects' moves and removals"));
            }
        }
        Set<String> a = edges(from.edges());
        Set<String> b = edges(to.edges());
        for (Dependency d : to.edges()) {
            String key = d.component() + " -> " + d.dependsOn();
            if (!a.contains(key)) {
                out.add(ordering(
                        d.component(),
                        d.component(),
                        "now depends on " + d.dependsOn()
                                + (d.reasons().isEmpty()
                                        ? ""
                                        : " (" + d.reasons().get(0).summary() + ")"),
                        "ordered by its wave"));
            }
        }
        for (Dependency d : from.edges()) {
            String key = d.component() + " -> " + d.dependsOn();
            if (!b.contains(key)) {
                out.add(ordering(
                        d.component(), d.component(), "no longer depends on " + d.dependsOn(), "nothing to do"));
            }
        }
        return out;
    }

    private static Set<String> edges(List<Dependency> deps) {
        Set<String> out = new TreeSet<>();
        for (Dependency d : deps) out.add(d.component() + " -> " + d.dependsOn());
        return out;
    }

    private static Change ordering(String app, String fromApp, String msg, String fix) {
        return new Change(
                Change.Type.ORDERING, Severity.INFO, app, fromApp, null, null, null, null, null, msg, fix, null);
    }
}
