package dev.kfboot.validate;

import dev.kfboot.argocd.ArgoCd;
import dev.kfboot.argocd.IgnoreDifference;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.YMap;
import dev.kfboot.yaml.YNode;
import dev.kfboot.yaml.YScalar;
import dev.kfboot.yaml.YSeq;
import dev.kfboot.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tree configures in Argo CD itself ({@code argocd-cm}), wherever it is written: a ConfigMap, a
 * kustomize patch, Helm values, an object an app renders. What matters to validation: whether the tree writes it
 * at all, the health check for {@code argoproj.io/Application} (without it parent waves do not wait), system-level
 * {@code resource.customizations.ignoreDifferences.<group>_<kind>} entries, and the kustomize build options Argo CD
 * passes ({@code --enable-helm}, {@code --load-restrictor LoadRestrictionsNone}).
 */
public final class ArgoCdSettings {

    static final String IGNORE_PREFIX = "resource.customizations.ignoreDifferences.";
    static final String OLD_STYLE = "resource.customizations";
    static final String BUILD_OPTIONS = "kustomize.buildOptions";

    private Location appHealthCheck;
    private Location argocdCm;
    private boolean kustomizeEnablesHelm;
    private boolean kustomizeLoadsAnywhere;
    private final Map<String, List<IgnoreDifference>> ignores = new LinkedHashMap<>();

    /** Where the Application health check is configured, or null when nowhere in the tree. */
    public Location appHealthCheck() {
        return appHealthCheck;
    }

    /**
     * Where the tree first writes {@code argocd-cm} itself (the ConfigMap, a patch or generator naming it, the Argo CD
     * chart's {@code configs.cm} values, an argocd-cm an app renders), or null when Argo CD's settings live outside
     * the tree and only the live cluster knows them.
     */
    public Location argocdCm() {
        return argocdCm;
    }

    /**
     * Whether Argo CD runs kustomize with {@code --enable-helm} ({@code kustomize.buildOptions} in argocd-cm), or null
     * when the tree does not write argocd-cm and only the live cluster knows.
     */
    public Boolean kustomizeEnablesHelm() {
        return argocdCm == null ? null : kustomizeEnablesHelm;
    }

    /**
     * Whether Argo CD runs kustomize with {@code --load-restrictor LoadRestrictionsNone} (a kustomization may read
     * files outside its directory), or null when the tree does not write argocd-cm and only the live cluster knows.
     */
    public Boolean kustomizeLoadsAnywhere() {
        return argocdCm == null ? null : kustomizeLoadsAnywhere;
    }

    /** System-level ignoreDifferences that apply to a kind ({@code <group>_<kind>}, {@code <kind>}, {@code all}). */
    public List<IgnoreDifference> ignoresFor(String group, String kind) {
        List<IgnoreDifference> out = new ArrayList<>(ignores.getOrDefault("all", List.of()));
        out.addAll(ignores.getOrDefault(group.isEmpty() ? kind : group + "_" + kind, List.of()));
        return out;
    }

    /** Reads one YAML document of the tree. */
    void scan(YNode doc, String file) {
        if (doc instanceof YMap m) {
            m.entries().forEach((key, e) -> {
                if (key.equals(ArgoCd.APP_HEALTH_KEY) && !blank(e.value())) found(new Location(file, e.keyLine()));
                else if (key.equals(OLD_STYLE)
                        && e.value() instanceof YScalar s
                        && s.value().contains("argoproj.io/Application")
                        && s.value().contains("health.lua")) found(new Location(file, e.keyLine()));
                else if (key.startsWith(IGNORE_PREFIX) && e.value() instanceof YScalar s) ignore(key, s.value());
                else if (key.equals(OLD_STYLE) && e.value() instanceof YScalar s) oldStyle(s.value());
                else if (key.startsWith(BUILD_OPTIONS) && e.value() instanceof YScalar s)
                    buildOptions(s.value(), new Location(file, e.keyLine()));
                else if (key.equals("name")
                        && e.value() instanceof YScalar s
                        && s.value().equals(ArgoCd.CM)) writesCm(new Location(file, e.keyLine()));
                else {
                    if (key.equals("configs")
                            && e.value() instanceof YMap c
                            && c.get("cm").isPresent()) writesCm(new Location(file, e.keyLine()));
                    scan(e.value(), file);
                }
            });
        } else if (doc instanceof YSeq s) {
            for (YNode item : s.items()) scan(item, file);
        } else if (doc instanceof YScalar s && s.value().endsWith("/data/" + ArgoCd.APP_HEALTH_KEY)) {
            found(new Location(file, s.line())); // the path of a JSON 6902 patch that adds it
        }
    }

    /** Reads the data of an {@code argocd-cm} ConfigMap an app renders (or the live one, for {@code kfboot adopt}). */
    public void scanRendered(Map<String, Object> data, Location where) {
        writesCm(where);
        data.forEach((key, value) -> {
            if (key.equals(ArgoCd.APP_HEALTH_KEY)
                    && value != null
                    && !String.valueOf(value).isBlank()) found(where);
            else if (key.startsWith(IGNORE_PREFIX) && value instanceof String s) ignore(key, s);
            else if (key.equals(OLD_STYLE) && value instanceof String s) oldStyle(s);
            else if (key.startsWith(BUILD_OPTIONS) && value instanceof String s) buildOptions(s, where);
        });
    }

    private void found(Location where) {
        if (appHealthCheck == null) appHealthCheck = where;
        writesCm(where);
    }

    /** {@code kustomize.buildOptions}, or a kustomize version's own {@code kustomize.buildOptions.<version>}. */
    private void buildOptions(String options, Location where) {
        writesCm(where);
        List<String> words = Arrays.asList(options.trim().split("[\\s=]+"));
        if (words.contains("--enable-helm")) kustomizeEnablesHelm = true;
        int restrictor = words.indexOf("--load-restrictor");
        if (restrictor >= 0
                && restrictor + 1 < words.size()
                && words.get(restrictor + 1).equals("LoadRestrictionsNone")) kustomizeLoadsAnywhere = true;
    }

    private void writesCm(Location where) {
        if (argocdCm == null) argocdCm = where;
    }

    /**
     * The single-key form, {@code resource.customizations: |} with {@code <group>/<Kind>: {ignoreDifferences: |...}}
     * per kind, which Argo CD still reads.
     */
    private void oldStyle(String yaml) {
        List<YNode> docs;
        try {
            docs = YamlReader.forUserFiles().parseAll(yaml, OLD_STYLE);
        } catch (InputException e) {
            return;
        }
        if (docs.isEmpty() || !(docs.get(0) instanceof YMap m)) return;
        m.entries().forEach((gk, e) -> {
            if (!(e.value() instanceof YMap custom)) return;
            custom.get("ignoreDifferences").filter(v -> v instanceof YScalar).ifPresent(v -> {
                String target = gk.contains("/") ? gk.replace('/', '_') : gk;
                if (target.startsWith("_")) target = target.substring(1);
                ignore(IGNORE_PREFIX + target, ((YScalar) v).value());
            });
        });
    }

    private void ignore(String key, String yaml) {
        String target = key.substring(IGNORE_PREFIX.length());
        List<YNode> docs;
        try {
            docs = YamlReader.forUserFiles().parseAll(yaml, key);
        } catch (InputException e) {
            return; // Argo CD would ignore an entry it cannot parse as well
        }
        if (docs.isEmpty() || !(docs.get(0) instanceof YMap m)) return;
        ignores.computeIfAbsent(target, k -> new ArrayList<>())
                .add(new IgnoreDifference(
                        null, null, null, null, strings(m, "jsonPointers"), strings(m, "jqPathExpressions")));
    }

    private static List<String> strings(YMap m, String key) {
        List<String> out = new ArrayList<>();
        m.get(key).filter(n -> n instanceof YSeq).ifPresent(n -> {
            for (YNode i : ((YSeq) n).items()) if (i instanceof YScalar s) out.add(s.value());
        });
        return out;
    }

    private static boolean blank(YNode n) {
        return n instanceof YScalar s
                && (s.type() == YScalar.Type.NULL || s.value().isBlank());
    }
}
