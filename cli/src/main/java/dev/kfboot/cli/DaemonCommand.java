package dev.kfboot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kfboot.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kfboot daemon}: a resident process that serves {@code kfboot validate} warm. */
@Command(name = "daemon",
        header = "Start, stop or show the daemon that makes repeated validate runs fast.",
        mixinStandardHelpOptions = true,
        description = {
            "A kfboot daemon is a resident process that serves `kfboot validate` runs (not --watch ones) over a "
                    + "Unix socket that only you can reach ($KFBOOT_DAEMON_DIR, else $XDG_RUNTIME_DIR/kfboot, else "
                    + "~/.cache/kfboot/daemon). A run it serves skips the JVM start, runs compiled code and re-parses "
                    + "only the rendered documents that changed; its output and exit code are the same.",
            "",
            "validate uses a daemon only when one runs from the same kfboot build and sees the same environment "
                    + "(PATH, HOME, proxies, KFBOOT_*, GO*, ...); otherwise, or when it is busy, validate runs in its "
                    + "own process as without a daemon (KFBOOT_DEBUG=1 says why). --no-daemon skips it."},
        subcommands = {DaemonCommand.Start.class, DaemonCommand.Stop.class, DaemonCommand.Status.class,
            DaemonCommand.Run.class})
public final class DaemonCommand implements Runnable {

    /** A daemon is a long-lived process: the optimizing compiler, and a heap that gives memory back. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms32m", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=50", "-Xlog:disable", "-Xlog:all=warning:stderr");

    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the daemon lives: the environment's choice, or (for tests) {@code --dir}. */
    static final class Where {
        @Option(names = "--dir", hidden = true, paramLabel = "DIR")
        Path dir;

        Path dir() {
            return dir != null ? dir.toAbsolutePath().normalize() : DaemonDir.of(System.getenv());
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true, header = "Start a daemon in the background.",
            description = "Start a daemon in the background and wait until it answers. Nothing happens when one of "
                    + "this kfboot build already runs; one of another build is stopped first.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:a daemon runs", "2:the daemon directory is not private", "4:the daemon did not start"})
    static final class Start implements Callable<Integer> {

        @picocli.CommandLine.Mixin Where where = new Where();

        @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "3h", converter = DurationConverter.class,
                description = "Stop after this long without a request (default: ${DEFAULT-VALUE}).")
        Duration idleTimeout;

        @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
                description = "How long to wait for the daemon to answer (default: ${DEFAULT-VALUE}).")
        Duration wait;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = DaemonDir.prepare(where.dir());
            String running = DaemonClient.status(dir);
            if (running != null && DaemonProtocol.build().equals(Json.mapper().readTree(running).path("build").asText())) {
                out.println("a kfboot daemon already runs: pid " + pid(running) + ", socket " + dir.resolve(DaemonProtocol.SOCKET));
                out.flush();
                return ExitCodes.OK;
            }
            if (running != null) { // it would serve no client of this build
                out.println("stopping the daemon of another kfboot build (pid " + pid(running) + ")");
                out.flush();
                stopAndWait(dir, running);
            }
            Path log = dir.resolve(DaemonProtocol.LOG);
            ProcessBuilder pb = new ProcessBuilder(command(dir, idleTimeout))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .directory(new java.io.File("/")); // runs resolve paths against their client's directory, never this one
            // --dir stands for $KFBOOT_DAEMON_DIR: clients that set it are served, as the daemon sees it too
            if (where.dir != null) pb.environment().put("KFBOOT_DAEMON_DIR", dir.toString());
            Process p = pb.start();
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                String status = DaemonClient.status(dir);
                if (status != null) {
                    out.printf("kfboot daemon started: pid %s, socket %s; it stops after %s without a request "
                            + "(kfboot daemon stop stops it now)%n", pid(status), dir.resolve(DaemonProtocol.SOCKET), DurationConverter.format(idleTimeout));
                    out.flush();
                    return ExitCodes.OK;
                }
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
            p.destroy();
            throw new CommandFailure(ExitCodes.INTERNAL, "the kfboot daemon did not start" + (p.isAlive() ? " within " + DurationConverter.format(wait) : ""),
                    "see " + log);
        }

        /** The daemon's command line: this JVM's java, class path and CDS archive, with a daemon's JVM options. */
        private static List<String> command(Path dir, Duration idleTimeout) {
            List<String> cmd = new ArrayList<>();
            Path setsid = Path.of("/usr/bin/setsid");
            if (Files.isExecutable(setsid)) cmd.add(setsid.toString()); // not in the terminal's session: no hangup
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(JVM_OPTIONS);
            String classPath = System.getProperty("java.class.path");
            Path jsa = Path.of(classPath).resolveSibling("kfboot.jsa");
            if (classPath.endsWith(".jar") && Files.isRegularFile(jsa)) cmd.add("-XX:SharedArchiveFile=" + jsa);
            String home = System.getProperty("kfboot.home");
            if (home != null) cmd.add("-Dkfboot.home=" + home);
            cmd.addAll(List.of("-cp", classPath, Main.class.getName(), "daemon", "run", "--idle-timeout",
                    idleTimeout.toSeconds() + "s", "--dir", dir.toString()));
            return cmd;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, header = "Stop the daemon.",
            description = "Stop the daemon: it takes no more requests, ends the run it serves, if any, and exits; this "
                    + "waits for it. Nothing happens when none runs.")
    static final class Stop implements Callable<Integer> {

        @picocli.CommandLine.Mixin Where where = new Where();

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = where.dir();
            String status = DaemonClient.status(dir);
            if (status == null) {
                out.println("no kfboot daemon runs");
                out.flush();
                return ExitCodes.OK;
            }
            stopAndWait(dir, status);
            out.println("kfboot daemon stopped (pid " + pid(status) + ")");
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, header = "Show whether a daemon runs, and what it did.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:a daemon runs", "1:no daemon runs"})
    static final class Status implements Callable<Integer> {

        @picocli.CommandLine.Mixin Where where = new Where();

        enum Format { text, json }

        @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        @Spec CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = where.dir();
            String status = DaemonClient.status(dir);
            if (format == Format.json) {
                ObjectNode json = Json.mapper().createObjectNode();
                json.put("running", status != null);
                if (status != null) json.setAll((ObjectNode) Json.mapper().readTree(status));
                else json.put("socket", dir.resolve(DaemonProtocol.SOCKET).toString());
                out.println(Json.mapper().writeValueAsString(json));
            } else if (status == null) {
                out.println("no kfboot daemon runs (socket " + dir.resolve(DaemonProtocol.SOCKET) + ")");
            } else {
                JsonNode s = Json.mapper().readTree(status);
                int runs = s.get("runs").asInt();
                out.printf("kfboot daemon: pid %s, started %s, %d run%s%s%n", s.get("pid").asText(), s.get("started").asText(),
                        runs, runs == 1 ? "" : "s", s.get("busy").asBoolean() ? ", serving one now" : "");
                out.printf("  socket %s; log %s%n", s.get("socket").asText(), s.get("log").asText());
                out.printf("  documents parsed %d, reused %d; heap in use %d MB; stops after %s idle%n",
                        s.get("documentsParsed").asLong(), s.get("documentsReused").asLong(), s.get("heapUsedMB").asLong(),
                        DurationConverter.format(Duration.ofSeconds(s.get("idleTimeoutSeconds").asLong())));
            }
            out.flush();
            return status != null ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, header = "Run the daemon in the foreground.",
            description = "Run the daemon in this process until it is stopped, idle for --idle-timeout, or "
                    + "interrupted: for a service manager (a systemd user unit). start runs this in the background.")
    static final class Run implements Callable<Integer> {

        @picocli.CommandLine.Mixin Where where = new Where();

        @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "3h", converter = DurationConverter.class,
                description = "Stop after this long without a request (default: ${DEFAULT-VALUE}).")
        Duration idleTimeout;

        @Override
        public Integer call() throws IOException, InterruptedException {
            DaemonServer server = new DaemonServer(where.dir(), DaemonProtocol.build(), System.getenv(), idleTimeout,
                    Main::runServed, DaemonProtocol::build);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kfboot-daemon-shutdown"));
            // the process ends when the daemon has stopped and its last run has ended, whether or not closing the
            // socket wakes the thread blocked in accept (one daemon was seen to stay blocked there)
            Thread accepting = new Thread(server::serve, "kfboot-daemon-accept");
            accepting.setDaemon(true);
            accepting.start();
            server.awaitStop();
            return ExitCodes.OK;
        }
    }

    /**
     * Asks the daemon to stop and waits until its process has ended (after the run it serves, if any; a minute at
     * most); a daemon inside this process (tests) is waited for until its socket is gone.
     */
    private static void stopAndWait(Path dir, String status) throws InterruptedException {
        DaemonClient.stop(dir);
        String shown = pid(status);
        long pid = shown.matches("\\d+") ? Long.parseLong(shown) : ProcessHandle.current().pid();
        var process = pid == ProcessHandle.current().pid() ? java.util.Optional.<ProcessHandle>empty() : ProcessHandle.of(pid);
        if (process.isPresent()) {
            try {
                process.get().onExit().get(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new CommandFailure(ExitCodes.INTERNAL, "the kfboot daemon (pid " + pid + ") has not ended a minute "
                        + "after it was asked to stop", "see " + dir.resolve(DaemonProtocol.LOG) + ", or kill " + pid);
            }
        }
        for (int i = 0; i < 200 && Files.exists(dir.resolve(DaemonProtocol.SOCKET)); i++) Thread.sleep(50);
    }

    private static String pid(String statusJson) {
        try {
            return Json.mapper().readTree(statusJson).get("pid").asText();
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
