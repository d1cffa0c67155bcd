package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kfboot.testing.Kustomize;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger's pull request, tried as an attacker would: each case names its attack, builds a tree around a sentinel
 * string the attack tries to leak (a file outside the repository, a Secret value, a credential, a control sequence)
 * and runs validate as text, JSON and SARIF and the HTML report. The sentinel must be absent from stdout, stderr,
 * the report and every file of the render cache. Bounded-work cases print how long they took.
 */
class HostileCorpusTest {

    enum Channel {
        TEXT,
        JSON,
        SARIF,
        HTML,
        CACHE,
        STDERR
    }

    static final Set<Channel> ALL = EnumSet.allOf(Channel.class);
    static final Set<Channel> TERMINAL = EnumSet.of(Channel.TEXT, Channel.STDERR);

    /** What one case's runs produced. */
    record Outputs(CliRun text, CliRun json, CliRun sarif, CliRun report, String html, String cache, long millis) {
        String of(Channel c) {
            return switch (c) {
                case TEXT -> text.out();
                case JSON -> json.out();
                case SARIF -> sarif.out();
                case HTML -> html;
                case CACHE -> cache;
                case STDERR -> text.err() + json.err() + sarif.err() + report.err();
            };
        }
    }

    interface Setup {
        void build(Case c, Path tree, Path outside) throws Exception;
    }

    /** @param options added to every run of the case (validate in each format, report) */
    record Case(
            String attack,
            String sentinel,
            Set<Channel> channels,
            Setup setup,
            Consumer<Outputs> expect,
            List<String> options) {

        Case(String attack, String sentinel, Set<Channel> channels, Setup setup, Consumer<Outputs> expect) {
            this(attack, sentinel, channels, setup, expect, List.of());
        }
    }

    @TempDir
    static Path tmp;

    static final List<String> summary = new ArrayList<>();

    // ---- building blocks -------------------------------------------------------------------------------------------

    static String app(String name, String repoUrl, String path) {
        return """
                apiVersion: argoproj.io/v1alpha1
                kind: Application
                metadata:
                  name: %s
                  namespace: argocd
                  annotations: {argocd.argoproj.io/sync-wave: "1"}
                spec:
                  project: default
                  source: {repoURL: %s, path: %s, targetRevision: main}
                  destination: {server: https://kubernetes.default.svc, namespace: demo}
                """.formatted(name, repoUrl, path);
    }

    static final String REPO = "https://github.com/acme/platform.git";

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String configMap(String name) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  namespace: demo\n";
    }

    /** An app whose kustomization is {@code kustomization}, with the usual Application. */
    static void kustomizeApp(Path tree, String kustomization) throws IOException {
        write(tree.resolve("apps/app.yaml"), app("victim", REPO, "c/app"));
        write(tree.resolve("c/app/kustomization.yaml"), kustomization);
        write(tree.resolve("c/app/cm.yaml"), configMap("plain"));
    }

    /** A remote cache with one remote base, so the app's kustomization goes through the render workspace copy. */
    static Path remoteCache(Path tree) throws IOException {
        Path cache = tree.resolveSibling(tree.getFileName() + "-remote");
        write(cache.resolve("remote/base/kustomization.yaml"), "resources: [cm.yaml]\n");
        write(cache.resolve("remote/base/cm.yaml"), configMap("remote"));
        write(cache.resolve("INDEX.tsv"), "https://github.com/example/remote\tv1\tremote\n");
        return cache;
    }

    static final String REMOTE = "https://github.com/example/remote//base?ref=v1";

    static String leakingKustomization(String file) {
        return """
                resources:
                - %s
                - cm.yaml
                configMapGenerator:
                - name: leak
                  namespace: demo
                  files: [%s]
                replacements:
                - source: {kind: ConfigMap, name: leak, fieldPath: data.%s}
                  targets:
                  - select: {kind: ConfigMap, name: plain}
                    fieldPaths: [metadata.namespace]
                """.formatted(REMOTE, file, file);
    }

    static Consumer<Outputs> finding(String text) {
        return o -> assertThat(o.text().out() + o.text().err()).contains(text);
    }

    static Consumer<Outputs> exit(int code, String stderr) {
        return o -> {
            assertThat(o.text().code()).as(o.text().err()).isEqualTo(code);
            assertThat(o.text().err()).contains(stderr);
        };
    }

    static void gitWithOrigin(Path tree, String origin) throws Exception {
        try (Git git = Git.init().setDirectory(tree.toFile()).call()) {
            git.getRepository().getConfig().setString("remote", "origin", "url", origin);
            git.getRepository().getConfig().save();
        }
    }

    static void sparse(Path file, long size, String tail) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - tail.length() - 1);
            f.write((tail + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    // ---- the corpus
    // ---------------------------------------------------------------------------------------------------

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        c.add(new Case(
                "workspace copy follows a symlink to a file outside (configMapGenerator + "
                        + "replacements into metadata.namespace)",
                "SENTINEL-outside-file-01",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("secret.txt"), k.sentinel());
                    kustomizeApp(tree, leakingKustomization("secret.txt"));
                    Files.createSymbolicLink(tree.resolve("c/app/secret.txt"), out.resolve("secret.txt"));
                },
                finding("secret.txt: a symbolic link that leaves the repository")));
        c.add(new Case(
                "workspace copy follows a symlink to an owner-only (0600) file elsewhere",
                "SENTINEL-private-file-02",
                ALL,
                (k, tree, out) -> {
                    Path f = out.resolve("id_rsa");
                    write(f, k.sentinel());
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    kustomizeApp(tree, leakingKustomization("key"));
                    Files.createSymbolicLink(tree.resolve("c/app/key"), f);
                },
                finding("a symbolic link that leaves the repository")));
        c.add(new Case(
                "workspace copy follows a symlink to /proc/self/environ (CI tokens)",
                "HOME=" + System.getProperty("user.home"),
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(tree, leakingKustomization("env"));
                    Files.createSymbolicLink(tree.resolve("c/app/env"), Path.of("/proc/self/environ"));
                },
                finding("c/app/env: a symbolic link that leaves the repository")));
        c.add(new Case(
                "symlink out of the repository rendered in place (no remote base)",
                "SENTINEL-in-place-04",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("s.txt"), k.sentinel());
                    kustomizeApp(tree, "resources: [cm.yaml]\nconfigMapGenerator:\n- name: leak\n  files: [s.txt]\n");
                    Files.createSymbolicLink(tree.resolve("c/app/s.txt"), out.resolve("s.txt"));
                },
                finding("refused to read outside the repository")));
        c.add(new Case(
                "symlinked base directory leaving the repository",
                "SENTINEL-linked-base-05",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("base/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(out.resolve("base/cm.yaml"), configMap(k.sentinel().toLowerCase()));
                    kustomizeApp(tree, "resources: [cm.yaml, base]\n");
                    Files.createSymbolicLink(tree.resolve("c/app/base"), out.resolve("base"));
                },
                finding("base: a symbolic link that leaves the repository")));
        c.add(new Case(
                "absolute path in the tree's own kustomization",
                "sentinel-absolute-06",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("abs/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(out.resolve("abs/cm.yaml"), configMap(k.sentinel()));
                    kustomizeApp(
                            tree,
                            "resources:\n- cm.yaml\n- " + out.resolve("abs").toAbsolutePath() + "\n");
                },
                finding("names the absolute path")));
        c.add(new Case(
                "kustomization climbing out of the repository with ../",
                "sentinel-climb-07",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("up/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(out.resolve("up/cm.yaml"), configMap(k.sentinel()));
                    kustomizeApp(tree, "resources:\n- cm.yaml\n- ../../../outside-07/up\n");
                },
                finding("the path leaves the repository")));
        c.add(new Case(
                "plain-directory source with a file symlink out of the repository",
                "sentinel-plain-link-08",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("cm.yaml"), configMap(k.sentinel()));
                    write(tree.resolve("apps/app.yaml"), app("plain", REPO, "c/plain"));
                    write(tree.resolve("c/plain/ok.yaml"), configMap("ok"));
                    Files.createSymbolicLink(tree.resolve("c/plain/leak.yaml"), out.resolve("cm.yaml"));
                },
                finding("c/plain/leak.yaml: a symbolic link that leaves the repository")));
        c.add(new Case(
                "no git: the repository root climbs to a parent and renders what an Application names there",
                "sentinel-climbing-root-09",
                ALL,
                (k, tree, out) -> {
                    // the parent of the tree holds a directory the app names; the tree itself does not
                    write(tree.resolveSibling("shared-09/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(tree.resolveSibling("shared-09/cm.yaml"), configMap(k.sentinel()));
                    write(tree.resolve("apps/app.yaml"), app("climber", REPO, "shared-09"));
                },
                finding("path shared-09 does not exist in the repository")));
        c.add(new Case(
                "the tree's kustomization aggregates an Application from outside the repository",
                "sentinel-aggregated-10",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("evil.yaml"), app(k.sentinel(), REPO, "c/app"));
                    write(
                            tree.resolve("kustomization.yaml"),
                            "resources:\n- apps/app.yaml\n- ../outside-10/evil.yaml\n");
                    kustomizeApp(tree, "resources: [cm.yaml]\n");
                },
                o -> assertThat(o.json().out()).contains("\"victim\"")));
        c.add(new Case(
                "Application path traversal (../) out of the repository",
                "sentinel-traversal-11",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("t/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(out.resolve("t/cm.yaml"), configMap(k.sentinel()));
                    write(tree.resolve("apps/app.yaml"), app("traversal", REPO, "../outside-11/t"));
                },
                finding("leaves the repository")));
        c.add(new Case(
                "Application path is a symlinked directory leaving the repository",
                "sentinel-app-link-12",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("d/kustomization.yaml"), "resources: [cm.yaml]\n");
                    write(out.resolve("d/cm.yaml"), configMap(k.sentinel()));
                    write(tree.resolve("apps/app.yaml"), app("linked", REPO, "c/linked"));
                    Files.createDirectories(tree.resolve("c"));
                    Files.createSymbolicLink(tree.resolve("c/linked"), out.resolve("d"));
                },
                finding("symbolic link that leaves the repository")));
        c.add(new Case(
                "remote-cache entry that is a symlink out of the remote cache",
                "SENTINEL-remote-cache-link-13",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("rb/kustomization.yaml"), "configMapGenerator:\n- name: x\n  files: [s.txt]\n");
                    write(out.resolve("rb/s.txt"), k.sentinel());
                    kustomizeApp(tree, "resources: [" + REMOTE + ", cm.yaml]\n");
                    Path cache = remoteCache(tree);
                    Directories.delete(cache.resolve("remote/base"));
                    Files.createSymbolicLink(cache.resolve("remote/base"), out.resolve("rb"));
                },
                finding("refused to read outside the repository")));
        c.add(new Case(
                "credentials in a repoURL (https://user:token@host)",
                "ghp_SENTINEL_token_14",
                ALL,
                (k, tree, out) -> {
                    gitWithOrigin(tree, REPO);
                    write(
                            tree.resolve("apps/app.yaml"),
                            app("creds", "https://bot:" + k.sentinel() + "@github.com/other/repo.git", "x"));
                },
                finding("https://***@github.com/other/repo.git")));
        c.add(new Case(
                "a token as the repoURL's user name (https://token@host)",
                "ghp_SENTINEL_user_15",
                ALL,
                (k, tree, out) -> {
                    gitWithOrigin(tree, REPO);
                    write(
                            tree.resolve("apps/app.yaml"),
                            app("creds", "https://" + k.sentinel() + "@github.com/other/repo.git", "x"));
                },
                finding("https://***@github.com/other/repo.git")));
        c.add(new Case(
                "plain Secret value in a rendered manifest (stringData)",
                "SENTINEL-secret-plain-16",
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(tree, "resources: [cm.yaml, secret.yaml]\n");
                    write(
                            tree.resolve("c/app/secret.yaml"),
                            "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: demo}\n"
                                    + "stringData:\n  password: " + k.sentinel() + "\n");
                },
                finding("plaintext-secret")));
        c.add(new Case(
                "base64 Secret value in a rendered manifest (data), looked for encoded too",
                Base64.getEncoder().encodeToString("SENTINEL-secret-b64-17".getBytes(StandardCharsets.UTF_8)),
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(tree, "resources: [cm.yaml, secret.yaml]\n");
                    write(
                            tree.resolve("c/app/secret.yaml"),
                            "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: demo}\ndata:\n  token: "
                                    + k.sentinel() + "\n");
                },
                finding("plaintext-secret")));
        c.add(new Case(
                "secretGenerator literal rendered into a Secret",
                "SENTINEL-generated-secret-18",
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(
                            tree,
                            "resources: [cm.yaml]\nsecretGenerator:\n- name: g\n  namespace: demo\n  literals:\n  - pw="
                                    + k.sentinel() + "\n");
                },
                o -> assertThat(o.text().code()).isIn(0, 1)));
        c.add(new Case(
                "escape sequences in an app name (clear screen, set title)",
                "\u001b]0;SENTINEL-title-19\u0007",
                TERMINAL,
                (k, tree, out) -> {
                    write(
                            tree.resolve("apps/app.yaml"),
                            app("\"evil\\e]0;SENTINEL-title-19\\a\\e[2J\"", REPO, "missing"));
                },
                o -> assertThat(o.text().out()).contains("evil\\e]0;SENTINEL-title-19\\a\\e[2J")));
        c.add(new Case(
                "a line feed in an app name forging a GitHub Actions command (::error::)",
                "\n::error::SENTINEL-forged-20",
                EnumSet.of(Channel.TEXT, Channel.STDERR, Channel.JSON, Channel.SARIF),
                (k, tree, out) -> write(
                        tree.resolve("apps/app.yaml"), app("\"x\\n::error::SENTINEL-forged-20\"", REPO, "missing")),
                o -> assertThat(o.text().out()).contains("x\\n::error::SENTINEL-forged-20")));
        c.add(new Case(
                "a carriage return in a path overwriting the finding's line",
                "\rSENTINEL-cr-21",
                TERMINAL,
                (k, tree, out) -> write(tree.resolve("apps/app.yaml"), app("cr", REPO, "\"missing\\rSENTINEL-cr-21\"")),
                o -> assertThat(o.text().out()).contains("\\rSENTINEL-cr-21")));
        c.add(new Case(
                "an app named x<!--<script> breaking out of the report's script",
                "<!--<script>",
                EnumSet.of(Channel.HTML),
                (k, tree, out) -> {
                    kustomizeApp(tree, "resources: [cm.yaml]\n");
                    write(tree.resolve("apps/app2.yaml"), app("\"x<!--<script>\"", REPO, "c/app"));
                },
                o -> assertThat(o.html()).contains("kfboot-data")));
        c.add(new Case(
                "invalid UTF-8 in a comment of a file declaring an Application (silently dropped before)",
                "sentinel-utf8-23",
                ALL,
                (k, tree, out) -> {
                    byte[] head = "# caf\u00e9 \n".getBytes(StandardCharsets.ISO_8859_1); // a lone 0xE9: not UTF-8
                    byte[] body = app("dropped", REPO, "c/app").getBytes(StandardCharsets.UTF_8);
                    Files.createDirectories(tree.resolve("apps"));
                    Files.write(tree.resolve("apps/app.yaml"), concat(head, body));
                },
                exit(2, "apps/app.yaml:1: not valid UTF-8 text")));
        c.add(new Case(
                "a 600 MB file in the tree (read whole before the 8 MiB check)",
                "SENTINEL-huge-tail-24",
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(tree, "resources: [cm.yaml]\n");
                    sparse(tree.resolve("apps/huge.yaml"), 600L << 20, "# " + k.sentinel());
                },
                o -> assertThat(o.millis()).as("bounded").isLessThan(120_000)));
        c.add(new Case(
                "a 9 MiB Application file",
                "SENTINEL-big-app-25",
                ALL,
                (k, tree, out) -> {
                    write(tree.resolve("apps/big.yaml"), app("big", REPO, "c/app") + "# " + "x".repeat(1000) + "\n");
                    Files.writeString(
                            tree.resolve("apps/big.yaml"),
                            ("# " + "y".repeat(998) + "\n").repeat(9 * 1024) + "# " + k.sentinel() + "\n",
                            StandardOpenOption.APPEND);
                },
                exit(2, "more than the limit of 8388608")));
        c.add(new Case(
                "a plain-directory source holding a 9 MiB manifest",
                "SENTINEL-big-plain-26",
                ALL,
                (k, tree, out) -> {
                    write(tree.resolve("apps/app.yaml"), app("plain", REPO, "c/plain"));
                    sparse(tree.resolve("c/plain/big.yaml"), 9L << 20, "# " + k.sentinel());
                },
                finding("the directory's manifests exceed 8388608 bytes in one file")));
        c.add(new Case(
                "deeply nested YAML in a plain-directory source (54 s before)",
                "SENTINEL-deep-27",
                ALL,
                (k, tree, out) -> {
                    write(tree.resolve("apps/app.yaml"), app("deep", REPO, "c/plain"));
                    write(
                            tree.resolve("c/plain/deep.yaml"),
                            "a: '" + k.sentinel() + "'\nb:\n" + "[\n".repeat(100_000) + "]\n".repeat(100_000));
                },
                finding("YAML nested more than 100 levels deep")));
        c.add(new Case(
                "a YAML alias bomb in a kustomization's resource (4 GB, 5 minutes before)",
                "SENTINEL-bomb-28",
                ALL,
                (k, tree, out) -> {
                    kustomizeApp(tree, "resources: [cm.yaml, bomb.yaml]\n");
                    write(
                            tree.resolve("c/app/bomb.yaml"),
                            aliasBomb().replace("name: bomb", "name: bomb\n  annotations: {s: " + k.sentinel() + "}"));
                },
                // a cap of 1500 MiB rather than the default 4 GiB (RenderLimitsTest holds that one): the same
                // promise, reached in a third of the time by each of the case's four runs
                finding("kustomize ran out of its memory cap of 1500 MiB (--render-memory)"),
                List.of("--render-memory", "1500m")));
        c.add(new Case(
                "a kustomize exec plugin (generators) that would print a file (still refused)",
                "SENTINEL-plugin-29",
                ALL,
                (k, tree, out) -> {
                    write(out.resolve("s.txt"), k.sentinel());
                    kustomizeApp(tree, "resources: [cm.yaml]\ngenerators: [gen.yaml]\n");
                    write(tree.resolve("c/app/gen.yaml"), """
                            apiVersion: builtin
                            kind: Generator
                            metadata:
                              name: g
                              annotations:
                                config.kubernetes.io/function: |
                                  exec:
                                    path: /bin/cat
                            """);
                },
                finding("render-failed")));
        c.add(new Case(
                "Helm chart inflation in a kustomization (never run: the app is unverified)",
                "sentinel-helm-30",
                ALL,
                (k, tree, out) -> {
                    // a local chart whose template would put the sentinel in a rendered object
                    kustomizeApp(tree, "resources: [cm.yaml]\nhelmCharts:\n- name: x\n  releaseName: x\n");
                    write(tree.resolve("c/app/charts/x/Chart.yaml"), "apiVersion: v2\nname: x\nversion: 0.1.0\n");
                    write(
                            tree.resolve("c/app/charts/x/templates/cm.yaml"),
                            configMap(k.sentinel().toLowerCase()));
                },
                finding("unverified")));
        return c;
    }

    /** Nine lists of nine aliases, eight deep: 43 million strings once expanded. */
    static String aliasBomb() {
        StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nbomb:\n");
        sb.append("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String prev = "a";
        for (String n : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
            sb.append("  ")
                    .append(n)
                    .append(": &")
                    .append(n)
                    .append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*" + prev)))
                    .append("]\n");
            prev = n;
        }
        return sb.toString();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Deleting a directory tree in a setup. */
    static final class Directories {
        static void delete(Path dir) throws IOException {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> noAttackLeaksItsSentinelAnywhere() {
        Kustomize.required();
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        int[] n = {0};
        return cases.stream().map(k -> DynamicTest.dynamicTest(k.attack(), () -> run(k, ++n[0])));
    }

    private static void run(Case k, int index) throws Exception {
        Path base = Files.createDirectories(tmp.resolve("case-" + index));
        Path tree = Files.createDirectories(base.resolve("tree"));
        Path outside = Files.createDirectories(base.resolve("outside-" + String.format("%02d", index)));
        k.setup().build(k, tree, outside);
        Path cache = base.resolve("cache");
        Path html = base.resolve("report.html");
        Path remote = tree.resolveSibling(tree.getFileName() + "-remote");
        List<String> common = new ArrayList<>(List.of(tree.toString(), "--cache-dir", cache.toString()));
        if (Files.isDirectory(remote)) common.addAll(List.of("--remote-cache", remote.toString()));
        // a tree without git names its repository, or every app is unverified and nothing renders (issue 16 cause 5)
        if (!Files.isDirectory(tree.resolve(".git"))) common.addAll(List.of("--repo-url", REPO));
        common.addAll(k.options());
        long start = System.nanoTime();
        CliRun text = validate(common, "text");
        CliRun json = validate(common, "json");
        CliRun sarif = validate(common, "sarif");
        List<String> report = new ArrayList<>(List.of("report"));
        report.addAll(common);
        report.addAll(List.of("--out", html.toString()));
        CliRun rep = CliRun.of(report.toArray(String[]::new));
        long millis = (System.nanoTime() - start) / 1_000_000;
        Outputs o = new Outputs(
                text, json, sarif, rep, Files.exists(html) ? Files.readString(html) : "", everything(cache), millis);

        for (CliRun r : List.of(text, json, sarif, rep)) {
            assertThat(r.code()).as(k.attack() + ": " + r.err()).isNotEqualTo(4);
            assertThat(r.noStackTrace()).as(r.err()).isTrue();
        }
        for (Channel ch : k.channels()) {
            assertThat(o.of(ch))
                    .as(k.attack() + " leaks its sentinel into " + ch)
                    .doesNotContain(k.sentinel());
        }
        k.expect().accept(o);
        synchronized (summary) {
            summary.add(String.format("%2d %-6s %6d ms  %s", index, "ok", millis, k.attack()));
        }
    }

    private static CliRun validate(List<String> common, String format) {
        List<String> args = new ArrayList<>(List.of("validate"));
        args.addAll(common);
        args.addAll(List.of("-o", format));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String everything(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return "";
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList())
                sb.append(Files.readString(f, StandardCharsets.ISO_8859_1));
        }
        return sb.toString();
    }

    @AfterAll
    static void printSummary() {
        System.out.println("hostile corpus: " + summary.size()
                + " attacks held (validate text/json/sarif + report, time for all four)");
        summary.forEach(System.out::println);
    }
}
