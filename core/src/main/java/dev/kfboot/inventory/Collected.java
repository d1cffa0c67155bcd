package dev.kfboot.inventory;

import dev.kfboot.model.Finding;
import dev.kfboot.render.Rendered;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Objects read from renders, and findings for renders that failed or documents that are not objects. */
public record Collected(List<KubeObject> objects, List<Finding> findings) {

    public static final String RULE_NOT_AN_OBJECT = "render-failed";

    /** These objects and findings followed by {@code other}'s. */
    public Collected plus(Collected other) {
        List<KubeObject> o = new ArrayList<>(objects);
        o.addAll(other.objects);
        List<Finding> f = new ArrayList<>(findings);
        f.addAll(other.findings);
        return new Collected(o, f);
    }

    /**
     * Reads the renders in parallel (sizing an object writes it as JSON: the costly part); the order is the renders'.
     */
    public static Collected from(List<Rendered> renders, boolean keepBodies) {
        return concat(renders.parallelStream().map(r -> of(r, keepBodies)).toList());
    }

    /** The objects and findings of each, in order. */
    public static Collected concat(List<Collected> each) {
        List<KubeObject> objects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Collected c : each) {
            objects.addAll(c.objects());
            findings.addAll(c.findings());
        }
        return new Collected(objects, findings);
    }

    /** One render's objects, attributed to its unit's id; a failed render is its failure. */
    public static Collected of(Rendered r, boolean keepBodies) {
        if (!r.ok()) return new Collected(List.of(), List.of(r.failure()));
        List<KubeObject> objects = new ArrayList<>(r.documents().size());
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> doc : r.documents()) {
            try {
                objects.add(ObjectReader.read(doc, r.unit().id(), keepBodies));
            } catch (IllegalArgumentException e) {
                findings.add(Finding.error(
                        RULE_NOT_AN_OBJECT,
                        r.unit().id(),
                        "rendered a document that is " + e.getMessage(),
                        "check the kustomization's resources"));
            }
        }
        return new Collected(objects, findings);
    }
}
