package dev.kfboot.spec;

import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Rename;
import dev.kfboot.model.Finding;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a spec's component names onto a release whose components were renamed, merged, split or removed since
 * the release the spec was written for, with the release's rename data ({@code renames:} in its catalog). A
 * renamed or merged component is mapped with a one-line notice; a split one must be chosen where the choice
 * matters (a variant, a wave, a dependency, disabling it); a removed one is an error naming the release.
 */
final class SpecRenames {

    static final String RULE = "renamed-component";

    /** The settings as the release names them, and a notice per mapped name. */
    record Result(List<ComponentSetting> settings, List<Finding> notices) {}

    private SpecRenames() {}

    /**
     * @param writtenFor the release the spec names (renames from it are preferred), or null
     */
    static Result apply(List<ComponentSetting> settings, ReleaseCatalog catalog, String writtenFor) {
        List<Finding> notices = new ArrayList<>();
        Map<String, ComponentSetting> merged = new LinkedHashMap<>();
        Map<String, String> mappedFrom = new LinkedHashMap<>();
        for (ComponentSetting s : settings) {
            ComponentSetting mapped = s;
            var same = catalog.component(s.name());
            // a component that kept its id maps only a variant it no longer has
            boolean lostVariant = same.isPresent()
                    && s.variant() != null
                    && same.get().variant(s.variant()).isEmpty();
            if (same.isEmpty() || lostVariant) {
                Rename r = lookup(catalog, s.name(), writtenFor).orElse(null);
                if (r != null) mapped = map(s, r, catalog, notices);
            }
            mapped = new ComponentSetting(
                    mapped.name(),
                    mapped.enabled(),
                    mapped.variant(),
                    mapDependencies(mapped, catalog, writtenFor, notices),
                    mapped.wave(),
                    mapped.sync(),
                    mapped.location());
            ComponentSetting previous = merged.get(mapped.name());
            boolean renamed = !mapped.name().equals(s.name());
            if (previous != null && (renamed || !mappedFrom.get(mapped.name()).equals(mapped.name()))) {
                merged.put(mapped.name(), combine(previous, mapped, mappedFrom.get(mapped.name()), s.name(), catalog));
                continue;
            }
            // the same name written twice stays twice: the resolver reports it as listed twice
            merged.put(previous == null ? mapped.name() : mapped.name() + "\u0000" + merged.size(), mapped);
            mappedFrom.putIfAbsent(mapped.name(), s.name());
        }
        return new Result(List.copyOf(merged.values()), notices);
    }

    /** The rename of {@code name} into {@code catalog}'s release: from the spec's release first, else any. */
    static Optional<Rename> lookup(ReleaseCatalog catalog, String name, String writtenFor) {
        Optional<Rename> exact = catalog.renames().stream()
                .filter(r -> r.component().equals(name) && r.from().equals(writtenFor))
                .findFirst();
        return exact.isPresent()
                ? exact
                : catalog.renames().stream()
                        .filter(r -> r.component().equals(name))
                        .findFirst();
    }

    /** Where a component name of an earlier release lives now, for names outside spec.components (routes, patches). */
    static String target(ReleaseCatalog catalog, String name, String writtenFor, Location at, List<Finding> notices) {
        if (catalog.component(name).isPresent()) return name;
        Rename r = lookup(catalog, name, writtenFor).orElse(null);
        if (r == null) return name;
        return map(new ComponentSetting(name, null, null, List.of(), null, at), r, catalog, notices)
                .name();
    }

    private static ComponentSetting map(ComponentSetting s, Rename r, ReleaseCatalog catalog, List<Finding> notices) {
        String release = catalog.release();
        switch (r.kind()) {
            case REMOVED ->
                throw new InputException(
                        s.location(),
                        "component '" + s.name() + "' was removed in release " + release
                                + (r.note().isEmpty() ? "" : ": " + r.note()),
                        "drop the entry, or name release " + r.from() + " in the spec");
            case SPLIT -> {
                boolean matters = Boolean.FALSE.equals(s.enabled())
                        || s.variant() != null
                        || s.wave() != null
                        || !s.dependsOn().isEmpty()
                        || s.sync() != null;
                if (matters) {
                    throw new InputException(
                            s.location(),
                            "component '" + s.name() + "' was split into " + String.join(" and ", r.into())
                                    + " in release " + release + (r.note().isEmpty() ? "" : " (" + r.note() + ")")
                                    + "; this entry's settings must name one of them",
                            "write the entry for " + String.join(" or ", r.into()) + " instead of " + s.name());
                }
                notices.add(notice(
                        s,
                        s.name() + " is split into " + String.join(" and ", r.into()) + " in " + release
                                + ": the entry applies to all of them",
                        r));
                return new ComponentSetting(
                        r.into().get(0), s.enabled(), null, s.dependsOn(), null, null, s.location());
            }
            default -> {
                String into = r.into().get(0);
                Component target = catalog.component(into).orElseThrow();
                String variant = s.variant();
                if (variant != null) {
                    String mappedVariant = r.variants()
                            .getOrDefault(variant, target.variant(variant).isPresent() ? variant : null);
                    if (mappedVariant == null) {
                        throw new InputException(
                                s.location(),
                                "variant '" + variant + "' of " + s.name() + " has no counterpart in " + into
                                        + " (release " + release + ")",
                                "choose a variant of " + into + ": " + String.join(", ", target.variantNames()));
                    }
                    variant = mappedVariant;
                }
                String text = r.kind() == Rename.Kind.MERGED
                        ? s.name() + " is part of " + into + " in " + release
                        : into.equals(s.name())
                                ? s.name() + " changed in " + release
                                : s.name() + " is " + into + " in " + release;
                notices.add(notice(
                        s,
                        text
                                + (variant != null && !variant.equals(s.variant())
                                        ? " (variant " + s.variant() + " is " + variant + ")"
                                        : ""),
                        r));
                return new ComponentSetting(
                        into, s.enabled(), variant, s.dependsOn(), s.wave(), s.sync(), s.location());
            }
        }
    }

    private static List<String> mapDependencies(
            ComponentSetting s, ReleaseCatalog catalog, String writtenFor, List<Finding> notices) {
        List<String> out = new ArrayList<>();
        for (String d : s.dependsOn()) {
            String t = target(catalog, d, writtenFor, s.location(), notices);
            if (!t.equals(s.name()) && !out.contains(t)) out.add(t);
        }
        return out;
    }

    /** Two entries that now name one component: fine when they agree, else the user writes one entry. */
    private static ComponentSetting combine(
            ComponentSetting a, ComponentSetting b, String aName, String bName, ReleaseCatalog catalog) {
        String conflict = null;
        if (a.enabled() != null && b.enabled() != null && !a.enabled().equals(b.enabled())) conflict = "enabled";
        else if (a.variant() != null && b.variant() != null && !a.variant().equals(b.variant())) conflict = "variant";
        else if (a.wave() != null && b.wave() != null && !a.wave().equals(b.wave())) conflict = "wave";
        else if (a.sync() != null && b.sync() != null && !a.sync().equals(b.sync())) conflict = "sync";
        if (conflict != null) {
            throw new InputException(
                    b.location(),
                    aName + " and " + bName + " are both " + a.name() + " in release " + catalog.release()
                            + ", and the spec sets their " + conflict + " differently (line "
                            + a.location().line() + ")",
                    "write one entry for " + a.name());
        }
        List<String> deps = new ArrayList<>(a.dependsOn());
        for (String d : b.dependsOn()) if (!deps.contains(d)) deps.add(d);
        return new ComponentSetting(
                a.name(),
                a.enabled() != null ? a.enabled() : b.enabled(),
                a.variant() != null ? a.variant() : b.variant(),
                deps,
                a.wave() != null ? a.wave() : b.wave(),
                a.sync() != null ? a.sync() : b.sync(),
                a.location());
    }

    private static Finding notice(ComponentSetting s, String text, Rename r) {
        return new Finding(RULE, Severity.INFO, s.name(), null, s.location(), text, r.note());
    }
}
