package dev.kfboot.cluster.deploy;

import dev.kfboot.cluster.argocd.SyncRequest;
import java.util.Map;

/**
 * One app a deploy or sync must bring to Synced and Healthy.
 *
 * @param held      the document to apply with automated sync held off, or null to leave the app as it is (sync)
 * @param automated the automated policy to switch on once its phase is healthy, or null
 * @param always    sync it even when it is already Synced and Healthy (an explicit sync)
 */
public record Target(
        String app,
        Phase phase,
        Map<String, Object> held,
        Map<String, Object> automated,
        SyncRequest request,
        boolean always) {}
