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

    public static Collected from(List<Rendered> renders, boolean keepBodies) {
        List<KubeObject> objects = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Rendered r : renders) {
            if (!r.ok()) {
                findings.add(r.failure());
                continue;
            }
            for (Map<String, Object> doc : r.documents()) {
                try {
                    objects.add(ObjectReader.read(doc, r.unit().id(), keepBodies));
                } catch (IllegalArgumentException e) {
                    findings.add(dev.kfboot.model.Finding.error(RULE_NOT_AN_OBJECT, r.unit().id(),
                            "rendered a document that is " + e.getMessage(), "check the kustomization's resources"));
                }
            }
        }
        return new Collected(objects, findings);
    }
}
