package dev.kfboot.cluster.argocd;

import dev.kfboot.argocd.ArgoCd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sync asks of Argo CD, written into the Application's {@code operation} field the way {@code argocd app
 * sync} does through Argo CD's API: prune, force (delete and re-create what cannot be patched), Replace and
 * ServerSideApply as sync options, an optional revision and source (rollback), and the retry policy.
 *
 * @param revision null for the app's target revision
 * @param source   null for the app's own source (rollback passes the history entry's)
 * @param retry    {@code syncPolicy.retry} to use inside the operation, or null
 */
public record SyncRequest(
        boolean prune,
        boolean force,
        boolean replace,
        boolean serverSide,
        String revision,
        Map<String, Object> source,
        Map<String, Object> retry) {

    public static final SyncRequest PLAIN = new SyncRequest(false, false, false, false, null, null, null);

    public SyncRequest withRetry(Map<String, Object> r) {
        return new SyncRequest(prune, force, replace, serverSide, revision, source, r);
    }

    public List<String> syncOptions() {
        List<String> options = new ArrayList<>();
        if (replace) options.add(ArgoCd.REPLACE);
        if (serverSide) options.add(ArgoCd.SERVER_SIDE_APPLY);
        return options;
    }

    /** The {@code operation} object, stamped with {@code id} so kfboot can recognise it later. */
    public Map<String, Object> operation(String id) {
        Map<String, Object> sync = new LinkedHashMap<>();
        if (revision != null) sync.put("revision", revision);
        if (source != null) sync.put("source", source);
        if (prune) sync.put("prune", true);
        if (!syncOptions().isEmpty()) sync.put("syncOptions", syncOptions());
        if (force) sync.put("syncStrategy", Map.of("hook", Map.of("force", true)));
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("sync", sync);
        op.put("initiatedBy", Map.of("username", ArgoResources.INITIATOR));
        op.put("info", List.of(Map.of("name", ArgoResources.OPERATION_INFO, "value", id)));
        if (retry != null && !retry.isEmpty()) op.put("retry", retry);
        return op;
    }
}
