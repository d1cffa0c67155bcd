package dev.kfboot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kfboot.model.Json;
import dev.kfboot.render.KustomizeTool;
import dev.kfboot.testing.UpstreamFork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The daemon and its client in this JVM, over a real Unix socket: a served run prints what a run in the client's
 * own process prints, and every way the daemon can be unusable (none, gone, busy, another build or environment, a
 * directory others can enter, a daemon that dies mid-run, a client that hangs up) ends in a run that works.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DaemonTest {

    @TempDir Path repo;
    @TempDir Path home;

    private Path dir;
    private Map<String, String> env;
    private final List<DaemonServer> servers = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        UpstreamFork.copyTree(Path.of("src/test/resources/trees/small"), repo);
        dir = home.resolve("daemon");
        env = new HashMap<>(System.getenv());
        env.put("KFBOOT_DAEMON_DIR", dir.toString());
    }

    @AfterEach
    void stopServers() {
        servers.forEach(DaemonServer::close);
    }

    private DaemonServer serve(String build, Map<String, String> serverEnv, Duration idle, DaemonServer.Runner runner) throws IOException {
        DaemonServer s = new DaemonServer(dir, build, serverEnv, idle, runner, () -> build);
        servers.add(s);
        Thread t = new Thread(s::serve, "test-daemon");
        t.setDaemon(true);
        t.start();
        return s;
    }

    private DaemonServer serve() throws IOException {
        return serve(DaemonProtocol.build(), env, Duration.ofHours(1), Main::runServed);
    }

    /** What the client prints and returns; code null when it would run the command itself. */
    private record Client(Integer code, String out, String err) {}

    private Client client(Map<String, String> clientEnv, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer code = DaemonClient.tryRun(args, clientEnv, out, err);
        return new Client(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The tree and repository as paths relative to this process's working directory, as a user types them. */
    private String[] validateArgs(String... extra) {
        Path cwd = Path.of("").toAbsolutePath();
        List<String> args = new ArrayList<>(List.of("validate", cwd.relativize(repo.resolve("tree")).toString(),
                "--repo-root", cwd.relativize(repo).toString(), "--no-cache"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void aServedRunPrintsAndExitsAsARunInTheClientsProcess() throws Exception {
        serve();
        for (String format : List.of("text", "json", "sarif")) {
            String[] args = validateArgs("-o", format);
            Client served = client(env, args);
            CliRun local = CliRun.of(args);
            assertThat(served.code()).as(format).isEqualTo(local.code()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(served.out()).as(format).isEqualTo(local.out()).isNotEmpty();
            assertThat(timesOut(served.err())).as(format).isEqualTo(timesOut(local.err())).contains("repository root: ");
        }
        // bad input: the same one-line error, relative to the client's directory, and exit 2
        Files.writeString(repo.resolve("tree/apps/dashboard.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: [\n");
        Client served = client(env, validateArgs());
        CliRun local = CliRun.of(validateArgs());
        assertThat(served.code()).isEqualTo(local.code()).isEqualTo(ExitCodes.INPUT);
        assertThat(served.err()).isEqualTo(local.err()).startsWith("kfboot: error: ").contains("tree/apps/dashboard.yaml:");
    }

    /** Progress lines say how long each render took. */
    private static String timesOut(String err) {
        return err.replaceAll("\\d+\\.\\ds ", "N.Ns ");
    }

    @Test
    void kustomizeOutputIsParsedOnceAcrossTheRunsItServes() throws Exception {
        Files.writeString(repo.resolve("manifests/dashboard/kustomization.yaml"), "resources: [deployment.yaml, secret.yaml]\n");
        DaemonServer daemon = serve();
        Client first = client(env, validateArgs("-q", "-o", "json"));
        Client second = client(env, validateArgs("-q", "-o", "json"));
        String log = Files.readString(dir.resolve(DaemonProtocol.LOG));
        assertThat(first.code()).as(first.err() + log).isEqualTo(ExitCodes.FINDINGS);
        assertThat(second.out()).as(second.err() + log).isEqualTo(first.out()).contains("plaintext-secret");
        assertThat(daemon.status()).as(log).containsEntry("documentsParsed", 2L).containsEntry("documentsReused", 2L)
                .containsEntry("runs", 2);
    }

    @Test
    void aKustomizeThatChangedUnderTheDaemonIsAskedAgainBeforeTheRunAnswers() throws Exception {
        Files.writeString(repo.resolve("manifests/dashboard/kustomization.yaml"), "resources: [deployment.yaml, secret.yaml]\n");
        KustomizeTool gone = new KustomizeTool(List.of(home.resolve("uninstalled/kustomize").toString(), "build"), "v0.0.1");
        java.util.concurrent.atomic.AtomicReference<WarmState> kept = new java.util.concurrent.atomic.AtomicReference<>();
        serve(DaemonProtocol.build(), env, Duration.ofHours(1), (args, wd, warm, out, err) -> {
            warm.kustomize.compareAndSet(null, gone); // found by an earlier run, uninstalled since
            kept.set(warm);
            return Main.runServed(args, wd, warm, out, err);
        });
        Client served = client(env, validateArgs("-q", "-o", "json"));
        assertThat(served.out()).isEqualTo(CliRun.of(validateArgs("-q", "-o", "json")).out()).doesNotContain("render-failed");
        assertThat(kept.get().kustomize.get()).isEqualTo(KustomizeTool.detect());
    }

    @Test
    void withoutADaemonOrWithOneThatIsGoneTheClientRunsTheCommandItself() throws Exception {
        assertThat(client(env, validateArgs()).code()).isNull();
        // a socket file left by a daemon that was killed: nobody listens on it
        DaemonDir.prepare(dir);
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(dir.resolve(DaemonProtocol.SOCKET)));
        dead.close();
        assertThat(dir.resolve(DaemonProtocol.SOCKET)).exists();
        assertThat(client(env, validateArgs()).code()).isNull();
        // the next daemon takes its place
        serve();
        assertThat(client(env, validateArgs("-q")).code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void onlyValidateRunsThatEndAreServed() throws Exception {
        serve();
        assertThat(client(env, "plan", "-q").code()).isNull();
        assertThat(client(env, validateArgs("--watch")).code()).isNull();
        assertThat(client(env, validateArgs("-qw")).code()).isNull();
        assertThat(client(env, validateArgs("--no-daemon")).code()).isNull();
        assertThat(client(env, "validate", "@args.txt").code()).isNull();
        assertThat(client(env, validateArgs("-q")).code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void anotherBuildOrEnvironmentRunsInTheClientAndDebugSaysWhy() throws Exception {
        serve("another build", env, Duration.ofHours(1), Main::runServed);
        Map<String, String> debug = new HashMap<>(env);
        debug.put("KFBOOT_DEBUG", "1");
        Client other = client(debug, validateArgs());
        assertThat(other.code()).isNull();
        assertThat(other.err()).contains("not using the daemon: build");
        servers.forEach(DaemonServer::close);

        serve();
        Map<String, String> otherPath = new HashMap<>(debug);
        otherPath.put("PATH", "/nowhere:" + env.getOrDefault("PATH", ""));
        Client moved = client(otherPath, validateArgs());
        assertThat(moved.code()).isNull();
        assertThat(moved.err()).contains("$KFBOOT_DEBUG differs"); // the first that differs, sorted
        otherPath.remove("KFBOOT_DEBUG");
        assertThat(client(otherPath, validateArgs()).code()).isNull();
        // what shapes only the client's JVM does not matter
        Map<String, String> javaOpts = new HashMap<>(env);
        javaOpts.put("KFBOOT_JAVA_OPTS", "-Xmx1g");
        assertThat(client(javaOpts, validateArgs("-q")).code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void aDaemonWhoseJarWasRebuiltStopsWhenANewerClientAsks() throws Exception {
        AtomicBoolean rebuilt = new AtomicBoolean();
        DaemonServer old = new DaemonServer(dir, "old", env, Duration.ofHours(1), Main::runServed,
                () -> rebuilt.get() ? "new" : "old");
        servers.add(old);
        Thread t = new Thread(old::serve);
        t.start();
        assertThat(client(env, validateArgs()).code()).isNull(); // this test's build is not "old": the daemon stays
        assertThat(DaemonClient.status(dir)).isNotNull();
        rebuilt.set(true);
        assertThat(client(env, validateArgs()).code()).isNull();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(dir.resolve(DaemonProtocol.SOCKET)).doesNotExist();
    }

    @Test
    void aBusyDaemonLeavesTheRunToTheClientAndStillAnswersStatus() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        serve(DaemonProtocol.build(), env, Duration.ofHours(1), (args, wd, warm, out, err) -> {
            inRun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.print("done\n");
            return 0;
        });
        CompletableFuture<Client> first = CompletableFuture.supplyAsync(() -> client(env, validateArgs()));
        assertThat(inRun.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(client(env, validateArgs()).code()).isNull();
        JsonNode status = Json.mapper().readTree(DaemonClient.status(dir));
        assertThat(status.get("busy").asBoolean()).isTrue();
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(new Client(0, "done\n", ""));
    }

    @Test
    void stopTakesNoMoreRequestsButLetsTheRunInProgressEnd() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DaemonServer daemon = serve(DaemonProtocol.build(), env, Duration.ofHours(1), (args, wd, warm, out, err) -> {
            inRun.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 9;
            }
            out.print("done\n");
            return 0;
        });
        CompletableFuture<Client> first = CompletableFuture.supplyAsync(() -> client(env, validateArgs()));
        assertThat(inRun.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(DaemonClient.stop(dir)).isTrue();
        assertThat(dir.resolve(DaemonProtocol.SOCKET)).doesNotExist();
        assertThat(client(env, validateArgs()).code()).isNull();
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                daemon.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(stopped).isNotDone(); // the daemon process would wait for the run
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(new Client(0, "done\n", ""));
        stopped.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aClientThatHangsUpInterruptsItsRunAndTheDaemonServesTheNext() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicBoolean block = new AtomicBoolean(true);
        serve(DaemonProtocol.build(), env, Duration.ofHours(1), (args, wd, warm, out, err) -> {
            if (!block.get()) return 7;
            inRun.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        });
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(dir.resolve(DaemonProtocol.SOCKET)));
            new DaemonProtocol.Request(DaemonProtocol.Kind.RUN, DaemonProtocol.build(), "/", DaemonProtocol.environment(env),
                    List.of(validateArgs())).write(new DataOutputStream(DaemonProtocol.out(ch)));
            assertThat(inRun.await(30, TimeUnit.SECONDS)).isTrue();
        } // Ctrl-C
        assertThat(interrupted.await(30, TimeUnit.SECONDS)).isTrue();
        block.set(false);
        Client next = null;
        for (int i = 0; i < 100 && (next == null || next.code() == null); i++) { // busy until the run has wound down
            next = client(env, validateArgs());
            if (next.code() == null) Thread.sleep(50);
        }
        assertThat(next.code()).isEqualTo(7);
    }

    @Test
    void aClientClosingAfterItsRunDoesNotInterruptTheNextRun() throws Exception {
        serve(DaemonProtocol.build(), env, Duration.ofHours(1), (args, wd, warm, out, err) -> {
            try {
                Thread.sleep(30);
                return 0;
            } catch (InterruptedException e) {
                return 5; // interrupted as if its own client had gone away
            }
        });
        for (int i = 0; i < 100; i++) assertThat(client(env, validateArgs()).code()).as("run " + i).isEqualTo(0);
    }

    @Test
    void aClosedPipeOnTheClientsSideIsNotTheDaemonStopping() throws Exception {
        serve();
        java.io.OutputStream closedPipe = new java.io.OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer code = DaemonClient.tryRun(validateArgs(), env, closedPipe, err); // kfboot validate ... | head -0
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("stopped").contains("repository root: ");
    }

    @Test
    void aDaemonThatDiesMidRunIsAnErrorNotAHang() throws Exception {
        DaemonDir.prepare(dir);
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            fake.bind(UnixDomainSocketAddress.of(dir.resolve(DaemonProtocol.SOCKET)));
            Thread t = new Thread(() -> {
                try (SocketChannel c = fake.accept()) {
                    DaemonProtocol.Request.read(new java.io.DataInputStream(DaemonProtocol.in(c)));
                    DataOutputStream out = new DataOutputStream(DaemonProtocol.out(c));
                    out.writeByte(DaemonProtocol.Answer.SERVED.code);
                    DaemonProtocol.writeString(out, "");
                    out.writeByte(DaemonProtocol.STDOUT);
                    out.writeInt(100); // a frame cut short: the daemon was killed while writing
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the test sees what the client makes of it
                }
            });
            t.start();
            Client c = client(env, validateArgs());
            assertThat(c.code()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(c.out()).isEqualTo("partial");
            assertThat(c.err()).startsWith("kfboot: error: the kfboot daemon stopped during the run")
                    .contains("hint: run the command again").doesNotContain("\tat ");
        }
    }

    @Test
    void aDirectoryOthersCanEnterIsNotUsed() throws Exception {
        serve();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> debug = new HashMap<>(env);
        debug.put("KFBOOT_DEBUG", "1");
        Client c = client(debug, validateArgs());
        assertThat(c.code()).isNull();
        assertThat(c.err()).contains("can be entered by others (rwxr-xr-x)");
        assertThatThrownBy(() -> DaemonDir.prepare(dir)).isInstanceOf(CommandFailure.class)
                .hasMessageContaining("can be entered by others");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertThat(client(env, validateArgs("-q")).code()).isEqualTo(ExitCodes.FINDINGS);
    }

    @Test
    void anIdleDaemonStopsAndRemovesItsSocket() throws Exception {
        DaemonServer s = new DaemonServer(dir, DaemonProtocol.build(), env, Duration.ofMillis(300), Main::runServed, () -> "x");
        servers.add(s);
        Thread t = new Thread(s::serve);
        t.start();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(dir.resolve(DaemonProtocol.SOCKET)).doesNotExist();
        assertThat(Files.readString(dir.resolve(DaemonProtocol.LOG))).contains("idle for 300ms: stopping");
    }

    @Test
    void statusAndStopCommands() throws Exception {
        CliRun none = CliRun.of("daemon", "status", "--dir", dir.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).startsWith("no kfboot daemon runs");
        CliRun noneJson = CliRun.of("daemon", "status", "--dir", dir.toString(), "-o", "json");
        assertThat(Json.mapper().readTree(noneJson.out()).get("running").asBoolean()).isFalse();
        assertThat(CliRun.of("daemon", "stop", "--dir", dir.toString()).out()).isEqualTo("no kfboot daemon runs\n");

        serve();
        assertThat(client(env, validateArgs("-q")).code()).isEqualTo(ExitCodes.FINDINGS);
        CliRun text = CliRun.of("daemon", "status", "--dir", dir.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("pid " + ProcessHandle.current().pid()).contains(", 1 run\n");
        JsonNode json = Json.mapper().readTree(CliRun.of("daemon", "status", "--dir", dir.toString(), "-o", "json").out());
        assertThat(json.get("running").asBoolean()).isTrue();
        assertThat(json.get("runs").asInt()).isEqualTo(1);
        assertThat(json.toString()).doesNotContain("PATH"); // the daemon's environment is not shown

        CliRun stop = CliRun.of("daemon", "stop", "--dir", dir.toString());
        assertThat(stop.out()).startsWith("kfboot daemon stopped");
        assertThat(dir.resolve(DaemonProtocol.SOCKET)).doesNotExist();
        assertThat(client(env, validateArgs()).code()).isNull();
    }

    @Test
    void aSecondDaemonOnTheSameSocketIsRefused() throws Exception {
        serve();
        assertThatThrownBy(() -> new DaemonServer(dir, "b", env, Duration.ofHours(1), Main::runServed, () -> "b"))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("already runs");
    }

    @Test
    void startRunsADaemonInTheBackgroundThatServesAndStops() throws Exception {
        try {
            CliRun start = CliRun.of("daemon", "start", "--dir", dir.toString(), "--idle-timeout", "5m");
            assertThat(start.code()).as(start.err()).isZero();
            assertThat(start.out()).startsWith("kfboot daemon started: pid ");
            assertThat(CliRun.of("daemon", "start", "--dir", dir.toString()).out()).startsWith("a kfboot daemon already runs");
            JsonNode status = Json.mapper().readTree(DaemonClient.status(dir));
            assertThat(status.get("pid").asLong()).isNotEqualTo(ProcessHandle.current().pid());
            // paths relative to this process's directory, below it: the daemon runs in /, where they name nothing
            Path below = Files.createTempDirectory(Path.of("target"), "daemon-e2e-");
            UpstreamFork.copyTree(repo, below);
            String[] args = {"validate", below.resolve("tree").toString(), "--repo-root", below.toString(), "--no-cache",
                "-q", "-o", "json"};
            Client served = client(env, args);
            assertThat(served.code()).as(served.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(served.out()).isEqualTo(CliRun.of(args).out()).contains("plaintext-secret");
            // a file that does not parse is named as the user can find it from where they are
            Files.writeString(below.resolve("tree/apps/dashboard.yaml"), "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: [\n");
            Client bad = client(env, args);
            assertThat(bad.code()).isEqualTo(ExitCodes.INPUT);
            assertThat(bad.err()).isEqualTo(CliRun.of(args).err()).startsWith("kfboot: error: " + below.resolve("tree/apps/dashboard.yaml") + ":");
        } finally {
            StringWriter out = new StringWriter();
            Main.run(new String[] {"daemon", "stop", "--dir", dir.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertThat(out.toString()).startsWith("kfboot daemon stopped");
        }
    }
}
