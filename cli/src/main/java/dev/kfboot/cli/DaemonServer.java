package dev.kfboot.cli;

import dev.kfboot.model.Json;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The kfboot daemon: a long-lived JVM that serves {@code kfboot validate} runs over a Unix socket, so a run starts
 * warm (compiled code, kustomize's version known, the documents of earlier renders parsed) instead of paying for a
 * fresh JVM each time. One run at a time: a client that finds it busy runs the command itself. It stops on
 * {@code kfboot daemon stop}, after {@code idleTimeout} without a request, or when a client shows that the jar it
 * was started from has been rebuilt.
 */
final class DaemonServer implements AutoCloseable {

    /** Runs one command line; the daemon passes the request's working directory and what it keeps between runs. */
    interface Runner {
        int run(String[] args, Path workDir, WarmState warm, PrintWriter out, PrintWriter err);
    }

    private final Path dir;
    private final String build;
    private final Map<String, String> env;
    private final Duration idleTimeout;
    private final Runner runner;
    private final Supplier<String> currentBuild;
    private final WarmState warm = new WarmState();
    private final ServerSocketChannel server;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Instant started = Instant.now();
    private final PrintWriter log;

    /**
     * Binds the socket in {@code dir}; a socket file left by a daemon that is gone is replaced.
     *
     * @param build        which kfboot this is ({@link DaemonProtocol#build()})
     * @param env          the environment its runs see ({@link DaemonProtocol#environment})
     * @param currentBuild what the build is now: when a client differs and this does too, the daemon is stale
     * @throws CommandFailure when a daemon already answers on the socket
     */
    DaemonServer(Path dir, String build, Map<String, String> env, Duration idleTimeout, Runner runner,
                 Supplier<String> currentBuild) throws IOException {
        this.dir = DaemonDir.prepare(dir);
        this.build = build;
        this.env = DaemonProtocol.environment(env);
        this.idleTimeout = idleTimeout;
        this.runner = runner;
        this.currentBuild = currentBuild;
        Path socket = dir.resolve(DaemonProtocol.SOCKET);
        if (Files.exists(socket)) {
            if (DaemonClient.status(dir) != null) {
                throw new CommandFailure(ExitCodes.INPUT, "a kfboot daemon already runs on " + socket,
                        "kfboot daemon status shows it; kfboot daemon stop stops it");
            }
            Files.delete(socket); // left by a daemon that did not stop cleanly
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        log = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(DaemonProtocol.LOG),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), StandardCharsets.UTF_8), true);
        log("started, pid " + ProcessHandle.current().pid() + ", idle timeout " + DurationConverter.format(idleTimeout));
    }

    Path socket() {
        return dir.resolve(DaemonProtocol.SOCKET);
    }

    /** Serves until stopped; each connection on a thread of its own, so status and stop answer during a run. */
    void serve() {
        Thread idle = daemonThread("kfboot-daemon-idle", this::stopWhenIdle);
        try {
            while (server.isOpen()) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException closed) {
                    break;
                }
                daemonThread("kfboot-daemon-client", () -> handle(client));
            }
        } catch (IOException e) {
            log("stopped: " + e.getMessage());
        } finally {
            idle.interrupt();
            close();
        }
    }

    /** Waits until the daemon has stopped taking requests and the run it was serving, if any, has ended. */
    void awaitStop() throws InterruptedException {
        stopped.await();
        while (busy.get()) Thread.sleep(20);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return; // the socket file may be another daemon's by now
        try {
            Files.deleteIfExists(socket()); // first: once serve() returns, the socket is gone
            server.close();
        } catch (IOException e) {
            // the next daemon replaces a socket file left behind
        }
        log("stopped taking requests after " + served.get() + " runs" + (busy.get() ? "; the run in progress ends first" : ""));
        stopped.countDown();
    }

    private void stopWhenIdle() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Math.max(1, Math.min(idleTimeout.toMillis(), 60_000)));
                if (!busy.get() && System.nanoTime() - lastRequest.get() > idleTimeout.toNanos()) {
                    log("idle for " + DurationConverter.format(idleTimeout) + ": stopping");
                    close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(SocketChannel channel) {
        try (channel) {
            DataInputStream in = new DataInputStream(DaemonProtocol.in(channel));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(DaemonProtocol.out(channel)));
            DaemonProtocol.Request request = DaemonProtocol.Request.read(in);
            lastRequest.set(System.nanoTime());
            switch (request.kind()) {
                case STATUS -> {
                    answer(out, DaemonProtocol.Answer.SERVED, "");
                    finish(out, DaemonProtocol.STDOUT, Json.mapper().writeValueAsBytes(status()), 0);
                }
                case STOP -> {
                    log("stop requested");
                    close(); // before answering: when the client hears back, no new run can start
                    answer(out, DaemonProtocol.Answer.SERVED, "");
                    finish(out, DaemonProtocol.STDOUT, new byte[0], 0);
                }
                case RUN -> run(request, in, out);
            }
        } catch (IOException | RuntimeException e) {
            log("a client's request failed: " + e);
        }
    }

    private void run(DaemonProtocol.Request request, DataInputStream in, DataOutputStream out) throws IOException {
        String refusal = refusal(request);
        if (refusal != null) {
            answer(out, refusal.startsWith("build") ? DaemonProtocol.Answer.OTHER_BUILD
                    : refusal.startsWith("environment") ? DaemonProtocol.Answer.OTHER_ENVIRONMENT
                    : DaemonProtocol.Answer.NOT_SERVED, refusal);
            log("not served: " + refusal);
            if (refusal.startsWith("build") && !build.equals(currentBuild.get())) {
                log("this daemon's jar has been rebuilt: stopping");
                close();
            }
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            answer(out, DaemonProtocol.Answer.BUSY, "a run is in progress");
            return;
        }
        long start = System.nanoTime();
        // a client that goes away (Ctrl-C) interrupts its run: it sends nothing after its request, so a read ends
        // only when it closes the connection (or when the connection is closed here, after the run). Only this
        // request's run: the next one may be running by the time this client's connection ends.
        Thread run = Thread.currentThread();
        AtomicBoolean ended = new AtomicBoolean();
        daemonThread("kfboot-daemon-hangup", () -> {
            try {
                in.read();
            } catch (IOException reset) {
                // a client that closes with output unread resets the connection: a hangup too
            }
            synchronized (ended) {
                if (!ended.get()) run.interrupt();
            }
        });
        int code = ExitCodes.INTERNAL;
        try {
            answer(out, DaemonProtocol.Answer.SERVED, "");
            PrintWriter stdout = writer(out, DaemonProtocol.STDOUT);
            PrintWriter stderr = writer(out, DaemonProtocol.STDERR);
            code = runner.run(request.args().toArray(String[]::new), Path.of(request.workDir()), warm, stdout, stderr);
            stdout.flush();
            stderr.flush();
        } finally {
            synchronized (ended) {
                ended.set(true);
                Thread.interrupted(); // an interrupt for a client that went away ends with its run
            }
            // free for the next run before the client learns this one ended: it may ask again at once
            served.incrementAndGet();
            lastRequest.set(System.nanoTime());
            busy.set(false);
            log(String.format("%s: exit %d in %d ms", request.args().get(0), code, (System.nanoTime() - start) / 1_000_000));
        }
        finish(out, DaemonProtocol.STDOUT, new byte[0], code);
    }

    /** Why this client runs the command itself, or null when the daemon serves it. */
    private String refusal(DaemonProtocol.Request r) {
        if (!r.build().equals(build)) return "build: the client is another kfboot build than this daemon";
        String differs = DaemonProtocol.firstDifference(DaemonProtocol.environment(r.env()), env);
        if (differs != null) return "environment: $" + differs + " differs from the daemon's";
        if (!DaemonProtocol.served(r.args())) return "not a command the daemon serves";
        if (!r.workDir().startsWith("/")) return "the working directory is not absolute";
        return null;
    }

    Map<String, Object> status() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("pid", ProcessHandle.current().pid());
        s.put("socket", socket().toString());
        s.put("started", started.toString());
        s.put("runs", served.get());
        s.put("busy", busy.get());
        s.put("idleTimeoutSeconds", idleTimeout.toSeconds());
        s.put("build", build);
        long[] docs = warm.documents.counts();
        s.put("documentsReused", docs[0]);
        s.put("documentsParsed", docs[1]);
        Runtime rt = Runtime.getRuntime();
        s.put("heapUsedMB", (rt.totalMemory() - rt.freeMemory()) >> 20);
        s.put("log", dir.resolve(DaemonProtocol.LOG).toString());
        return s;
    }

    private static Thread daemonThread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static PrintWriter writer(DataOutputStream out, int stream) {
        return new PrintWriter(new OutputStreamWriter(new DaemonProtocol.FrameStream(out, stream), StandardCharsets.UTF_8), false);
    }

    private static void answer(DataOutputStream out, DaemonProtocol.Answer a, String reason) throws IOException {
        out.writeByte(a.code);
        DaemonProtocol.writeString(out, reason);
        out.flush();
    }

    private static void finish(DataOutputStream out, int stream, byte[] last, int code) throws IOException {
        synchronized (out) {
            if (last.length > 0) {
                out.writeByte(stream);
                out.writeInt(last.length);
                out.write(last);
            }
            out.writeByte(DaemonProtocol.EXIT);
            out.writeInt(code);
            out.flush();
        }
    }

    private synchronized void log(String line) {
        if (log != null) log.println(Instant.now() + " " + line);
    }
}
