package dev.kfboot.cli;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The client side of the daemon: {@code kfboot validate} hands its command line to a running daemon and prints
 * what the run prints, exiting as it exits. When no daemon runs, or it is busy, another build, sees another
 * environment, or its directory is not private, the command runs in this process as if there were no daemon
 * ({@code KFBOOT_DEBUG=1} says why on stderr).
 */
final class DaemonClient {

    private DaemonClient() {}

    /** The run's exit code when the daemon served it; null to run here. */
    static Integer tryRun(String[] args, Map<String, String> env, OutputStream stdout, OutputStream stderr) {
        List<String> argv = List.of(args);
        if (!DaemonProtocol.served(argv)) return null;
        Path dir = DaemonDir.of(env);
        if (!Files.exists(dir.resolve(DaemonProtocol.SOCKET))) return null;
        boolean debug = "1".equals(env.get("KFBOOT_DEBUG"));
        String problem = DaemonDir.problem(dir);
        if (problem != null) {
            if (debug) note(stderr, "kfboot: not using the daemon: its directory " + dir + " " + problem);
            return null;
        }
        DaemonProtocol.Request request = new DaemonProtocol.Request(DaemonProtocol.Kind.RUN, DaemonProtocol.build(),
                Path.of("").toAbsolutePath().toString(), DaemonProtocol.environment(env), argv);
        try (SocketChannel channel = connect(dir)) {
            DataInputStream in = new DataInputStream(DaemonProtocol.in(channel));
            request.write(new DataOutputStream(new BufferedOutputStream(DaemonProtocol.out(channel))));
            DaemonProtocol.Answer answer = DaemonProtocol.Answer.of(in.readByte());
            String reason = DaemonProtocol.readString(in);
            if (answer != DaemonProtocol.Answer.SERVED) {
                if (debug) note(stderr, "kfboot: not using the daemon: " + reason);
                return null;
            }
            try {
                return relay(in, stdout, stderr);
            } catch (IOException e) {
                note(stderr, "kfboot: error: the kfboot daemon stopped during the run (" + e.getMessage() + ")");
                note(stderr, "  hint: run the command again; kfboot daemon status shows whether a daemon runs");
                return ExitCodes.INTERNAL;
            }
        } catch (IOException | RuntimeException e) {
            if (debug) note(stderr, "kfboot: not using the daemon: " + e);
            return null; // a socket left by a daemon that is gone, or one that is starting: run here
        }
    }

    /** For {@link Main}: this process's environment and streams. */
    static Integer tryRun(String[] args) {
        return tryRun(args, System.getenv(), new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    }

    /** The daemon's status as JSON, or null when no daemon answers. */
    static String status(Path dir) {
        return ask(dir, DaemonProtocol.Kind.STATUS);
    }

    /** Asks the daemon to stop; false when none answered. */
    static boolean stop(Path dir) {
        return ask(dir, DaemonProtocol.Kind.STOP) != null;
    }

    private static String ask(Path dir, DaemonProtocol.Kind kind) {
        if (!Files.exists(dir.resolve(DaemonProtocol.SOCKET))) return null;
        try (SocketChannel channel = connect(dir)) {
            DataInputStream in = new DataInputStream(DaemonProtocol.in(channel));
            new DaemonProtocol.Request(kind, DaemonProtocol.build(), "/", Map.of(), List.of())
                    .write(new DataOutputStream(new BufferedOutputStream(DaemonProtocol.out(channel))));
            if (DaemonProtocol.Answer.of(in.readByte()) != DaemonProtocol.Answer.SERVED) return null;
            DaemonProtocol.readString(in);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            relay(in, out, OutputStream.nullOutputStream());
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static SocketChannel connect(Path dir) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve(DaemonProtocol.SOCKET)));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Copies frames to the two streams until the exit frame; returns the exit code. Only reading from the daemon
     * fails it: a stream that cannot be written (a closed pipe, as with {@code | head}) is skipped from then on, as
     * a run in this process would skip it.
     */
    private static int relay(DataInputStream in, OutputStream stdout, OutputStream stderr) throws IOException {
        PrintStream out = new PrintStream(stdout, false);
        PrintStream err = new PrintStream(stderr, false);
        byte[] buf = new byte[64 * 1024];
        while (true) {
            int stream = in.readUnsignedByte();
            int n = in.readInt();
            if (stream == DaemonProtocol.EXIT) {
                out.flush();
                err.flush();
                return n;
            }
            PrintStream to = stream == DaemonProtocol.STDERR ? err : out;
            for (int left = n; left > 0; ) {
                int k = in.read(buf, 0, Math.min(buf.length, left));
                if (k < 0) throw new java.io.EOFException("the connection closed within a frame");
                to.write(buf, 0, k); // a PrintStream keeps write errors to itself
                left -= k;
            }
            if (stream == DaemonProtocol.STDERR) err.flush();
        }
    }

    private static void note(OutputStream stderr, String line) {
        PrintStream p = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        p.println(line);
        p.flush();
    }
}
