package dev.kfboot.render;

import dev.kfboot.model.Finding;
import dev.kfboot.yaml.RenderedYaml;
import dev.kfboot.yaml.YamlLimits;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private final long memoryBytes;
    private final long deadlineNanos;
    private final Duration deadline;

    public KustomizeRenderer(KustomizeTool tool, RenderWorkspace workspace, Duration timeout) {
        this(tool, workspace, timeout, false, 0, null);
    }

    /**
     * @param oneCoreEach renders run side by side, one per core: each kustomize then gets one core (GOMAXPROCS=1)
     * @param memoryBytes each kustomize's address-space cap (RLIMIT_AS, and half of it as GOMEMLIMIT); 0 for none
     * @param deadline    the whole run's deadline from now, or null for none: renders not started by then are not
     *                    started, and none runs past it
     */
    public KustomizeRenderer(
            KustomizeTool tool,
            RenderWorkspace workspace,
            Duration timeout,
            boolean oneCoreEach,
            long memoryBytes,
            Duration deadline) {
        this.tool = tool;
        this.workspace = workspace;
        this.timeout = timeout;
        this.oneCoreEach = oneCoreEach;
        this.memoryBytes = memoryBytes;
        this.deadline = deadline;
        this.deadlineNanos = deadline == null ? Long.MAX_VALUE : System.nanoTime() + deadline.toNanos();
    }

    /**
     * The command with its memory cap: {@code ulimit -v} through /bin/sh, which then execs kustomize (so the process
     * kfboot waits for is kustomize itself). Go reports "fatal error: out of memory" when the cap is reached.
     */
    List<String> command(Path buildDir) {
        List<String> cmd = tool.buildCommand(buildDir);
        if (memoryBytes <= 0 || !Files.isExecutable(Path.of("/bin/sh"))) return cmd;
        List<String> capped = new ArrayList<>(
                List.of("/bin/sh", "-c", "ulimit -v " + (memoryBytes / 1024) + " && exec \"$0\" \"$@\""));
        capped.addAll(cmd);
        return capped;
    }

    public KustomizeTool tool() {
        return tool;
    }

    @Override
    public Rendered render(RenderUnit unit) {
        long start = System.nanoTime();
        RenderWorkspace.Prepared prepared = workspace.prepare(unit);
        if (!prepared.refused().isEmpty()) {
            return failed(
                    unit,
                    prepared,
                    start,
                    "refused to read outside the repository: "
                            + prepared.refused().get(0)
                            + (prepared.refused().size() > 1
                                    ? " (and " + (prepared.refused().size() - 1) + " more)"
                                    : ""),
                    "keep every file a kustomization reads inside the repository (or its "
                            + "--source or remote-cache root)");
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return failed(
                    unit,
                    prepared,
                    start,
                    "not rendered: the run's deadline of " + seconds(deadline) + " passed (--deadline)",
                    "render fewer apps at once, or raise --deadline");
        }
        long wait = Math.min(timeout.toNanos(), left);
        try {
            Path stderrFile = Files.createTempFile(workspace.dir(), "stderr-", ".txt");
            ProcessBuilder pb = new ProcessBuilder(command(prepared.buildDir()))
                    .redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // kustomize is a short-lived Go program that allocates heavily: collecting less often cuts its CPU by
            // about 40% for a few hundred MB more memory; with one render per core, a second GC thread per
            // process only competes (measured: 15% less CPU). Settings the user makes win.
            pb.environment().putIfAbsent("GOGC", GOGC);
            if (oneCoreEach) pb.environment().putIfAbsent("GOMAXPROCS", "1");
            // the Go collector works harder before the hard cap is reached, so normal renders stay under it
            if (memoryBytes > 0) pb.environment().putIfAbsent("GOMEMLIMIT", String.valueOf(memoryBytes / 2));
            // kustomize fetches remote bases with git: no prompt for credentials, and a stalled transfer ends
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            pb.environment().putIfAbsent("GIT_HTTP_LOW_SPEED_LIMIT", "1000");
            pb.environment().putIfAbsent("GIT_HTTP_LOW_SPEED_TIME", "30");
            Process p = pb.start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(p));
            boolean finished;
            try {
                finished = p.waitFor(wait, TimeUnit.NANOSECONDS);
            } finally {
                if (p.isAlive()) ChildProcesses.destroyTree(p); // timed out or interrupted: nothing is left running
            }
            if (!finished) {
                boolean perRender = wait == timeout.toNanos();
                return failed(
                        unit,
                        prepared,
                        start,
                        perRender
                                ? "kustomize did not finish within the render timeout of " + seconds(timeout)
                                        + " (--render-timeout)"
                                : "kustomize did not finish by the run's deadline of " + seconds(deadline)
                                        + " (--deadline)",
                        "render the path by hand to see what it waits for, or raise the limit");
            }
            byte[] out = stdout.join();
            String err = Files.readString(stderrFile, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 && memoryBytes > 0 && err.contains("out of memory")) {
                return failed(
                        unit,
                        prepared,
                        start,
                        "kustomize ran out of its memory cap of " + (memoryBytes >> 20) + " MiB (--render-memory)",
                        "look for YAML aliases that expand without bound in the app's "
                                + "kustomizations, or raise --render-memory");
            }
            if (out == null) {
                return failed(
                        unit,
                        prepared,
                        start,
                        "kustomize wrote more than " + (MAX_OUTPUT >> 20) + " MiB",
                        "split the app; no Argo CD app renders this much");
            }
            if (p.exitValue() != 0) return failure(unit, prepared, start, err, p.exitValue());
            List<Map<String, Object>> docs;
            try {
                docs = RemoteOrigins.attribute(RenderedYaml.parse(new String(out, StandardCharsets.UTF_8)), prepared);
            } catch (IllegalArgumentException e) {
                return failed(
                        unit,
                        prepared,
                        start,
                        "kustomize output is not valid YAML: " + e.getMessage(),
                        "run the same kustomize build by hand");
            }
            return new Rendered(unit, docs, null, prepared.remoteUrls(), millisSince(start));
        } catch (IOException e) {
            return failed(
                    unit,
                    prepared,
                    start,
                    "cannot run " + tool.command().get(0) + ": " + e.getMessage(),
                    "check that kustomize or kubectl is installed and executable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(unit, prepared, start, "interrupted", null);
        }
    }

    /** The most output one render may write (the rendered-YAML limit). */
    static final long MAX_OUTPUT = YamlLimits.RENDERED.maxFileBytes();

    /** kustomize's output, or null when it is larger than {@link #MAX_OUTPUT} (then the rest is drained, not kept). */
    private static byte[] readAll(Process p) {
        try (var in = p.getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_OUTPUT + 1));
            if (b.length <= MAX_OUTPUT) return b;
            in.transferTo(OutputStream.nullOutputStream());
            return null;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() % 60 == 0 && d.toSeconds() >= 60 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private Rendered failure(RenderUnit unit, RenderWorkspace.Prepared prepared, long start, String stderr, int code) {
        String message = cleanMessage(stderr, unit, prepared);
        for (String url : prepared.unresolvedUrls()) {
            if (stderr.contains(url) || stderr.contains(url.replaceAll("\\?.*", ""))) {
                Finding f = Finding.error(
                        RULE_REMOTE_BASE,
                        unit.id(),
                        "remote base " + url + " is not in the remote cache and could not be fetched",
                        "pass --remote-cache DIR with an INDEX.tsv entry for it, or render with network access");
                return new Rendered(unit, List.of(), f, prepared.remoteUrls(), millisSince(start));
            }
        }
        if (message.isEmpty()) message = "kustomize exited with code " + code;
        return failed(
                unit,
                prepared,
                start,
                "kustomize failed: " + message,
                "run `" + String.join(" ", tool.command()) + " " + String.join(" ", unit.paths())
                        + "` in the manifests tree to see the whole error");
    }

    private Rendered failed(
            RenderUnit unit, RenderWorkspace.Prepared prepared, long start, String message, String hint) {
        return new Rendered(
                unit,
                List.of(),
                Finding.error(RULE_RENDER_FAILED, unit.id(), message, hint),
                prepared.remoteUrls(),
                millisSince(start));
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
