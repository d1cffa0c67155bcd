package dev.kfboot.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kfboot.graph.Dependency;
import dev.kfboot.graph.InternalOrdering;
import dev.kfboot.model.Finding;
import dev.kfboot.model.Json;
import dev.kfboot.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan -o json}: what the text shows, as records. The waves; per component its wave, namespaces, object count,
 * pin and first reason (the table's columns); per dependency its kinds, whether it placed the component, and each
 * reason as an object (kind, full text, summary, where a spec declared it); the orderings inside one app (explain's
 * last part); {@code "failed"} (apps that did not render, never placed) and {@code "findings"} when there are any.
 * docs/plan.schema.json is its JSON Schema.
 */
public final class PlanJson {

    /**
     * The document, in field order.
     *
     * @param failed   the apps that did not render; left out when there are none
     * @param findings left out when there are none
     */
    public record Document(
            String release,
            String source,
            int objects,
            List<WaveDoc> waves,
            List<ComponentDoc> components,
            List<DependencyDoc> dependencies,
            List<InternalDoc> internal,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FailedDoc> failed,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FindingDoc> findings) {}

    public record WaveDoc(int wave, List<String> components) {}

    /**
     * @param namespaces the namespaces its objects land in; empty when all are cluster-scoped
     * @param pinnedAt   where the spec pins its wave, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComponentDoc(
            String name,
            int wave,
            List<String> namespaces,
            int objects,
            LocationDoc pinnedAt,
            List<String> placedAfter,
            String firstReason) {}

    /** @param placing whether this dependency is one that puts the component in its wave */
    public record DependencyDoc(
            String component,
            String dependsOn,
            List<String> kinds,
            boolean declared,
            boolean placing,
            List<ReasonDoc> reasons) {}

    /** @param declaredAt where a spec or the catalog declared it, or null for a reason found in the manifests */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReasonDoc(String kind, String text, String summary, LocationDoc declaredAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationDoc(String file, Integer line) {}

    public record InternalDoc(String component, String object, String kind, String needs) {}

    /** An app that did not render: the rule and message of its finding. */
    public record FailedDoc(String component, String rule, String message) {}

    /**
     * One finding, as plan, validate and generate write it: every field present, null when it has none.
     *
     * @param line null when the finding has no line
     */
    public record FindingDoc(
            String rule,
            String severity,
            String app,
            String resource,
            String file,
            Integer line,
            String message,
            String hint) {}

    private PlanJson() {}

    public static Document document(Plan plan) {
        List<WaveDoc> waves = new ArrayList<>();
        List<ComponentDoc> components = new ArrayList<>();
        for (Plan.Wave w : plan.waveList()) {
            waves.add(new WaveDoc(w.number(), List.copyOf(w.components())));
            for (String c : w.components()) {
                Pin pin = plan.pins().get(c);
                components.add(new ComponentDoc(
                        c,
                        w.number(),
                        List.copyOf(plan.inventory().namespacesOf(c)),
                        plan.inventory().of(c).size(),
                        pin == null ? null : location(pin.location()),
                        plan.placedBy(c).stream().map(Dependency::dependsOn).toList(),
                        PlanText.firstReason(plan, c)));
            }
        }
        List<DependencyDoc> deps = new ArrayList<>();
        for (Dependency d : plan.graph().edges()) {
            List<ReasonDoc> reasons = d.reasons().stream()
                    .map(r -> new ReasonDoc(
                            r.kind().label(),
                            r.text(),
                            r.summary(),
                            r.location() == null || r.location().file() == null ? null : location(r.location())))
                    .toList();
            deps.add(new DependencyDoc(
                    d.component(),
                    d.dependsOn(),
                    d.reasons().stream().map(r -> r.kind().label()).distinct().toList(),
                    d.declaredOnly(),
                    plan.placedBy(d.component()).contains(d),
                    reasons));
        }
        List<InternalDoc> internal = new ArrayList<>();
        for (InternalOrdering o : plan.internal()) {
            internal.add(new InternalDoc(
                    o.component(), String.valueOf(o.object()), o.kind().label(), o.needs()));
        }
        List<FailedDoc> failed = new ArrayList<>();
        plan.failedRenders().forEach((app, f) -> failed.add(new FailedDoc(app, f.rule(), f.message())));
        return new Document(
                plan.release(),
                plan.source(),
                plan.inventory().size(),
                waves,
                components,
                deps,
                internal,
                failed,
                findings(plan.findings()));
    }

    private static LocationDoc location(Location l) {
        return new LocationDoc(l.file(), l.line() > 0 ? l.line() : null);
    }

    public static List<FindingDoc> findings(List<Finding> findings) {
        return findings.stream()
                .map(f -> new FindingDoc(
                        f.rule(),
                        f.severity().label(),
                        f.app(),
                        f.resource(),
                        f.location().file(),
                        f.location().line() > 0 ? f.location().line() : null,
                        f.message(),
                        f.hint()))
                .toList();
    }

    public static String write(Plan plan) {
        return Json.pretty(document(plan));
    }
}
