package dev.kfboot.upgrade;

import dev.kfboot.inventory.KubeObject;
import dev.kfboot.model.Fields;
import dev.kfboot.model.ResourceId;
import java.util.Map;

/** One object where it lands: effective identity, the app rendering it, and the object with its body. */
record Placed(ResourceId id, String app, KubeObject object) {

    Map<String, Object> body() {
        return object.body();
    }

    Object at(String... path) {
        return Fields.get(body(), path);
    }
}
