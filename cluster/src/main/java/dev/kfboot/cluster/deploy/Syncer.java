package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.AppStatus;
import dev.kfboot.cluster.argocd.AppStore;
import dev.kfboot.cluster.argocd.Applications;
import dev.kfboot.cluster.argocd.OperationTrigger;
import dev.kfboot.cluster.argocd.SyncRequest;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sync}: picks the live apps to sync (named, a wave's, or all) and either runs them as a deploy of live apps,
 * wave by wave with one operation of its own per app ({@link DeployPlan#sync}), or only starts their operations.
 */
public final class Syncer {

    /** Which apps: the named ones (by Application or component name), those of {@code wave}, or {@code all}. */
    public record Selection(List<String> names, Integer wave, boolean all) {

        public Selection {
            names = List.copyOf(names);
        }
    }

    /** One app of an asynchronous sync: {@code result} is started, busy, in-target-state or deleting. */
    public record Started(String app, int wave, String result, String message) {}

    private final Applications apps;
    private final AppStore store;
    private final Clock clock;

    public Syncer(Applications apps, AppStore store, Clock clock) {
        this.apps = apps;
        this.store = store;
        this.clock = clock;
    }

    /** The id stamped on this run's operations ({@code sync-} and the time in base 36), each app's under it. */
    public String runId() {
        return "sync-" + Long.toString(clock.millis(), 36);
    }

    /**
     * The apps selected, in the order given (named) or wave and name order; an unknown name or an empty wave is
     * bad input naming what exists.
     */
    public List<AppStatus> select(Selection s) {
        List<AppStatus> live = store.snapshot();
        if (s.all()) return live;
        if (s.wave() != null) {
            List<AppStatus> w = live.stream().filter(a -> a.wave() == s.wave()).toList();
            if (w.isEmpty()) {
                throw new InputException(
                        Location.NONE,
                        "no application in wave " + s.wave(),
                        "waves: "
                                + live.stream()
                                        .map(AppStatus::wave)
                                        .distinct()
                                        .sorted()
                                        .toList());
            }
            return w;
        }
        List<AppStatus> out = new ArrayList<>();
        for (String name : s.names()) {
            String n = apps.resolveName(name);
            out.add(live.stream()
                    .filter(a -> a.name().equals(n))
                    .findFirst()
                    .orElseGet(() -> AppStatus.of(apps.require(n))));
        }
        return out;
    }

    /** Syncs the apps wave by wave, each wave waiting until Synced and Healthy within {@code waveTimeout}. */
    public Step run(
            List<AppStatus> chosen, SyncRequest request, Duration waveTimeout, String runId, DeployListener listener)
            throws InterruptedException {
        return new DeployDriver(apps, store, listener, clock).run(DeployPlan.sync(chosen, request), waveTimeout, runId);
    }

    /** Starts each app's sync without waiting; an app with an operation running is left alone. */
    public List<Started> start(List<AppStatus> chosen, SyncRequest request, String runId) {
        OperationTrigger trigger = new OperationTrigger(apps);
        List<Started> started = new ArrayList<>();
        for (AppStatus a : chosen) {
            OperationTrigger.Outcome o = trigger.trigger(a.name(), request, runId + "/" + a.name(), false);
            started.add(
                    switch (o) {
                        case TRIGGERED, ALREADY_OURS -> new Started(a.name(), a.wave(), "started", "sync started");
                        case BUSY ->
                            new Started(a.name(), a.wave(), "busy", "an operation is already running; not started");
                        case IN_TARGET_STATE ->
                            new Started(a.name(), a.wave(), "in-target-state", "already Synced and Healthy");
                        case DELETING -> new Started(a.name(), a.wave(), "deleting", "being deleted; not started");
                    });
        }
        return started;
    }
}
