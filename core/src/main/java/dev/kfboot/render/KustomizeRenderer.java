package dev.kfboot.render;

import dev.kfboot.model.Finding;
import dev.kfboot.yaml.DocumentMemo;
import dev.kfboot.yaml.RenderedYaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a unit by running real kustomize in the unit's prepared build directory. */
public final class KustomizeRenderer implements Renderer {

    public static final String RULE_RENDER_FAILED = "render-failed";
    public static final String RULE_REMOTE_BASE = "remote-base";

    static final String GOGC = "400";

    private static final Pattern KUBECTL_ERR = Pattern.compile("err=\"?(.*?)\"?\\s*$", Pattern.DOTALL);

    private final KustomizeTool tool;
    private final RenderWorkspace workspace;
    private final Duration timeout;
    private final boolean oneCoreEach;
    private final DocumentMemo memo;

    public KustomizeRenderer(KustomizeTool tool, RenderWorkspace workspace, Duration timeout) {
        this(tool, workspace, timeout, false, null);
    }

    /**
     * @param oneCoreEach renders run side by side, one per core: each kustomize then gets one core (GOMAXPROCS=1)
     * @param memo        documents parsed before, reused when kustomize writes them again; null parses every one
     */
    public KustomizeRenderer(KustomizeTool tool, RenderWorkspace workspace, Duration timeout, boolean oneCoreEach,
                             DocumentMemo memo) {
        this.tool = tool;
        this.workspace = workspace;
        this.timeout = timeout;
        this.oneCoreEach = oneCoreEach;
        this.memo = memo;
    }

    public KustomizeTool tool() {
        return tool;
    }

    @Override
    public Rendered render(RenderUnit unit) {
        long start = System.nanoTime();
        RenderWorkspace.Prepared prepared = workspace.prepare(unit);
        if (!prepared.refused().isEmpty()) {
            return failed(unit, prepared, start, "refused to read outside the repository: " + prepared.refused().get(0)
                            + (prepared.refused().size() > 1 ? " (and " + (prepared.refused().size() - 1) + " more)" : ""),
                    "keep every file a kustomization reads inside the repository (or its --source or remote-cache root)");
        }
        try {
            Path stderrFile = Files.createTempFile(workspace.dir(), "stderr-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(tool.buildCommand(prepared.buildDir()))
                    .redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            // kustomize is a short-lived Go program that allocates heavily: collecting less often cuts its CPU by
            // about 40% for a few hundred MB more memory; with one render per core, a second GC thread per
            // process only competes (measured: 15% less CPU). Settings the user makes win.
            pb.environment().putIfAbsent("GOGC", GOGC);
            if (oneCoreEach) pb.environment().putIfAbsent("GOMAXPROCS", "1");
            Process p = pb.start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return failed(unit, prepared, start, "kustomize did not finish within " + timeout.toSeconds() + "s",
                        "render the path by hand to see what it waits for");
            }
            byte[] out = stdout.join();
            String err = Files.readString(stderrFile, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) return failure(unit, prepared, start, err, p.exitValue());
            List<Map<String, Object>> docs;
            try {
                docs = memo != null ? memo.parse(out) : RenderedYaml.parse(new String(out, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return failed(unit, prepared, start, "kustomize output is not valid YAML: " + e.getMessage(),
                        "run the same kustomize build by hand");
            }
            return new Rendered(unit, docs, null, prepared.remoteUrls(), millisSince(start));
        } catch (IOException e) {
            return failed(unit, prepared, start, "cannot run " + tool.command().get(0) + ": " + e.getMessage(),
                    "check that kustomize or kubectl is installed and executable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(unit, prepared, start, "interrupted", null);
        }
    }

    private static byte[] readAll(Process p) {
        try {
            return p.getInputStream().readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private Rendered failure(RenderUnit unit, RenderWorkspace.Prepared prepared, long start, String stderr, int code) {
        String message = cleanMessage(stderr, unit, prepared);
        for (String url : prepared.unresolvedUrls()) {
            if (stderr.contains(url) || stderr.contains(url.replaceAll("\\?.*", ""))) {
                Finding f = Finding.error(RULE_REMOTE_BASE, unit.id(),
                        "remote base " + url + " is not in the remote cache and could not be fetched",
                        "pass --remote-cache DIR with an INDEX.tsv entry for it, or render with network access");
                return new Rendered(unit, List.of(), f, prepared.remoteUrls(), millisSince(start));
            }
        }
        if (message.isEmpty()) message = "kustomize exited with code " + code;
        return failed(unit, prepared, start, "kustomize failed: " + message,
                "run `" + String.join(" ", tool.command()) + " " + String.join(" ", unit.paths())
                        + "` in the manifests tree to see the whole error");
    }

    private Rendered failed(RenderUnit unit, RenderWorkspace.Prepared prepared, long start, String message, String hint) {
        return new Rendered(unit, List.of(), Finding.error(RULE_RENDER_FAILED, unit.id(), message, hint),
                prepared.remoteUrls(), millisSince(start));
    }

    /** kustomize's last error line without warnings, kubectl's log prefix or workspace paths. */
    static String cleanMessage(String stderr, RenderUnit unit, RenderWorkspace.Prepared prepared) {
        StringBuilder sb = new StringBuilder();
        for (String line : stderr.split("\n")) {
            if (line.startsWith("# Warning:") || line.isBlank()) continue;
            sb.append(line.trim()).append(' ');
        }
        String msg = sb.toString().trim();
        Matcher m = KUBECTL_ERR.matcher(msg);
        if (msg.contains("\"command failed\"") && m.find()) msg = m.group(1).trim();
        if (msg.startsWith("Error: ")) msg = msg.substring(7);
        msg = msg.replace(unit.root().toAbsolutePath().normalize() + "/", "");
        Path ws = prepared.buildDir();
        for (Path p = ws; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().startsWith("kfboot-render-")) {
                msg = msg.replaceAll(Pattern.quote(p.toString()) + "/(mirror-\\d+/|units/)?", "");
                break;
            }
        }
        // kustomize nests "accumulating resources from ..." for every level; the last clause says what failed
        int cut = msg.lastIndexOf("accumulating resources from ");
        if (msg.length() > 400 && cut > 0) msg = "... " + msg.substring(cut);
        return msg.length() > 600 ? msg.substring(0, 600) + " ..." : msg;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
