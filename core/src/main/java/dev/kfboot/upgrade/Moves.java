package dev.kfboot.upgrade;

import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Objects both releases render, from different apps. Argo CD deletes an object from the app that no longer renders it
 * (prune, or the old Application's cascading delete) and creates it in the new one, unless the object says
 * {@code Prune=false,Delete=false}; the new app takes over the live object when it syncs first. Objects holding data
 * get those options in the new app; the rest are re-created at worst.
 */
final class Moves {

    private Moves() {}

    static List<Change> find(List<Placed[]> same) {
        List<Change> out = new ArrayList<>();
        for (Placed[] p : same) {
            if (p[0].app().equals(p[1].app())) continue;
            String msg = "moves from app " + p[0].app() + " to app " + p[1].app();
            boolean data = DataKinds.holdsData(p[0].id().groupKind()) || DataKinds.isProfilesCrd(p[0].object());
            if (data) {
                String why = DataKinds.isProfilesCrd(p[0].object())
                        ? "deleting the Profiles CRD deletes every profile namespace"
                        : "deleting it deletes " + DataKinds.what(p[0].id().groupKind());
                out.add(new Change(
                        Change.Type.MOVED,
                        Severity.WARNING,
                        p[1].app(),
                        p[0].app(),
                        p[0].id(),
                        null,
                        null,
                        null,
                        null,
                        msg + "; " + why,
                        DataKinds.KEEP + " on it in " + p[1].app()
                                + ": neither " + p[0].app() + "'s prune nor its Application's deletion may delete it; "
                                + p[1].app() + " takes it over when it syncs",
                        DataKinds.KEEP));
            } else {
                out.add(new Change(
                        Change.Type.MOVED,
                        Severity.INFO,
                        p[1].app(),
                        p[0].app(),
                        p[0].id(),
                        null,
                        null,
                        null,
                        null,
                        msg,
                        p[1].app() + " takes it over when it syncs; if " + p[0].app()
                                + " prunes it first, it is deleted and created again",
                        null));
            }
        }
        return out;
    }
}
