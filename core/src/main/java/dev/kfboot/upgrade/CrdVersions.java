package dev.kfboot.upgrade;

import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Versions a CRD drops from {@code spec.versions}. The API server refuses the new CRD while a dropped version is still
 * in {@code status.storedVersions}: the objects must be rewritten in a kept version and the version removed from the
 * status first (a storage migration). Only the cluster knows the stored versions; without it, a dropped version that
 * was the storage version is taken to be stored.
 */
final class CrdVersions {

    private CrdVersions() {}

    static List<Change> find(List<Placed[]> same, LiveFacts live) {
        List<Change> out = new ArrayList<>();
        for (Placed[] p : same) {
            if (!p[0].object().isCrd()) continue;
            Set<String> dropped = new LinkedHashSet<>(versions(p[0]));
            dropped.removeAll(versions(p[1]));
            if (dropped.isEmpty()) continue;
            String name = p[0].id().name();
            Optional<List<String>> stored = live.storedVersions(name);
            String storage = Departures.storageVersion(p[0]);
            for (String v : dropped) {
                String field = "spec.versions[" + v + "]";
                String migrate = "migrate storage first: rewrite every "
                        + p[0].object().crd().kind()
                        + " in " + String.join(", ", versions(p[1])) + " (e.g. kube-storage-version-migrator), then "
                        + "remove " + v + " from the CRD's status.storedVersions";
                if (stored.isPresent()) {
                    if (stored.get().contains(v)) {
                        out.add(change(
                                p,
                                Severity.ERROR,
                                field,
                                v,
                                "dropped while status.storedVersions holds it (read live: " + stored.get()
                                        + "): the API server refuses the new CRD",
                                migrate));
                    } else {
                        out.add(change(
                                p,
                                Severity.INFO,
                                field,
                                v,
                                "dropped; status.storedVersions does not hold it (read live: " + stored.get() + ")",
                                "nothing to do"));
                    }
                } else if (v.equals(storage)) {
                    out.add(change(
                            p,
                            Severity.ERROR,
                            field,
                            v,
                            "dropped, and it was the storage version: objects "
                                    + "stored in it block the new CRD (unverified: run with "
                                    + "--live to read storedVersions)",
                            migrate));
                } else {
                    out.add(change(
                            p,
                            Severity.WARNING,
                            field,
                            v,
                            "dropped; it may be in status.storedVersions if it "
                                    + "ever was the storage version (unverified: run with --live)",
                            "if it is stored: " + migrate));
                }
            }
        }
        return out;
    }

    private static Change change(Placed[] p, Severity s, String field, String v, String msg, String fix) {
        return new Change(
                Change.Type.CRD_VERSION,
                s,
                p[1].app(),
                p[0].app(),
                p[0].id(),
                null,
                field,
                v,
                "(removed)",
                "version " + v + " " + msg,
                fix,
                null);
    }

    static List<String> versions(Placed crd) {
        List<String> out = new ArrayList<>();
        if (crd.at("spec", "versions") instanceof List<?> l) {
            for (Object v : l)
                if (v instanceof Map<?, ?> m && m.get("name") != null) out.add(String.valueOf(m.get("name")));
        }
        return out;
    }
}
