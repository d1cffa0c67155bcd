package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@code report --live}: each app's current sync and health from Argo CD, coloured on the graph. */
class ReportLiveTest extends ClusterCliTest {

    @Test
    void colorsTheGraphWithWhatArgoCdReports() throws Exception {
        cli.deployed();
        cli.argo.failWith("katib", "one or more objects failed to apply");
        CliRun sync = cli.run("sync", "katib");
        assertThat(sync.code()).isNotZero();
        Path html = dir.resolve("live.html");

        CliRun r = cli.run("report", "-q", "--live", "--out", html.toString());

        assertThat(r.code()).as(r.err()).isZero();
        Document doc = Jsoup.parse(Files.readString(html));
        Element certManager = doc.selectFirst("g.node[data-app=cert-manager]");
        assertThat(certManager.classNames()).contains("health-healthy", "sync-synced");
        Element katib = doc.selectFirst("g.node[data-app=katib]");
        assertThat(katib.select("title").text()).contains("katib (wave 2)");
        assertThat(doc.selectFirst("details#component-katib").text()).contains("one or more objects failed to apply");
        // apps that are not in the cluster get no colour
        assertThat(doc.selectFirst("g.node[data-app=kserve]").classNames()).noneMatch(c -> c.startsWith("health-"));
    }

    @Test
    void anUnreachableClusterIsExitThreeAndNoReport() throws Exception {
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path kubeconfig = Files.writeString(
                dir.resolve("unreachable"),
                Files.readString(cli.kubeconfig).replace(cli.mock.url(), "http://127.0.0.1:" + port));
        Path html = dir.resolve("none.html");
        CliRun r = CliRun.of(
                "report",
                "-q",
                "--live",
                "--out",
                html.toString(),
                "--kubeconfig",
                kubeconfig.toString(),
                "--api-retries",
                "1");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).startsWith("kfboot: error: ").contains("hint:");
        assertThat(html).doesNotExist();
    }
}
