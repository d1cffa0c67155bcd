package dev.kfboot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kfboot.model.Json;
import dev.kfboot.testing.Kustomize;
import dev.kfboot.testing.UpstreamData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * Loads the report of the default 26.03 platform in headless Chromium (Debian's chromium and chromium-driver)
 * from file://, offline: no console errors, one box per component, every edge drawn, selection works. The
 * screenshot is kept as a test artifact in target/.
 */
class ReportBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static ChromeDriver driver;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (.ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1900,1100",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chrome"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    void theDefaultPlanReportLoadsCleanAndDrawsEveryComponentAndEdge() throws Exception {
        Path html = dir.resolve("report.html");
        CliRun r = CliRun.of("report", "-q", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(html);
        // nothing is fetched: no external scripts, styles, fonts or images
        assertThat(text)
                .doesNotContain("<script src")
                .doesNotContain("<link ")
                .doesNotContain("@import")
                .doesNotContainPattern("src=\"https?:")
                .doesNotContainPattern("url\\((?!#)");

        // the window the other tests may have resized: the screenshot (docs/report-26.03.png) is always this size
        driver.manage().window().setSize(new Dimension(1900, 1100));
        driver.get(html.toUri().toString());

        List<WebElement> nodes = driver.findElements(By.cssSelector("#graph svg .node"));
        List<WebElement> edges = driver.findElements(By.cssSelector("#graph svg .edge"));
        assertThat(nodes).hasSize(27);
        assertThat(edges).hasSize(dependencies());
        assertThat(driver.findElements(By.cssSelector("#graph svg .edge.declared")))
                .isNotEmpty();

        driver.findElement(By.cssSelector("#graph svg .node[data-app='kserve']"))
                .click();
        String panel = driver.findElement(By.id("selection")).getText();
        assertThat(panel)
                .startsWith("kserve (wave 3)")
                .contains("knative-serving (wave 2)")
                .contains("declared: KServe's default Serverless deployment mode needs Knative Serving running");
        assertThat(driver.findElements(By.cssSelector("#graph svg .edge.related")))
                .hasSizeGreaterThan(3);

        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path artifact = Path.of("target", "report-26.03.png");
        Files.createDirectories(artifact.getParent());
        Files.copy(shot.toPath(), artifact, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(artifact)).isGreaterThan(10_000);

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    @Test
    void aTreesFindingsAreListedFilterableAndLinkedToTheirRule() throws Exception {
        Kustomize.required();
        Path tree = ReportTrees.write(dir.resolve("repo"));
        Path html = dir.resolve("tree.html");
        CliRun r = CliRun.of(
                "report",
                tree.toString(),
                "-q",
                "--cache-dir",
                UpstreamData.renderCache().toString(),
                "--repo-url",
                ReportTrees.REPO_URL,
                "--out",
                html.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1); // the tree has an error: one app's path is missing
        assertThat(Files.readString(html)).doesNotContain("hunter2");

        driver.get(html.toUri().toString());

        List<WebElement> rows = driver.findElements(By.cssSelector("#findings tr.finding"));
        assertThat(rows).extracting(e -> e.getAttribute("data-severity")).contains("error", "warning");
        WebElement link = driver.findElement(By.linkText("plaintext-secret"));
        assertThat(link.getAttribute("href")).endsWith("docs/rules/plaintext-secret.md");
        new Select(driver.findElement(By.id("filter-severity"))).selectByValue("error");
        assertThat(rows)
                .filteredOn(WebElement::isDisplayed)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getAttribute("data-severity")).isEqualTo("error"));
        new Select(driver.findElement(By.id("filter-severity"))).selectByValue("");
        new Select(driver.findElement(By.id("filter-app"))).selectByValue("base");
        assertThat(rows)
                .filteredOn(WebElement::isDisplayed)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getAttribute("data-app")).isEqualTo("base"));
        assertThat(driver.findElements(By.cssSelector("#graph svg .node"))).hasSize(2);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertThat(severe).as("console errors").isEmpty();
    }

    /** At a laptop's 1366 px and at 1920 px: no horizontal scroll, the panel in view, every name inside its box. */
    @ParameterizedTest
    @ValueSource(ints = {1366, 1920})
    void theGraphFitsThePageAndEveryNameItsBox(int width) throws Exception {
        Path html = dir.resolve("fit-" + width + ".html");
        CliRun r = CliRun.of("report", "-q", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.get(html.toUri().toString());
        JavascriptExecutor js = driver;

        Number scroll = (Number)
                js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(scroll.intValue()).as("horizontal scroll at %d px", width).isLessThanOrEqualTo(0);
        Number panelRight =
                (Number) js.executeScript("return document.getElementById('selection').getBoundingClientRect().right;");
        Number inner = (Number) js.executeScript("return document.documentElement.clientWidth;");
        assertThat(panelRight.doubleValue()).as("the reason panel is in view").isLessThanOrEqualTo(inner.doubleValue());
        @SuppressWarnings("unchecked")
        List<String> overflowing = (List<String>) js.executeScript("""
                var out = [];
                document.querySelectorAll('#graph svg .node').forEach(function (n) {
                  var box = n.querySelector('rect').getBoundingClientRect();
                  var name = n.querySelector('text.name').getBoundingClientRect();
                  var count = n.querySelector('text.count').getBoundingClientRect();
                  if (name.left < box.left - 0.5 || name.right > box.right + 0.5 || name.top < box.top - 0.5
                      || name.bottom > box.bottom + 0.5 || name.right > count.left + 0.5
                      || count.right > box.right + 0.5) out.push(n.dataset.app);
                });
                return out;""");
        assertThat(overflowing)
                .as("names running out of their box (or over the count) at %d px", width)
                .isEmpty();
        keepScreenshot("report-26.03-" + width + ".png");
    }

    /**
     * Every edge, the implied ones shown too, sampled every 2 px along its drawn path (getPointAtLength, mapped to
     * the page): no point falls in the box of a component the edge does not connect, at 1366 and 1920 px.
     */
    @ParameterizedTest
    @ValueSource(ints = {1366, 1920})
    void noEdgeCrossesABoxItDoesNotConnect(int width) throws Exception {
        JavascriptExecutor js = openWithAllEdges("route", width);

        @SuppressWarnings("unchecked")
        List<Object> result = (List<Object>) js.executeScript("""
                var boxes = Array.from(document.querySelectorAll('#graph svg .node')).map(function (n) {
                  return { app: n.dataset.app, rect: n.querySelector('rect').getBoundingClientRect() };
                });
                var crossings = [], sampled = 0;
                document.querySelectorAll('#graph svg .edge').forEach(function (e) {
                  var ctm = e.getScreenCTM(), length = e.getTotalLength();
                  for (var at = 0; at <= length; at += 2) {
                    var p = e.getPointAtLength(at);
                    var q = new DOMPoint(p.x, p.y).matrixTransform(ctm);
                    sampled++;
                    boxes.forEach(function (b) {
                      if (b.app === e.dataset.from || b.app === e.dataset.to) return;
                      var r = b.rect;
                      if (q.x >= r.left && q.x <= r.right && q.y >= r.top && q.y <= r.bottom)
                        crossings.push(e.dataset.from + ' -> ' + e.dataset.to + ' crosses ' + b.app);
                    });
                  }
                });
                return [sampled, Array.from(new Set(crossings))];""");

        assertThat(((Number) result.get(0)).intValue()).as("points sampled").isGreaterThan(10 * dependencies());
        assertThat((List<?>) result.get(1))
                .as("edges crossing a box at %d px", width)
                .isEmpty();
        keepScreenshot("report-26.03-all-edges-" + width + ".png");
    }

    /**
     * The same promises read off a screenshot's pixels, at 1366 and 1920 px with every edge shown: edges painted
     * magenta and lifted above the boxes, every box's text painted green; then no magenta pixel lies inside a box
     * (inset by the arrowhead's few pixels where edges end) and no green pixel outside every box. Both colours are
     * counted where they must be too, so the check cannot pass on an empty picture.
     */
    @ParameterizedTest
    @ValueSource(ints = {1366, 1920})
    void theScreenshotShowsNoEdgeOverABoxAndNoTextOutsideItsBox(int width) throws Exception {
        JavascriptExecutor js = openWithAllEdges("pixels", width);
        Number height = (Number) js.executeScript("""
                var svg = document.querySelector('#graph svg');
                var edges = svg.querySelector('g.edges');
                edges.parentNode.appendChild(edges);
                svg.querySelectorAll('.edge').forEach(function (e) {
                  e.style.stroke = '#ff00ff'; e.style.opacity = '1'; e.style.strokeOpacity = '1';
                });
                svg.querySelectorAll('marker path').forEach(function (p) { p.style.fill = '#ff00ff'; });
                svg.querySelectorAll('.node text').forEach(function (t) {
                  t.style.fill = '#00c000'; t.style.opacity = '1'; t.style.fillOpacity = '1';
                });
                svg.querySelectorAll('.node').forEach(function (n) { n.style.opacity = '1'; });
                return Math.ceil(svg.getBoundingClientRect().bottom + window.scrollY) + 40;""");
        driver.manage().window().setSize(new Dimension(width, Math.max(900, height.intValue() + 140)));
        js.executeScript("window.scrollTo(0, 0);");
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) js.executeScript("""
                var r = window.devicePixelRatio || 1;
                return Array.from(document.querySelectorAll('#graph svg .node rect')).map(function (b) {
                  var q = b.getBoundingClientRect();
                  return [q.left * r, q.top * r, q.right * r, q.bottom * r];
                });""");
        BufferedImage shot =
                ImageIO.read(new ByteArrayInputStream(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES)));

        int edgeInBox = 0, edgeOutside = 0, textInBox = 0, textOutside = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                int rgb = shot.getRGB(x, y), r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                boolean edge = r >= 200 && g <= 90 && b >= 200;
                boolean text = g >= 150 && r <= 110 && b <= 110;
                if (!edge && !text) continue;
                boolean inBox = inside(boxes, x, y, 4), nearBox = inside(boxes, x, y, -2);
                if (edge && inBox) edgeInBox++;
                if (edge && !nearBox) edgeOutside++;
                if (text && inBox) textInBox++;
                if (text && !nearBox) textOutside++;
            }
        }
        Path artifact = Path.of("target", "report-26.03-pixels-" + width + ".png");
        Files.createDirectories(artifact.getParent());
        ImageIO.write(shot, "png", artifact.toFile());
        assertThat(edgeOutside).as("edge pixels drawn at all (%s)", artifact).isGreaterThan(1000);
        assertThat(textInBox).as("text pixels inside the boxes (%s)", artifact).isGreaterThan(100 * boxes.size());
        assertThat(edgeInBox)
                .as("edge pixels inside a box at %d px (%s)", width, artifact)
                .isZero();
        assertThat(textOutside)
                .as("text pixels outside every box at %d px (%s)", width, artifact)
                .isZero();
    }

    /** Keeps what the browser shows as a test artifact in target/. */
    private void keepScreenshot(String name) throws IOException {
        Path artifact = Path.of("target", name);
        Files.createDirectories(artifact.getParent());
        Files.copy(
                ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                artifact,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The default report opened at {@code width} px with every dependency shown. */
    private JavascriptExecutor openWithAllEdges(String name, int width) {
        Path html = dir.resolve(name + "-" + width + ".html");
        assertThat(CliRun.of("report", "-q", "--out", html.toString()).code()).isZero();
        driver.manage().window().setSize(new Dimension(width, 900));
        driver.get(html.toUri().toString());
        driver.findElement(By.id("show-all-edges")).click();
        return driver;
    }

    /** Whether the pixel lies in one of the boxes, shrunk by {@code inset} on every side (grown when negative). */
    private static boolean inside(List<List<Number>> boxes, int x, int y, int inset) {
        for (List<Number> b : boxes) {
            if (x >= b.get(0).doubleValue() + inset
                    && x <= b.get(2).doubleValue() - inset
                    && y >= b.get(1).doubleValue() + inset
                    && y <= b.get(3).doubleValue() - inset) return true;
        }
        return false;
    }

    @Test
    void theTransitiveReductionIsShownAndAllEdgesOnDemand() throws Exception {
        Path html = dir.resolve("reduction.html");
        assertThat(CliRun.of("report", "-q", "--out", html.toString()).code()).isZero();
        driver.get(html.toUri().toString());
        JavascriptExecutor js = driver;
        String visible = "return Array.from(document.querySelectorAll('#graph svg .edge'))"
                + ".filter(function (e) { return getComputedStyle(e).display !== 'none'; }).length;";

        int all = dependencies();
        int shown = ((Number) js.executeScript(visible)).intValue();
        assertThat(shown).isPositive().isLessThan(all);
        assertThat(driver.findElements(By.cssSelector("#graph svg .edge.implied")))
                .hasSize(all - shown);
        driver.findElement(By.id("show-all-edges")).click();
        assertThat(((Number) js.executeScript(visible)).intValue()).isEqualTo(all);
    }

    @Test
    void findingsListErrorsFirstAndLinkWhereDocsUrlSays() throws Exception {
        Kustomize.required();
        Path tree = ReportTrees.write(dir.resolve("repo-docs"));
        Path html = dir.resolve("docs.html");
        CliRun r = CliRun.of(
                "report",
                tree.toString(),
                "-q",
                "--cache-dir",
                UpstreamData.renderCache().toString(),
                "--repo-url",
                ReportTrees.REPO_URL,
                "--docs-url",
                "https://docs.example.test/kfboot",
                "--out",
                html.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        driver.get(html.toUri().toString());

        List<String> severities = driver.findElements(By.cssSelector("#findings tr.finding")).stream()
                .map(e -> e.getAttribute("data-severity"))
                .toList();
        assertThat(severities).contains("error", "warning");
        assertThat(severities.lastIndexOf("error")).isLessThan(severities.indexOf("warning"));
        assertThat(driver.findElement(By.linkText("plaintext-secret")).getAttribute("href"))
                .isEqualTo("https://docs.example.test/kfboot/docs/rules/plaintext-secret.md");
    }

    private static int dependencies() throws Exception {
        return Json.mapper()
                .readTree(CliRun.of("plan", "-o", "json").out())
                .get("dependencies")
                .size();
    }
}
