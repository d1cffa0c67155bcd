package dev.kfboot.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Finds the kubeconfig as kubectl does ({@code --kubeconfig}, else {@code $KUBECONFIG}, else
 * {@code ~/.kube/config}, else the in-cluster service account) and refuses at once what cannot work: a named file
 * that does not exist, no kubeconfig outside a cluster, a file that is not YAML. A kubeconfig holds tokens and keys,
 * so no message ever quotes its lines: errors name the file, the line and what is wrong there.
 */
public final class Kubeconfigs {

    /** Where a run found its kubeconfig: the files to read, or none for the in-cluster service account. */
    public record Located(List<Path> files, boolean inCluster) {
        public Located {
            files = List.copyOf(files);
        }
    }

    private Kubeconfigs() {}

    /**
     * Locates the kubeconfig with this process's environment (system property {@code kubeconfig} first, as fabric8).
     */
    public static Located locate(Path explicit) {
        return locate(explicit, name -> switch (name) {
            case "KUBECONFIG" -> System.getProperty("kubeconfig", System.getenv("KUBECONFIG"));
            case "HOME" -> System.getProperty("user.home");
            default -> System.getenv(name);
        });
    }

    /**
     * Locates the kubeconfig; {@code env} answers {@code KUBECONFIG}, {@code HOME} and
     * {@code KUBERNETES_SERVICE_HOST}. Checks every file it returns parses as YAML.
     */
    public static Located locate(Path explicit, Function<String, String> env) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new ClusterException(
                        ClusterException.Kind.CONFIG,
                        "no kubeconfig: --kubeconfig " + explicit + " does not exist",
                        "pass an existing file with --kubeconfig, or leave it out to use "
                                + "$KUBECONFIG or ~/.kube/config");
            }
            return checked(new Located(List.of(explicit), false));
        }
        String variable = env.apply("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            List<Path> named = new ArrayList<>();
            for (String part : variable.split(File.pathSeparator)) if (!part.isBlank()) named.add(Path.of(part));
            List<Path> existing = named.stream().filter(Files::isRegularFile).toList();
            if (existing.isEmpty()) {
                String list = named.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
                throw new ClusterException(
                        ClusterException.Kind.CONFIG,
                        "no kubeconfig: KUBECONFIG points at " + list
                                + (named.size() == 1 ? ", which does not exist" : ", none of which exists"),
                        "set KUBECONFIG to an existing file, or pass one with --kubeconfig");
            }
            return checked(new Located(existing, false));
        }
        String home = env.apply("HOME");
        Path fallback = home == null ? null : Path.of(home, ".kube", "config");
        if (fallback != null && Files.isRegularFile(fallback)) return checked(new Located(List.of(fallback), false));
        String serviceHost = env.apply("KUBERNETES_SERVICE_HOST");
        if (serviceHost != null && !serviceHost.isBlank()) return new Located(List.of(), true);
        throw new ClusterException(
                ClusterException.Kind.CONFIG,
                "no kubeconfig: KUBECONFIG is not set and " + (fallback == null ? "~/.kube/config" : fallback)
                        + " does not exist (and this is not a pod in a cluster)",
                "pass one with --kubeconfig or set KUBECONFIG (`kind get kubeconfig`, your cloud's CLI or the "
                        + "cluster's admin gives you one)");
    }

    private static Located checked(Located located) {
        for (Path file : located.files()) parse(file);
        return located;
    }

    /** Reads one kubeconfig as YAML; a syntax error is named by file, line and column, never by content. */
    static void parse(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object ignored :
                    new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadAllFromReader(r)) {
                // parsing every document is the check
            }
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            throw malformed(
                    file,
                    mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1,
                    problem(e.getProblem()),
                    e);
        } catch (YamlEngineException | IOException | UncheckedIOException e) {
            throw malformed(file, 0, 0, "not readable as UTF-8 YAML", e);
        }
    }

    /**
     * The kubeconfig parsed as YAML but fabric8 could not read it as a kubeconfig (a list where a map belongs, a
     * number where text does). Names the file, the line and the field; never the value.
     */
    static ClusterException unreadable(Path file, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException m) {
                String field = m.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                int line = m.getLocation() == null ? 0 : m.getLocation().getLineNr();
                return malformed(
                        file,
                        Math.max(0, line),
                        0,
                        "not a kubeconfig" + (field.isEmpty() ? "" : ": unexpected value for " + field),
                        e);
            }
            if (t instanceof JsonProcessingException p) {
                int line = p.getLocation() == null ? 0 : p.getLocation().getLineNr();
                return malformed(file, Math.max(0, line), 0, "not a kubeconfig", e);
            }
            if (t.getCause() == t) break;
        }
        return malformed(file, 0, 0, "not a kubeconfig fabric8 can read", e);
    }

    private static ClusterException malformed(Path file, int line, int column, String what, Throwable cause) {
        String where = file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
        return new ClusterException(
                ClusterException.Kind.CONFIG,
                "malformed kubeconfig " + where + ": " + what,
                "check it with `kubectl config view --kubeconfig " + file
                        + "` (kfboot does not print its lines: they hold credentials)",
                cause);
    }

    /** snakeyaml's problem text; quoted fragments of the file are dropped (they could be part of a token). */
    private static String problem(String problem) {
        if (problem == null || problem.isBlank()) return "not valid YAML";
        String p = problem.replaceAll("'[^']{2,}'", "'...'").replaceAll("\"[^\"]{2,}\"", "\"...\"");
        return p.lines().findFirst().orElse(p).strip();
    }
}
