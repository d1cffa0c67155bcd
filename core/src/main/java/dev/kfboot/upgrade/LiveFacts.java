package dev.kfboot.upgrade;

import dev.kfboot.inventory.Crd;
import dev.kfboot.model.ResourceId;
import java.util.List;
import java.util.Optional;

/**
 * What only the cluster knows about an upgrade: the versions a CRD's objects are stored in, and the custom resources
 * of a CRD that goes away. Read-only. {@link Optional#empty()} means "not known" (no cluster, or not readable), which
 * the analysis reports as unverified rather than guessing.
 */
public interface LiveFacts {

    LiveFacts NONE = new LiveFacts() {
        @Override
        public Optional<List<String>> storedVersions(String crdName) {
            return Optional.empty();
        }

        @Override
        public Optional<List<ResourceId>> customResources(Crd crd, String version) {
            return Optional.empty();
        }

        @Override
        public String source() {
            return null;
        }
    };

    /** {@code status.storedVersions} of the live CRD; an empty list when the CRD is not on the cluster. */
    Optional<List<String>> storedVersions(String crdName);

    /** Every object of the CRD's kind on the cluster, listed at {@code version}; empty when the CRD is absent. */
    Optional<List<ResourceId>> customResources(Crd crd, String version);

    /** Where the facts come from ("cluster https://..."), or null when there is no cluster. */
    String source();

    default boolean known() {
        return source() != null;
    }
}
