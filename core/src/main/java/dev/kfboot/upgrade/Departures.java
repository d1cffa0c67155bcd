package dev.kfboot.upgrade;

import dev.kfboot.model.GroupKind;
import dev.kfboot.model.ResourceId;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objects the new release no longer renders under their name: renamed ones (a new object plays their role) and
 * removed ones. Argo CD prunes them (or leaves them orphaned with prune off). What holds data is kept in the target
 * tree with {@code Prune=false,Delete=false} and left to a human; the Profiles CRD and Profiles are never proposed
 * for deletion.
 */
final class Departures {

    private Departures() {}

    static List<Change> renamed(List<RenameMatcher.Pair> pairs, AppSuccession succession, List<UpgradePlan.Kept> kept) {
        List<Change> out = new ArrayList<>();
        for (RenameMatcher.Pair r : pairs) {
            Placed from = r.from();
            Placed to = r.to();
            String moved = from.app().equals(to.app()) ? "" : ", from app " + from.app() + " to app " + to.app();
            String how = r.generatedName() ? "generated name changes (content hash)" : "renamed";
            String msg = how + " to " + to.id().name() + moved + " (same kind and role: "
                    + Math.round(r.bodyScore() * 100) + "% of its fields alike)";
            if (mustKeep(from)) {
                kept.add(new UpgradePlan.Kept(
                        to.app(),
                        from.id(),
                        from.body(),
                        "renamed to " + to.id().name() + "; deleting it deletes "
                                + DataKinds.what(from.id().groupKind())));
                out.add(new Change(
                        Change.Type.RENAMED,
                        Severity.ERROR,
                        to.app(),
                        from.app(),
                        from.id(),
                        to.id(),
                        null,
                        null,
                        null,
                        msg + "; the new one starts empty",
                        "needs a decision: the target tree keeps the old one (" + DataKinds.KEEP
                                + "); move its data to " + to.id().name() + ", then drop it",
                        DataKinds.KEEP));
            } else {
                out.add(new Change(
                        Change.Type.RENAMED,
                        Severity.INFO,
                        to.app(),
                        from.app(),
                        from.id(),
                        to.id(),
                        null,
                        null,
                        null,
                        msg,
                        "Argo CD creates " + to.id().name() + " and prunes "
                                + from.id().name()
                                + " (with prune off it stays, orphaned: delete it after the upgrade)",
                        null));
            }
        }
        return out;
    }

    static List<Change> removed(
            List<Placed> removed,
            Collection<Placed> all,
            AppSuccession succession,
            LiveFacts live,
            List<UpgradePlan.Kept> kept) {
        GroupKind profileKind = all.stream()
                .filter(p -> DataKinds.isProfilesCrd(p.object()))
                .map(p -> p.object().crd().definedKind())
                .findFirst()
                .orElse(null);
        List<Change> out = new ArrayList<>();
        for (Placed p : removed) {
            String app = Optional.ofNullable(succession.of(p.app())).orElse(p.app());
            boolean profiles = DataKinds.isProfilesCrd(p.object()) || DataKinds.isProfile(p.object(), profileKind);
            if (!profiles && !DataKinds.holdsData(p.id().groupKind())) {
                out.add(new Change(
                        Change.Type.REMOVED,
                        Severity.INFO,
                        app,
                        p.app(),
                        p.id(),
                        null,
                        null,
                        null,
                        null,
                        "no longer rendered: Argo CD prunes it (with prune off it stays, orphaned)",
                        "nothing to do; with prune off, delete it after the upgrade",
                        null));
                continue;
            }
            String successor = succession.of(p.app());
            Change c = data(p, app, profiles, live);
            if (successor == null) {
                out.add(c.withSeverity(
                        Severity.ERROR,
                        c.message() + "; no app of the new release takes over from " + p.app(),
                        "needs a decision: its Application goes away; delete it without cascading (or set "
                                + DataKinds.KEEP + " on the live object) before syncing the root app"));
                continue;
            }
            kept.add(new UpgradePlan.Kept(successor, p.id(), p.body(), c.message()));
            out.add(c);
        }
        return out;
    }

    private static Change data(Placed p, String app, boolean profiles, LiveFacts live) {
        ResourceId id = p.id();
        if (profiles) {
            return new Change(
                    Change.Type.REMOVED,
                    Severity.ERROR,
                    app,
                    p.app(),
                    id,
                    null,
                    null,
                    null,
                    null,
                    "no longer rendered; deleting it deletes user namespaces (never delete the "
                            + "Profiles CRD or a Profile)",
                    "kept: the target tree carries it with " + DataKinds.KEEP,
                    DataKinds.KEEP);
        }
        String keep = "the target tree keeps it (" + DataKinds.KEEP + ")";
        if (p.object().isCrd()) {
            var crd = p.object().crd();
            String version = storageVersion(p);
            Optional<List<ResourceId>> crs = live.customResources(crd, version);
            if (crs.isPresent() && crs.get().isEmpty()) {
                return new Change(
                        Change.Type.REMOVED,
                        Severity.WARNING,
                        app,
                        p.app(),
                        id,
                        null,
                        null,
                        null,
                        null,
                        "no longer rendered; the cluster has no " + crd.kind() + " (read live)",
                        keep + "; nothing is stored in it: delete it after the upgrade",
                        DataKinds.KEEP);
            }
            String found = crs.map(l -> "the cluster has " + l.size() + " " + crd.kind() + (l.size() == 1 ? "" : "s")
                            + " ("
                            + String.join(
                                    ", ",
                                    l.stream()
                                            .limit(3)
                                            .map(ResourceId::toString)
                                            .toList())
                            + (l.size() > 3 ? ", ..." : "") + ")")
                    .orElse("every " + crd.kind()
                            + " on the cluster goes with it (unverified: run with --live to count them)");
            return new Change(
                    Change.Type.REMOVED,
                    Severity.ERROR,
                    app,
                    p.app(),
                    id,
                    null,
                    null,
                    null,
                    null,
                    "no longer rendered; deleting it deletes " + DataKinds.what(id.groupKind()) + ": " + found,
                    "needs a decision: " + keep + "; export or migrate the " + crd.kind()
                            + " objects, then remove it from the tree",
                    DataKinds.KEEP);
        }
        return new Change(
                Change.Type.REMOVED,
                Severity.ERROR,
                app,
                p.app(),
                id,
                null,
                null,
                null,
                null,
                "no longer rendered; deleting it deletes " + DataKinds.what(id.groupKind()),
                "needs a decision: " + keep + "; move or back up what it holds, then remove it from the tree",
                DataKinds.KEEP);
    }

    /** Renamed objects whose deletion loses data (a renamed claim starts with an empty volume). */
    private static boolean mustKeep(Placed p) {
        return DataKinds.holdsData(p.id().groupKind()) || DataKinds.isProfilesCrd(p.object());
    }

    static String storageVersion(Placed crd) {
        if (crd.at("spec", "versions") instanceof List<?> l) {
            for (Object v : l) {
                if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("storage")))
                    return String.valueOf(m.get("name"));
            }
            if (!l.isEmpty() && l.get(0) instanceof Map<?, ?> m) return String.valueOf(m.get("name"));
        }
        return "v1";
    }
}
