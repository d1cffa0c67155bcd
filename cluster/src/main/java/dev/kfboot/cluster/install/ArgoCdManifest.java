package dev.kfboot.cluster.install;

import dev.kfboot.inventory.KindTable;
import dev.kfboot.inventory.Scope;
import dev.kfboot.model.Fields;
import dev.kfboot.model.GroupKind;
import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import dev.kfboot.yaml.RenderedYaml;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Argo CD's {@code install.yaml} of one version: from its release URL, or from a file for air-gapped clusters.
 * {@link #objects(String)} places it into a namespace: namespaced objects get it, and the ClusterRoleBindings'
 * subjects follow (upstream's manifest names {@code argocd} there).
 */
public record ArgoCdManifest(String source, List<Map<String, Object>> documents) {

    public static final String DEFAULT_VERSION = "v3.5.1";
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+\\.\\d+(-rc\\d+)?|stable");

    public static String url(String version) {
        return "https://raw.githubusercontent.com/argoproj/argo-cd/" + version + "/manifests/install.yaml";
    }

    public static ArgoCdManifest fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(file.toString()),
                    "cannot read the install manifest: " + e.getMessage(),
                    "pass Argo CD's install.yaml with --manifest FILE");
        }
        return parse(text, file.toString());
    }

    /** Downloads the release's manifest; an unknown version or no network is an input problem with a hint. */
    public static ArgoCdManifest download(String version, Duration timeout) {
        if (!VERSION.matcher(version).matches()) {
            throw new InputException(
                    Location.NONE,
                    "not an Argo CD version: '" + version + "'",
                    "write a release tag such as " + DEFAULT_VERSION);
        }
        String url = url(version);
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(timeout)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() == 404) {
                throw new InputException(
                        Location.of(url),
                        "no such Argo CD release (404)",
                        "check the version; releases are listed at https://github.com/argoproj/argo-cd/releases");
            }
            if (r.statusCode() != 200) {
                throw new InputException(
                        Location.of(url),
                        "download failed with HTTP " + r.statusCode(),
                        "retry, or download it yourself and pass --manifest FILE");
            }
            return parse(r.body(), url);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(url),
                    "cannot download the install manifest: " + e,
                    "without network access (air-gapped), download install.yaml elsewhere and pass --manifest FILE");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(Location.of(url), "download interrupted", null);
        }
    }

    static ArgoCdManifest parse(String text, String source) {
        List<Map<String, Object>> docs;
        try {
            docs = RenderedYaml.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    Location.of(source), "not a Kubernetes manifest: " + e.getMessage(), "pass Argo CD's install.yaml");
        }
        docs = docs.stream().filter(d -> Fields.string(d, "kind") != null).toList();
        if (docs.stream()
                .noneMatch(d -> "CustomResourceDefinition".equals(Fields.string(d, "kind"))
                        && Fields.stringOr(d, "", "metadata", "name").equals("applications.argoproj.io"))) {
            throw new InputException(
                    Location.of(source),
                    "this is not Argo CD's install manifest: it has no Application CRD",
                    "pass manifests/install.yaml of an Argo CD release");
        }
        return new ArgoCdManifest(source, docs);
    }

    /** The objects placed into {@code namespace}, CRDs first, otherwise in the manifest's order. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> objects(String namespace) {
        KindTable kinds = KindTable.builtins();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> d : documents) {
            Map<String, Object> copy = copy(d);
            GroupKind gk = GroupKind.of(Fields.string(copy, "apiVersion"), Fields.string(copy, "kind"));
            Map<String, Object> meta =
                    (Map<String, Object>) copy.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
            if (kinds.scopeOf(gk) == Scope.NAMESPACED) meta.put("namespace", namespace);
            if (gk.kind().equals("ClusterRoleBinding") || gk.kind().equals("RoleBinding")) {
                for (Map<String, Object> subject : Fields.maps(copy, "subjects")) {
                    if ("ServiceAccount".equals(Fields.string(subject, "kind"))) subject.put("namespace", namespace);
                }
            }
            out.add(copy);
        }
        out.sort(Comparator.comparingInt(o -> "CustomResourceDefinition".equals(Fields.string(o, "kind")) ? 0 : 1));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(
                k,
                v instanceof Map<?, ?> mm
                        ? copy((Map<String, Object>) mm)
                        : v instanceof List<?> l
                                ? l.stream()
                                        .map(x ->
                                                x instanceof Map<?, ?> xm ? (Object) copy((Map<String, Object>) xm) : x)
                                        .toList()
                                : v));
        return out;
    }

    /** The Deployments and StatefulSets Argo CD needs running, as "Kind/name". */
    public List<String> workloads() {
        return documents.stream()
                .filter(d -> List.of("Deployment", "StatefulSet").contains(Fields.string(d, "kind")))
                .map(d -> Fields.string(d, "kind") + "/" + Fields.string(d, "metadata", "name"))
                .toList();
    }
}
