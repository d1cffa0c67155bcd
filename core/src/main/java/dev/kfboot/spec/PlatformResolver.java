package dev.kfboot.spec;

import dev.kfboot.catalog.Catalogs;
import dev.kfboot.catalog.Component;
import dev.kfboot.catalog.DeclaredDependency;
import dev.kfboot.catalog.ReleaseCatalog;
import dev.kfboot.catalog.Variant;
import dev.kfboot.graph.DeclaredEdge;
import dev.kfboot.graph.KindProviders;
import dev.kfboot.graph.Reason;
import dev.kfboot.model.Finding;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a spec's component settings to its release's default set. Unknown components or variants, a
 * dependency on a component that is not enabled, or two entries for one component are errors.
 */
public final class PlatformResolver {

    private PlatformResolver() {}

    public static ResolvedPlatform resolve(Platform spec, Catalogs catalogs) {
        return resolve(spec, catalogs, spec.release(), List.of());
    }

    /**
     * @param writtenFor the release the spec's component names were written for (its renames into the resolved
     *                   release map them, each with a notice), or null
     * @param notes      what the caller found on the way (which release a tree is), kept with the notices
     */
    public static ResolvedPlatform resolve(Platform spec, Catalogs catalogs, String writtenFor, List<Finding> notes) {
        String release = spec.release() == null ? catalogs.defaultRelease() : spec.release();
        catalogs.requireKnown(
                release, spec.source().known() ? new Location(spec.source().file(), 0) : Location.NONE);
        ReleaseCatalog catalog = catalogs.release(release);
        SpecRenames.Result renamed = SpecRenames.apply(spec.components(), catalog, writtenFor);
        List<ComponentSetting> specSettings = renamed.settings();
        List<Finding> notices = new ArrayList<>(notes);
        notices.addAll(renamed.notices());
        Map<String, ComponentSetting> settings = new HashMap<>();
        for (ComponentSetting s : specSettings) {
            Component c = catalog.component(s.name())
                    .orElseThrow(() -> new InputException(
                            s.location(),
                            "unknown component '" + s.name() + "' in release " + release,
                            "known components: " + String.join(", ", catalog.componentIds())));
            ComponentSetting previous = settings.put(s.name(), s);
            if (previous != null) {
                throw new InputException(
                        s.location(),
                        "component '" + s.name() + "' is listed twice (first at line "
                                + previous.location().line() + ")",
                        "merge the two entries");
            }
            if (s.variant() != null && c.variant(s.variant()).isEmpty()) {
                throw new InputException(
                        s.location(),
                        "unknown variant '" + s.variant() + "' of " + s.name(),
                        "variants of " + s.name() + ": " + String.join(", ", c.variantNames()));
            }
            if (s.wave() != null && (s.wave() < 0 || s.wave() > 100)) {
                throw new InputException(
                        s.location(),
                        "wave " + s.wave() + " of " + s.name() + " is out of range",
                        "pin a wave between 0 and 100");
            }
        }
        Map<String, App> apps = new LinkedHashMap<>();
        for (Component c : catalog.components()) {
            ComponentSetting s = settings.get(c.id());
            boolean enabled = s == null ? c.example() : s.enabled() == null || s.enabled();
            if (!enabled) continue;
            Variant v = s == null || s.variant() == null
                    ? c.defaultVariant()
                    : c.variant(s.variant()).orElseThrow();
            apps.put(
                    c.id(),
                    new App(
                            c.id(),
                            c,
                            v,
                            s == null ? null : s.wave(),
                            s == null ? Location.NONE : s.location(),
                            s == null ? null : s.sync()));
        }
        List<DeclaredEdge> declared = new ArrayList<>();
        for (App a : apps.values()) {
            for (DeclaredDependency d : a.component().dependsOn()) {
                declared.add(new DeclaredEdge(a.id(), d.component(), Reason.Kind.DECLARED, d.reason(), Location.NONE));
            }
        }
        List<ExtraApp> extras = new ArrayList<>(spec.extraApps());
        Map<String, List<Map<String, Object>>> generated = new LinkedHashMap<>();
        if (spec.gateway() != null) {
            extras.add(gatewayRoute(
                    spec.gateway(),
                    apps,
                    spec.extraApps(),
                    declared,
                    SpecRenames.target(
                            catalog,
                            spec.gateway().mode().component(),
                            writtenFor,
                            spec.gateway().location(),
                            notices)));
            generated.put(GatewayExposure.APP, List.of(spec.gateway().route()));
        }
        Set<String> extraNames = new HashSet<>();
        for (ExtraApp e : spec.extraApps()) {
            if (e.name().equals(GatewayExposure.APP)) {
                throw new InputException(
                        e.location(),
                        "extra app name '" + e.name() + "' is reserved for the Gateway API route",
                        "rename the extra app");
            }
        }
        for (ExtraApp e : extras) {
            if (catalog.component(e.name()).isPresent()) {
                throw new InputException(
                        e.location(),
                        "extra app '" + e.name() + "' has the name of a component of release " + release,
                        "rename the extra app; component names are taken");
            }
            extraNames.add(e.name());
        }
        for (ComponentSetting s : specSettings) {
            if (!apps.containsKey(s.name())) {
                if (!s.dependsOn().isEmpty() || s.wave() != null || s.sync() != null) {
                    throw new InputException(
                            s.location(),
                            s.name() + " is disabled but has dependsOn, wave or sync",
                            "remove them or enable the component");
                }
                continue;
            }
            declareSpecEdges(s.name(), s.dependsOn(), s.location(), apps.keySet(), extraNames, catalog, declared);
        }
        for (ExtraApp e : spec.extraApps()) {
            declareSpecEdges(e.name(), e.dependsOn(), e.location(), apps.keySet(), extraNames, catalog, declared);
        }
        Map<GroupKind, String> provided = new LinkedHashMap<>();
        for (ExtraApp e : extras) for (GroupKind gk : e.provides()) provided.putIfAbsent(gk, e.name());
        if (spec.gateway() != null
                && spec.gateway().crdsFrom() != null
                && !GatewayExposure.CLUSTER.equals(spec.gateway().crdsFrom())) {
            // the app named by crdsFrom installs the Gateway API CRDs: the route's CRD edge then derives as usual
            for (GroupKind gk : GatewayExposure.GATEWAY_API_KINDS)
                provided.putIfAbsent(gk, spec.gateway().crdsFrom());
        }
        Set<GroupKind> preinstalled = spec.gateway() != null
                        && GatewayExposure.CLUSTER.equals(spec.gateway().crdsFrom())
                ? Set.copyOf(GatewayExposure.GATEWAY_API_KINDS)
                : Set.of();
        Repo repo = new Repo(
                spec.repo().url() == null ? catalog.repo() : spec.repo().url(),
                spec.repo().revision() == null
                        ? catalog.revision()
                        : spec.repo().revision(),
                spec.repo().path() == null ? "" : spec.repo().path());
        for (Environment env : spec.environments()) {
            for (Environment.Patch p : env.patches()) {
                if (!apps.containsKey(p.app()) && !extraNames.contains(p.app())) {
                    throw new InputException(
                            p.location(),
                            "environment " + env.name() + " patches '" + p.app()
                                    + "', which is not an enabled component or extra app",
                            "apps of this platform: " + String.join(", ", apps.keySet())
                                    + (extraNames.isEmpty()
                                            ? ""
                                            : ", " + String.join(", ", new TreeSet<>(extraNames))));
                }
            }
        }
        return new ResolvedPlatform(
                spec,
                catalog,
                repo,
                List.copyOf(apps.values()),
                extras,
                declared,
                generated,
                new KindProviders(provided, preinstalled),
                notices);
    }

    /**
     * The app that carries the dashboard's HTTPRoute: after the component whose Service it routes to, and after
     * whatever installs the Gateway API CRDs when the spec names it (an extra app that then provides them).
     */
    private static ExtraApp gatewayRoute(
            GatewayExposure g,
            Map<String, App> apps,
            List<ExtraApp> extras,
            List<DeclaredEdge> declared,
            String backend) {
        if (!apps.containsKey(backend)) {
            throw new InputException(
                    g.location(),
                    "spec.exposure.gatewayAPI mode " + g.mode().label() + " routes to " + backend
                            + ", which is not enabled",
                    "enable " + backend + " or pick the other mode");
        }
        declared.add(new DeclaredEdge(
                GatewayExposure.APP,
                backend,
                Reason.Kind.DECLARED,
                "the HTTPRoute sends traffic to a Service of " + backend,
                g.location()));
        String from = g.crdsFrom();
        if (from != null
                && !from.equals(GatewayExposure.CLUSTER)
                && extras.stream().noneMatch(e -> e.name().equals(from))) {
            throw new InputException(
                    g.location(),
                    "crdsFrom '" + from + "' is not an extra app of the platform",
                    "name the extra app that installs the Gateway API CRDs, or write crdsFrom: cluster");
        }
        return new ExtraApp(
                GatewayExposure.APP,
                null,
                null,
                null,
                g.mode().namespace(),
                List.of(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                g.location());
    }

    private static void declareSpecEdges(
            String app,
            List<String> dependsOn,
            Location at,
            Set<String> apps,
            Set<String> extras,
            ReleaseCatalog catalog,
            List<DeclaredEdge> declared) {
        for (String dep : dependsOn) {
            if (!apps.contains(dep) && !extras.contains(dep)) {
                throw new InputException(
                        at,
                        app + " depends on '" + dep + "', which is not enabled",
                        catalog.component(dep).isPresent()
                                ? "enable " + dep + " or drop the dependency"
                                : "known components: " + String.join(", ", catalog.componentIds())
                                        + (extras.isEmpty()
                                                ? ""
                                                : "; extra apps: " + String.join(", ", new TreeSet<>(extras))));
            }
            declared.add(
                    new DeclaredEdge(app, dep, Reason.Kind.SPEC, "declared in " + at.file() + ":" + at.line(), at));
        }
    }
}
