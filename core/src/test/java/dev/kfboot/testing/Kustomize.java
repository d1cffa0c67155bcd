package dev.kfboot.testing;

import dev.kfboot.model.InputException;
import dev.kfboot.render.KustomizeTool;
import org.junit.jupiter.api.Assumptions;

/** Skips a test with a reason when neither kustomize nor kubectl is installed. */
public final class Kustomize {

    private Kustomize() {}

    public static KustomizeTool required() {
        try {
            return KustomizeTool.detect();
        } catch (InputException e) {
            Assumptions.abort("needs kustomize or kubectl on PATH: " + e.getMessage());
            throw e;
        }
    }
}
