package dev.kfboot.validate;

import dev.kfboot.argocd.AppProject;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YMap;

/** One AppProject of a tree, with the YAML it was read from for the lines of its fields. */
public record TreeProject(AppProject project, YMap doc) {

    public Location at(String... keys) {
        return Lines.of(doc, project.location().file(), keys);
    }
}
