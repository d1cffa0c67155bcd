package dev.kfboot.catalog;

import dev.kfboot.model.Finding;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;

/** Info findings: what the catalog layer tells the user about the release it chose (never a failure). */
final class Notes {

    private Notes() {}

    static Finding info(String rule, String app, String message, String hint) {
        return new Finding(rule, Severity.INFO, app, null, Location.NONE, message, hint);
    }
}
