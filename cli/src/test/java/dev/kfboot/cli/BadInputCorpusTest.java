package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.cluster.testing.MockCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every way people and environments hand kfboot something unusable. Each case runs a
 * real command line in a fresh directory and must end with the documented exit code, a one-line message that
 * names the file (and line where there is one), a hint, no stack trace, and the directory exactly as it was.
 * A summary line says how many were tried and how many behaved.
 */
class BadInputCorpusTest {

    /**
     * One bad input: files and symbolic links to lay out, the command (with {@code DIR} for the case's directory),
     * the environment (null: run in-process), what must come out. {@code finding}: the input is reported as a
     * finding line ({@code file:line: error: [rule] ...} then {@code hint:}) instead of a one-line error.
     */
    record Case(
            String name,
            Map<String, byte[]> files,
            Map<String, String> links,
            List<String> args,
            Map<String, String> env,
            int exit,
            String where,
            String message,
            String hint,
            boolean finding) {
        Case(
                String name,
                Map<String, byte[]> files,
                List<String> args,
                int exit,
                String where,
                String message,
                String hint) {
            this(name, files, Map.of(), args, null, exit, where, message, hint, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final AtomicInteger BEHAVED = new AtomicInteger();

    static final String HEAD = "apiVersion: kfboot.dev/v1alpha1\nkind: Platform\n";
    /** The trees' repository: their git checkouts have no origin, so validate is told (issue 16 cause 5). */
    static final String REPO_URL = "https://github.com/acme/gitops.git";
    /** An upstream tree's example, from which kfboot derives its components before anything renders. */
    static final byte[] EXAMPLE = "resources:\n- ../applications/app/base\n".getBytes();

    static final byte[] NOTHING = "resources: []\n".getBytes();

    static Stream<Case> corpus() {
        List<Case> c = new ArrayList<>();
        // YAML people write
        c.add(spec("malformed YAML", HEAD + "spec:\n  release: \"26.03\n", ":4:", "invalid YAML", "hint"));
        c.add(spec(
                "duplicate keys",
                HEAD + "spec:\n  release: \"26.03\"\n  release: \"v1.11.0\"\n",
                ":5:",
                "duplicate key 'release' (first at line 4)",
                "remove one"));
        c.add(spec("tab indentation", HEAD + "spec:\n\trelease: \"26.03\"\n", ":4:", "invalid YAML", "tabs"));
        c.add(spec(
                "yes as a boolean",
                HEAD + "spec:\n  components:\n    - name: katib\n      enabled: yes\n",
                ":6:",
                "must be true or false",
                "yes/no"));
        c.add(spec(
                "on as a boolean",
                HEAD + "spec:\n  components:\n    - name: katib\n      enabled: on\n",
                ":6:",
                "must be true or false",
                "yes/no"));
        c.add(spec(
                "octal-looking wave",
                HEAD + "spec:\n  components:\n    - name: katib\n      wave: 010\n",
                ":6:",
                "has a leading zero (010)",
                "octal; write 10"));
        c.add(spec(
                "merge key",
                HEAD + "x: &d {name: katib}\nspec:\n  components:\n    - <<: *d\n      wave: 3\n",
                ":3:",
                "unknown field 'x'",
                "known fields"));
        c.add(spec(
                "merge key in an entry",
                HEAD + "spec:\n  components:\n    - <<: {name: katib}\n",
                ":5:",
                "unknown field '<<'",
                "merge keys"));
        c.add(spec(
                "revision 1.10 unquoted",
                HEAD + "spec:\n  repo:\n    revision: 1.10\n",
                ":5:",
                "must be a string, found the float 1.10",
                "quote it"));
        c.add(spec("alias bomb", HEAD + aliasBomb(), "platform.yaml", "invalid YAML", "aliases"));
        c.add(spec(
                "document over the size limit",
                HEAD + "spec:\n  release: \"26.03\"\n" + ("# " + "x".repeat(1000) + "\n").repeat(3200),
                "platform.yaml",
                "larger than",
                "split"));
        c.add(spec(
                "very long single line",
                HEAD + "spec:\n  release: \"" + "9".repeat(70_000) + "\"\n",
                ":4:",
                "characters long",
                "break the value"));
        c.add(bytes("binary file", new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2}, ":1:", "binary content", "YAML text"));
        c.add(bytes(
                "non-UTF-8 file",
                (HEAD + "spec:\n  release: \"26.03\" # caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1),
                ":4:",
                "not valid UTF-8",
                "UTF-8"));
        c.add(spec("empty file", "", "platform.yaml", "no YAML document", "kfboot init"));
        c.add(spec(
                "only empty documents", "---\n---\n# nothing\n", "platform.yaml", "no YAML document", "kfboot init"));
        c.add(spec(
                "two documents",
                HEAD + "spec: {}\n---\n" + HEAD + "spec: {}\n",
                ":5:",
                "expected one YAML document",
                "one Platform"));
        // the spec's meaning
        c.add(spec(
                "wrong apiVersion",
                "apiVersion: v1\nkind: Platform\nspec: {}\n",
                ":1:",
                "unsupported apiVersion 'v1'",
                "kfboot.dev/v1alpha1"));
        c.add(spec(
                "wrong kind",
                "apiVersion: kfboot.dev/v1alpha1\nkind: Application\nspec: {}\n",
                ":2:",
                "expected kind Platform",
                "kind: Platform"));
        c.add(spec(
                "unknown field",
                HEAD + "spec:\n  relase: \"26.03\"\n",
                ":4:",
                "unknown field 'relase'",
                "known fields"));
        c.add(spec(
                "unknown component",
                HEAD + "spec:\n  components:\n    - name: kubeflow-pipelines\n",
                ":5:",
                "unknown component 'kubeflow-pipelines'",
                "known components"));
        c.add(spec(
                "unknown variant",
                HEAD + "spec:\n  components:\n    - name: pipelines\n      variant: minio\n",
                ":5:",
                "unknown variant 'minio'",
                "database, k8s-native"));
        c.add(spec(
                "unknown release",
                HEAD + "spec:\n  release: \"1.7\"\n",
                "platform.yaml",
                "unknown release '1.7'",
                "26.03"));
        c.add(spec(
                "dependency cycle",
                HEAD + "spec:\n  components:\n    - name: cert-manager\n      dependsOn: [user-namespace]\n",
                ":5:",
                "dependency cycle",
                "remove one"));
        c.add(spec(
                "contradicting wave pin",
                HEAD + "spec:\n  components:\n    - name: kserve\n      wave: 1\n",
                ":5:",
                "contradicts its dependency",
                "pin kserve"));
        c.add(spec(
                "path traversal in spec",
                HEAD + "spec:\n  repo:\n    path: ../../etc\n",
                ":5:",
                "must be relative to the repository root",
                "without"));
        c.add(spec(
                "absolute path in spec",
                HEAD + "spec:\n  repo:\n    path: /etc\n",
                ":5:",
                "must be relative to the repository root",
                "without"));
        c.add(spec(
                "extra app path traversal",
                HEAD + "spec:\n  extraApps:\n    - name: x\n      path: ../outside\n      namespace: x\n",
                ":6:",
                "must be relative to the repository root",
                "inside"));
        c.add(spec(
                "dependsOn a disabled component",
                HEAD + "spec:\n  components:\n    - name: spark-operator\n      enabled: "
                        + "false\n    - name: kserve\n      dependsOn: [spark-operator]\n",
                ":7:",
                "not enabled",
                "enable spark-operator"));
        // files and directories
        c.add(new Case(
                "missing spec file",
                Map.of(),
                List.of("plan", "-q", "-f", "DIR/nope.yaml"),
                2,
                "nope.yaml",
                "file not found",
                "check the path"));
        c.add(new Case(
                "missing upstream tree",
                Map.of(),
                List.of("plan", "-q", "--upstream", "DIR/manifests"),
                2,
                "manifests",
                "upstream directory not found",
                "--upstream"));
        c.add(new Case(
                "remote cache without INDEX.tsv",
                Map.of(
                        "cache/x",
                        new byte[0],
                        "example/kustomization.yaml",
                        EXAMPLE,
                        "applications/app/base/kustomization.yaml",
                        NOTHING),
                List.of("plan", "-q", "--upstream", "DIR", "--remote-cache", "DIR/cache"),
                2,
                "INDEX.tsv",
                "remote cache has no INDEX.tsv",
                "INDEX.tsv"));
        c.add(new Case(
                "init over an existing file",
                Map.of("platform.yaml", "mine".getBytes()),
                List.of("init", "--out", "DIR/platform.yaml"),
                2,
                "platform.yaml",
                "file exists",
                "--force"));
        c.add(new Case(
                "unwritable output directory",
                // a spec naming a fork: the default names upstream, which generate warns about before writing
                Map.of(
                        "file",
                        "x".getBytes(),
                        "platform.yaml",
                        ("apiVersion: kfboot.dev/v1alpha1\nkind: Platform\nmetadata: {name: ml}\nspec:\n  release: "
                                        + "\"26.03\"\n  repo: {url: https://github.com/acme/manifests.git}\n")
                                .getBytes()),
                List.of(
                        "generate",
                        "-q",
                        "-f",
                        "DIR/platform.yaml",
                        "--out",
                        "DIR/file/argocd",
                        "--path-in-repo",
                        "argocd"),
                2,
                "file",
                "cannot",
                "nothing"));
        c.add(new Case(
                "unknown environment",
                Map.of(),
                List.of("generate", "-q", "--out", "DIR/argocd", "--path-in-repo", "argocd", "--env", "prod"),
                2,
                "",
                "prod",
                "environments"));
        c.add(new Case(
                "report into a file's directory",
                Map.of("file", "x".getBytes()),
                List.of("report", "-q", "--out", "DIR/file/r.html"),
                2,
                "r.html",
                "cannot write",
                "writable"));
        c.add(new Case(
                "set outside any repository",
                Map.of("m.yaml", "kind: ConfigMap\nmetadata:\n  name: x\n".getBytes()),
                List.of("set", "DIR/m.yaml", "metadata.name=y"),
                2,
                "m.yaml",
                "not inside a git work tree",
                "GitOps repository"));
        c.add(new Case(
                "set with a malformed assignment",
                Map.of(),
                List.of("set", "DIR/m.yaml", "nonsense"),
                2,
                "nonsense",
                "expected [KIND/NAME:]FIELD=VALUE",
                "for example"));
        c.add(new Case(
                "update-repo-url on a hand-written tree",
                Map.of("apps/a.yaml", "kind: Application\n".getBytes()),
                List.of("update-repo-url", "--repo", "https://x.example.org/r.git", "DIR"),
                2,
                "",
                "not a tree kfboot generated",
                "kfboot generate"));
        c.add(new Case(
                "catalog scan without --upstream",
                Map.of(),
                List.of("catalog", "scan"),
                2,
                "",
                "needs --upstream",
                "tree of the release to scan"));
        c.add(new Case(
                "unknown command option",
                Map.of(),
                List.of("plan", "--frobnicate"),
                2,
                "",
                "Unknown option",
                "--help"));
        // trees from anywhere: each problem is a finding naming the Application's file and line
        c.add(tree(
                "Application path traversal",
                "../../etc",
                Map.of(),
                "argocd/app.yaml:13: error: [path-not-found]",
                "leaves the repository"));
        c.add(tree(
                "Application absolute path",
                "/etc",
                Map.of(),
                "argocd/app.yaml:13: error: [path-not-found]",
                "leaves the repository"));
        c.add(tree(
                "symlink loop in a kustomization",
                "apps/base",
                Map.of("repo/apps/base/loop", "."),
                "argocd/app.yaml:13: error: [render-failed]",
                "cycle detected"));
        c.add(tree(
                "symlink leaving the tree",
                "apps/out",
                Map.of("repo/apps/out", "DIR/outside"),
                "argocd/app.yaml:13: error: [path-not-found]",
                "symbolic link that leaves the repository"));
        c.add(new Case(
                "remote base unreachable",
                Map.of(
                        "repo/.git/HEAD",
                        new byte[0],
                        "repo/apps/base/kustomization.yaml",
                        "resources:\n- https://github.invalid/acme/x/base?ref=v1\n".getBytes(),
                        "repo/argocd/app.yaml",
                        ReportTrees.APP.formatted("app", 0, "apps/base").getBytes()),
                Map.of(),
                List.of("validate", "DIR/repo/argocd", "-q", "--no-cache", "--repo-url", REPO_URL),
                null,
                1,
                "argocd/app.yaml:13: error: [render-failed]",
                "remote base https://github.invalid/acme/x/base?ref=v1 is not in the remote cache",
                "--remote-cache",
                true));
        c.add(new Case(
                "kustomize missing",
                Map.of("example/kustomization.yaml", EXAMPLE, "applications/app/base/kustomization.yaml", NOTHING),
                Map.of(),
                List.of("plan", "-q", "--upstream", "DIR"),
                Map.of("PATH", "/nonexistent"),
                2,
                "",
                "neither kustomize nor kubectl found on PATH",
                "install kustomize",
                false));
        c.add(new Case(
                "kustomize crashing",
                Map.of(
                        "bin/kustomize",
                        "#!/bin/sh\necho 'Error: boom: segfault in the overlay' >&2\nexit 2\n".getBytes(),
                        "repo/.git/HEAD",
                        new byte[0],
                        "repo/apps/base/kustomization.yaml",
                        "resources: []\n".getBytes(),
                        "repo/argocd/app.yaml",
                        ReportTrees.APP.formatted("app", 0, "apps/base").getBytes()),
                Map.of(),
                List.of("validate", "DIR/repo/argocd", "-q", "--no-cache", "--repo-url", REPO_URL),
                Map.of("KFBOOT_KUSTOMIZE", "DIR/bin/kustomize"),
                1,
                "argocd/app.yaml:13: error: [render-failed]",
                "boom: segfault in the overlay",
                "hint:",
                true));
        // clusters: kubeconfig and API problems end with one line, a hint and exit 2 (settings) or 3 (the cluster)
        c.add(new Case(
                "kubeconfig missing",
                Map.of(),
                List.of("status", "--kubeconfig", "DIR/nope"),
                2,
                "nope",
                "no kubeconfig: --kubeconfig",
                "kubeconfig"));
        c.add(new Case(
                "kubeconfig invalid",
                Map.of("kubeconfig", "{{{{ not yaml".getBytes()),
                List.of("status", "--kubeconfig", "DIR/kubeconfig"),
                2,
                "kubeconfig:1:",
                "malformed kubeconfig",
                "kfboot does not print its lines"));
        c.add(new Case(
                "kubeconfig context unknown",
                Map.of(),
                List.of("status", "--kubeconfig", "MOCK_GOOD", "--context", "prod"),
                2,
                "",
                "context 'prod' is not in the kubeconfig",
                "known contexts"));
        c.add(new Case(
                "API unreachable",
                Map.of(),
                List.of("status", "--kubeconfig", "MOCK_UNREACHABLE", "--api-retries", "0"),
                3,
                "",
                "cannot reach the Kubernetes API",
                "--context"));
        c.add(new Case(
                "API 401",
                Map.of(),
                List.of("status", "--kubeconfig", "MOCK_BADTOKEN"),
                3,
                "",
                "401 Unauthorized",
                "log in again"));
        c.add(new Case(
                "API 403",
                Map.of(),
                List.of("status", "--kubeconfig", "MOCK_GOOD", "--api-retries", "0"),
                3,
                "",
                "forbidden (403)",
                "hint"));
        return c.stream();
    }

    private static MockCluster mock;
    private static final Map<String, String> KUBECONFIGS = new HashMap<>();

    @BeforeAll
    static void cluster(@TempDir Path configs) throws IOException {
        mock = MockCluster.start().withArgoCrds();
        KUBECONFIGS.put("MOCK_GOOD", mock.kubeconfig(configs, MockCluster.TOKEN).toString());
        Path bad = configs.resolve("bad");
        Files.createDirectories(bad);
        KUBECONFIGS.put("MOCK_BADTOKEN", mock.kubeconfig(bad, "expired-token").toString());
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path unreachable = Files.writeString(
                configs.resolve("unreachable"),
                Files.readString(Path.of(KUBECONFIGS.get("MOCK_GOOD")))
                        .replace(mock.url(), "http://127.0.0.1:" + port));
        KUBECONFIGS.put("MOCK_UNREACHABLE", unreachable.toString());
    }

    static void stopCluster() {
        if (mock != null) mock.close();
        mock = null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void behaves(Case c, @TempDir Path dir) throws Exception {
        TRIED.incrementAndGet();
        Function<String, String> expand = a -> a.replace("DIR", dir.toString());
        for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
            if (f.getKey().startsWith("bin/")) p.toFile().setExecutable(true);
        }
        for (Map.Entry<String, String> l : c.links().entrySet()) {
            Path link = dir.resolve(l.getKey());
            Files.createDirectories(link.getParent());
            String target = expand.apply(l.getValue());
            if (target.startsWith(dir.toString())) {
                Files.createDirectories(Path.of(target));
                Files.writeString(Path.of(target, "kustomization.yaml"), "resources: []\n");
            }
            Files.createSymbolicLink(link, Path.of(target));
        }
        Map<String, String> before = snapshot(dir);
        if (c.name().equals("API 403"))
            mock.faults().fail("GET", "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications", 1, 403);
        String[] args = c.args().stream()
                .map(expand)
                .map(a -> KUBECONFIGS.getOrDefault(a, a))
                .toArray(String[]::new);
        CliRun r = c.env() == null ? CliRun.of(args) : inProcess(args, c.env(), expand);

        assertThat(r.code()).as(c.name() + ": " + r.err() + r.out()).isEqualTo(c.exit());
        assertThat(r.noStackTrace()).isTrue();
        if (c.finding()) {
            String all = r.out() + r.err();
            assertThat(all).contains(expand.apply(c.where())).contains(c.message());
            String line =
                    all.lines().filter(l -> l.contains(c.where())).findFirst().orElseThrow();
            String next = all.lines()
                    .dropWhile(l -> !l.equals(line))
                    .skip(1)
                    .findFirst()
                    .orElse("");
            assertThat(next).startsWith("    hint: ").contains(c.hint().equals("hint:") ? "" : c.hint());
        } else {
            String[] lines = r.err().split("\n");
            assertThat(lines).as(r.err()).hasSize(2);
            assertThat(lines[0])
                    .startsWith("kfboot: error: ")
                    .contains(expand.apply(c.where()))
                    .contains(c.message());
            assertThat(lines[1]).startsWith("  hint: ").containsIgnoringCase(c.hint());
        }
        assertThat(snapshot(dir)).as("nothing written").isEqualTo(before);
        BEHAVED.incrementAndGet();
    }

    /** Cases that need another environment (PATH, KFBOOT_KUSTOMIZE) run kfboot in a process of its own. */
    private static CliRun inProcess(String[] args, Map<String, String> env, Function<String, String> expand)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.kfboot.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        env.forEach((k, v) -> pb.environment().put(k, expand.apply(v)));
        Process p = pb.start();
        var out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        String err = read(p.getErrorStream());
        p.waitFor(120, TimeUnit.SECONDS);
        return new CliRun(p.exitValue(), out.join(), err);
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-app tree in DIR/repo whose Application's source path is {@code path}. */
    private static Case tree(String name, String path, Map<String, String> links, String where, String message) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("repo/.git/HEAD", new byte[0]);
        files.put("repo/apps/base/kustomization.yaml", "resources:\n- cm.yaml\n".getBytes());
        files.put(
                "repo/apps/base/cm.yaml",
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: demo\n".getBytes());
        files.put(
                "repo/argocd/app.yaml",
                ReportTrees.APP.formatted("app", 0, path).getBytes());
        if (path.equals("apps/base")) {
            files.put("repo/apps/base/kustomization.yaml", "resources:\n- loop\n- cm.yaml\n".getBytes());
        }
        return new Case(
                name,
                files,
                links,
                List.of("validate", "DIR/repo/argocd", "-q", "--no-cache", "--repo-url", REPO_URL),
                null,
                1,
                where,
                message,
                "hint:",
                true);
    }

    @AfterAll
    static void summary() {
        stopCluster();
        System.out.println("bad-input corpus: " + TRIED.get() + " bad inputs tried, " + BEHAVED.get() + " behaved");
    }

    private static Case spec(String name, String text, String where, String message, String hint) {
        return bytes(name, text.getBytes(StandardCharsets.UTF_8), where, message, hint);
    }

    private static Case bytes(String name, byte[] content, String where, String message, String hint) {
        return new Case(
                name,
                Map.of("platform.yaml", content),
                List.of("plan", "-q", "-f", "DIR/platform.yaml"),
                2,
                where.startsWith(":") ? "platform.yaml" + where : where,
                message,
                hint);
    }

    private static String aliasBomb() {
        StringBuilder sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char n = 'b'; n <= 'j'; n++) {
            sb.append(n).append(": &").append(n).append(" [");
            for (int i = 0; i < 9; i++)
                sb.append(i == 0 ? "" : ", ").append('*').append(prev);
            sb.append("]\n");
            prev = n;
        }
        return sb.toString();
    }

    /** Every file under {@code dir} with a hash of its content: "nothing written" compares two of these. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (p.equals(dir)) continue;
                String rel = dir.relativize(p).toString();
                out.put(
                        rel,
                        Files.isRegularFile(p)
                                ? HexFormat.of()
                                        .formatHex(MessageDigest.getInstance("SHA-256")
                                                .digest(Files.readAllBytes(p)))
                                : "dir");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
