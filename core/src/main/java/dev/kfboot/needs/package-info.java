/**
 * Takes a resolved platform and the inventory of its plan and returns what the platform needs of a cluster: the
 * release's minimum Kubernetes version, the CPU, memory and PVC storage its components request (the release
 * README's per-component figures, summed over the enabled components), and the CRDs and Namespaces it creates,
 * which must not already belong to another tool. {@code kfboot preflight} checks a cluster against it.
 */
package dev.kfboot.needs;
