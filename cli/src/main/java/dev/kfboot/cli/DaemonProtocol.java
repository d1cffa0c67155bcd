package dev.kfboot.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the kfboot daemon and its clients say over the daemon's Unix socket. A client sends one {@link Request};
 * the daemon answers with a {@link Answer} byte and a reason, then (when it serves the request) the run's
 * standard output and error as frames, and last its exit code.
 *
 * <p>Everything a run reads besides its arguments and working directory comes from the environment: the daemon
 * serves a client only when the variables in {@link #environment} are the same on both sides, and only when the
 * client is the same build of kfboot. Otherwise the client runs the command itself.
 */
final class DaemonProtocol {

    static final int MAGIC = 0x6B66626F; // "kfbo"
    static final int VERSION = 1;
    static final String SOCKET = "daemon.sock";
    static final String LOG = "daemon.log";

    /** Variables a validate run reads, directly or through kustomize, git and the JVM. */
    private static final List<String> VARIABLES = List.of("PATH", "HOME", "TMPDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
            "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy", "SSL_CERT_FILE",
            "SSL_CERT_DIR", "LANG", "LC_ALL");
    private static final List<String> PREFIXES = List.of("KFBOOT_", "KUSTOMIZE_", "KUBECTL_", "GO", "GIT_");
    /** The launcher's own settings: they shape the client's JVM, not what a run does. */
    private static final List<String> IGNORED = List.of("KFBOOT_JAVA_OPTS", "KFBOOT_TRACE");

    enum Kind { RUN, STATUS, STOP }

    /** The daemon's first byte: whether it serves the request. */
    enum Answer {
        SERVED('A'), BUSY('B'), OTHER_BUILD('V'), OTHER_ENVIRONMENT('E'), NOT_SERVED('N');

        final byte code;

        Answer(char code) {
            this.code = (byte) code;
        }

        static Answer of(int b) {
            for (Answer a : values()) if (a.code == b) return a;
            throw new IllegalArgumentException("unknown answer " + b);
        }
    }

    static final int STDOUT = 1;
    static final int STDERR = 2;
    static final int EXIT = 0;

    private DaemonProtocol() {}

    record Request(Kind kind, String build, String workDir, Map<String, String> env, List<String> args) {

        void write(DataOutputStream out) throws IOException {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeString(out, kind.name());
            writeString(out, build);
            writeString(out, workDir);
            out.writeInt(env.size());
            for (Map.Entry<String, String> e : env.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
            out.writeInt(args.size());
            for (String a : args) writeString(out, a);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) throw new IOException("not a kfboot request of this version");
            Kind kind = Kind.valueOf(readString(in));
            String build = readString(in);
            String workDir = readString(in);
            Map<String, String> env = new TreeMap<>();
            for (int i = count(in); i > 0; i--) env.put(readString(in), readString(in));
            List<String> args = new ArrayList<>();
            for (int i = count(in); i > 0; i--) args.add(readString(in));
            return new Request(kind, build, workDir, env, args);
        }
    }

    /** The variables of {@code env} a run depends on, sorted. */
    static Map<String, String> environment(Map<String, String> env) {
        // plain loops here and below: the client runs this in a fresh JVM, where a first lambda or regex costs
        // milliseconds
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String k = e.getKey();
            if (IGNORED.contains(k)) continue;
            boolean read = VARIABLES.contains(k);
            for (String p : PREFIXES) read |= k.startsWith(p);
            if (read) out.put(k, e.getValue());
        }
        return out;
    }

    /** The first variable that differs between the two, for the reason a client is not served; null if none. */
    static String firstDifference(Map<String, String> a, Map<String, String> b) {
        TreeMap<String, String> all = new TreeMap<>(a);
        b.forEach(all::putIfAbsent);
        for (String k : all.keySet()) if (!java.util.Objects.equals(a.get(k), b.get(k))) return k;
        return null;
    }

    /**
     * Which kfboot this is: the jar's path, size and modification time (the launcher touches the jar after every
     * build), or the classes directory when run from classes.
     */
    static String build() {
        try {
            Path code = Path.of(DaemonProtocol.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new StringBuilder().append(code).append(' ').append(Files.size(code)).append(' ')
                    .append(Files.getLastModifiedTime(code).toMillis()).toString();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Only validate runs, and not watching ones (a watch lives as long as its terminal), nor ones with @files. */
    static boolean served(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("validate")) return false;
        for (String a : args) {
            // an @file of arguments would be read relative to the daemon's directory
            if (a.equals("--watch") || a.equals("--no-daemon") || isShortWatch(a) || a.startsWith("@")) return false;
        }
        return true;
    }

    /** -w, or short options bundled with it (-qw): as the launcher reads them. */
    private static boolean isShortWatch(String a) {
        return a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-' && a.indexOf('w') > 0;
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String readString(DataInputStream in) throws IOException {
        int n = count(in);
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) throw new IOException("a field of " + n + " bytes");
        return n;
    }

    /**
     * The channel as a stream to read. Unlike {@link java.nio.channels.Channels#newInputStream}, it does not take
     * the channel's blocking lock, so one thread can wait to read (the daemon noticing a client that goes away)
     * while another writes.
     */
    static InputStream in(SocketChannel channel) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
            }
        };
    }

    /** The channel as a stream to write, without the channel's blocking lock (see {@link #in}). */
    static OutputStream out(SocketChannel channel) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                ByteBuffer buf = ByteBuffer.wrap(b, off, len);
                while (buf.hasRemaining()) channel.write(buf);
            }
        };
    }

    /** An output stream of one kind of frame: each write is one frame, so stdout and stderr interleave as written. */
    static final class FrameStream extends OutputStream {

        private final DataOutputStream out;
        private final int stream;

        FrameStream(DataOutputStream out, int stream) {
            this.out = out;
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) return;
            synchronized (out) {
                out.writeByte(stream);
                out.writeInt(len);
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }
    }
}
