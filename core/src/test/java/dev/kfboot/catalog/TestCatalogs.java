package dev.kfboot.catalog;

import java.util.List;

/** Catalog pieces for fixture releases. */
public final class TestCatalogs {

    private TestCatalogs() {}

    /** A component of the example in namespace kubeflow, with one variant "default" of the given paths. */
    public static Component component(String id, String... paths) {
        return new Component(
                id,
                id,
                "kubeflow",
                true,
                Requests.NONE,
                List.of(new Variant("default", "", List.of(paths), List.of())),
                List.of());
    }
}
