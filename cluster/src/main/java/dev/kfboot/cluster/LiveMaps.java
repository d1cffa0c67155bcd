package dev.kfboot.cluster;

import dev.kfboot.model.Fields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;

/** fabric8's objects as the plain maps {@link Fields} reads. */
public final class LiveMaps {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private LiveMaps() {}

    /** A typed or generic object as a plain map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(HasMetadata object) {
        return SERIALIZATION.convertValue(object, Map.class);
    }
}
