package dev.kfboot.edit;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.FieldPath;

/**
 * One {@code [KIND/NAME:]PATH=VALUE} argument, e.g.
 * {@code InferenceService/sklearn-iris:spec.predictor.model.storageUri=gs://models/iris/v2}.
 *
 * @param kind null when the file holds one document and no selector is given
 */
public record Assignment(String kind, String name, FieldPath path, String value, String text) {

    public static Assignment parse(String arg) {
        int eq = -1;
        int depth = 0;
        for (int i = 0; i < arg.length() && eq < 0; i++) {
            char c = arg.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == '=' && depth == 0) eq = i;
        }
        if (eq <= 0) {
            throw new InputException(
                    Location.of(arg),
                    "expected [KIND/NAME:]FIELD=VALUE",
                    "for example InferenceService/sklearn-iris:spec.predictor.model.storageUri=gs://bucket/model");
        }
        String left = arg.substring(0, eq);
        String value = arg.substring(eq + 1);
        String kind = null;
        String name = null;
        int colon = left.indexOf(':');
        String pathText = left;
        if (colon >= 0) {
            String selector = left.substring(0, colon);
            pathText = left.substring(colon + 1);
            int slash = selector.indexOf('/');
            if (slash <= 0 || slash == selector.length() - 1) {
                throw new InputException(
                        Location.of(arg),
                        "selector '" + selector + "' must be KIND/NAME",
                        "for example Deployment/ml-pipeline:spec.replicas=2");
            }
            kind = selector.substring(0, slash);
            name = selector.substring(slash + 1);
        }
        try {
            return new Assignment(kind, name, FieldPath.parse(pathText), value, arg);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    Location.of(arg),
                    "bad field path: " + e.getMessage(),
                    "write keys separated by dots, list items as [0] or [name=NAME]");
        }
    }
}
