package dev.kfboot.cluster.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Everything the deployer decides from: the plan, what the cluster shows, and what this run already did.
 *
 * @param live            the Applications as the informer shows them, by name (absent: not in the cluster)
 * @param projectsInSync  AppProjects that already match the tree
 * @param runId           unique per run; stamped on every operation this run starts
 * @param triggered       apps this run started a sync of, with the operation id
 * @param created         apps this run created (the informer may not show them yet)
 * @param updated         apps whose spec this run rewrote (their sync status is stale until Argo CD compares)
 * @param autoSyncEnabled apps whose automated sync this run switched on
 * @param started         when this run began working on each phase, by phase index
 * @param reported        phases already reported done
 */
public record DeployState(
        DeployPlan plan,
        Map<String, GenericKubernetesResource> live,
        Set<String> projectsInSync,
        String runId,
        Map<String, String> triggered,
        Set<String> created,
        Set<String> updated,
        Set<String> autoSyncEnabled,
        Map<Integer, Instant> started,
        Set<Integer> reported,
        Instant now,
        Duration phaseTimeout) {}
