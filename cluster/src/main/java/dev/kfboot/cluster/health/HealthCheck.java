package dev.kfboot.cluster.health;

import dev.kfboot.model.GroupKind;
import java.util.Map;

/** The health of one kind of object, judged from the object alone (spec, status, metadata). */
public interface HealthCheck {

    GroupKind kind();

    Health check(Map<String, Object> object);
}
