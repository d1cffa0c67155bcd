/**
 * Takes a connected cluster and returns the seeds' after-deployment checklist as pass/fail results, one class
 * per check: every app Synced and Healthy, workloads ready, no pod crash-looping or failing to pull its image,
 * CRDs established, webhooks with a CA bundle, certificates ready, the user's profile namespace present, and the
 * dashboard reachable behind its service.
 */
package dev.kfboot.cluster.verify;
