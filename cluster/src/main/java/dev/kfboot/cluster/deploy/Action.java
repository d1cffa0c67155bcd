package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.SyncRequest;
import java.util.List;
import java.util.Map;

/** What the deployer asks the driver to do next. */
public sealed interface Action {

    /** Create or update an AppProject. */
    record ApplyProject(String name, Map<String, Object> document) implements Action {}

    /** Create an Application, automated sync held off ({@code autoSyncHeld}: the tree wants it on later). */
    record CreateApp(String app, Map<String, Object> document, boolean autoSyncHeld) implements Action {}

    /** Bring an existing Application's spec, labels and annotations to the tree's, automated sync held off. */
    record UpdateApp(String app, Map<String, Object> document, boolean autoSyncHeld) implements Action {}

    /** Start a sync through the {@code operation} field; {@code id} marks it as this run's. */
    record Sync(String app, SyncRequest request, String id, boolean always) implements Action {}

    /** Switch on the tree's automated sync policy once the app's phase is healthy. */
    record EnableAutoSync(String app, Map<String, Object> automated) implements Action {}

    /** A phase begins: the driver records when, for its timeout. */
    record StartPhase(Phase phase, List<String> apps) implements Action {}

    /** Every app of a phase is Synced and Healthy. */
    record PhaseDone(Phase phase, List<String> apps) implements Action {}
}
