package dev.kfboot.render;

import dev.kfboot.model.InputException;
import dev.kfboot.model.Location;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kustomize that renders: {@code $KFBOOT_KUSTOMIZE} when set, else a {@code kustomize} binary on PATH,
 * else {@code kubectl kustomize}. Its version is part of every render cache key.
 *
 * @param command the command before the directory argument, e.g. {@code [kubectl, kustomize]}
 * @param version e.g. {@code v5.5.0}, or "unknown"
 */
public record KustomizeTool(List<String> command, String version) {

    private static final Pattern VERSION = Pattern.compile("(v\\d+\\.\\d+\\.\\d+)");

    public KustomizeTool {
        command = List.copyOf(command);
    }

    /** @throws InputException when neither kustomize nor kubectl is found */
    public static KustomizeTool detect() {
        return detect(System.getenv());
    }

    /** Detection against an explicit environment ({@code PATH}, {@code KFBOOT_KUSTOMIZE}); a test seam. */
    public static KustomizeTool detect(Map<String, String> env) {
        return detect(env, null);
    }

    /**
     * Detection that asks each binary its version once: the answer is kept in {@code cacheDir} (null: always ask),
     * keyed by the binary's real path, size and modification time, so an upgraded binary is asked again.
     */
    public static KustomizeTool detect(Path cacheDir) {
        return detect(System.getenv(), cacheDir);
    }

    static KustomizeTool detect(Map<String, String> env, Path cacheDir) {
        ToolVersions versions = new ToolVersions(cacheDir);
        String override = env.get("KFBOOT_KUSTOMIZE");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isExecutable(p)) {
                throw new InputException(
                        Location.of("$KFBOOT_KUSTOMIZE"),
                        override + " is not an executable file",
                        "point KFBOOT_KUSTOMIZE at a kustomize binary or unset it");
            }
            return fromBinary(p, versions);
        }
        String path = env.get("PATH");
        Optional<Path> kustomize = onPath("kustomize", path);
        if (kustomize.isPresent()) return fromBinary(kustomize.get(), versions);
        Optional<Path> kubectl = onPath("kubectl", path);
        if (kubectl.isPresent()) {
            List<String> cmd = List.of(kubectl.get().toString(), "kustomize");
            return new KustomizeTool(
                    cmd,
                    versions.of(
                            kubectl.get(),
                            () -> versionOf(
                                    List.of(kubectl.get().toString(), "version", "--client"), "Kustomize Version")));
        }
        throw new InputException(
                Location.NONE,
                "neither kustomize nor kubectl found on PATH",
                "install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl");
    }

    private static KustomizeTool fromBinary(Path p, ToolVersions versions) {
        return new KustomizeTool(
                List.of(p.toString(), "build"),
                versions.of(p, () -> versionOf(List.of(p.toString(), "version"), null)));
    }

    /**
     * This kustomize with {@code --load-restrictor LoadRestrictionsNone}, as Argo CD runs it when argocd-cm's
     * {@code kustomize.buildOptions} says so; the flag is part of the command, so of every render cache key.
     */
    public KustomizeTool loadingAnywhere() {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("--load-restrictor", "LoadRestrictionsNone"));
        return new KustomizeTool(cmd, version);
    }

    public List<String> buildCommand(Path dir) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(dir.toString());
        return cmd;
    }

    static Optional<Path> onPath(String name, String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static String versionOf(List<String> cmd, String linePrefix) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
            for (String line : out.split("\n")) {
                if (linePrefix != null && !line.startsWith(linePrefix)) continue;
                Matcher m = VERSION.matcher(line);
                if (m.find()) return m.group(1);
            }
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "unknown";
    }
}
