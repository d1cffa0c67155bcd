/**
 * Takes a cluster and returns what only it knows about an upgrade (core's {@code upgrade.LiveFacts}): each CRD's
 * {@code status.storedVersions} and the custom resources of CRDs that go away. Reads only; never writes.
 */
package dev.kfboot.cluster.upgrade;
