package io.jenkins.plugins.packagepipeline.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReportsTest {
    private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    Path dir;
    TestBuilds builds;
    RepoPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        builds = new TestBuilds(dir.resolve("data"));
        publisher = new RepoPublisher(RepoConfig.defaults(builds.dataDir), builds.store);
        publisher.publish(List.of(builds.success("alpha", "1.0"), builds.success("beta", "1.0"),
                builds.success("gamma", "1.0"), builds.failure("beta", "2.0"),
                builds.success("alpha", "1.1")), null);
    }

    @AfterEach
    void tearDown() {
        builds.close();
    }

    @Test
    void csvAndJsonHoldOneRowPerPackageWithItsLatestBuild() throws Exception {
        Path repos = builds.dataDir.resolve("repos");
        List<String> csv = Files.readAllLines(repos.resolve("status_report.csv"));
        assertEquals("package,status,source_commit,distgit_commit,nvr,build_time,component,logs,log,purged", csv.get(0));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.get(2).startsWith("beta,FAILED," + TestBuilds.hash("beta-source-2.0")), csv.get(2));
        JsonNode json = new ObjectMapper().readTree(repos.resolve("status_report.json").toFile());
        assertEquals(3, json.get("packages").size());
        assertEquals("alpha-1.1-1." + TestBuilds.hash("alpha-source-1.1").substring(0, 7),
                json.get("packages").get(0).get("nvr").asText());
        assertEquals(Files.readSymbolicLink(repos.resolve("current")).toString(), json.get("current").asText());
        // Published as one batch, each snapshot reflects the trunk when its build finished: gamma 1.0's snapshot
        // came before beta 2.0 failed, so it is the consistent one.
        String gammaDir = json.get("packages").get(2).get("logs").asText();
        assertEquals(gammaDir, json.get("consistent").asText() + "/");
    }

    @Test
    void htmlReportsRenderInHeadlessChromiumAndEveryLinkResolves() throws Exception {
        Path repos = builds.dataDir.resolve("repos");
        Files.createDirectories(SCREENSHOTS);
        try (StaticHttpServer server = new StaticHttpServer(repos)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String page : List.of("status_report.html", "report.html")) {
                String url = server.url() + page;
                Path screenshot = SCREENSHOTS.resolve(page.replace(".html", ".png")).toAbsolutePath();
                Files.deleteIfExists(screenshot);
                ProcessResult shot = chromium(null, "--screenshot=" + screenshot, "--window-size=1280,900", url);
                assertTrue(shot.succeeded() && Files.size(screenshot) > 10_000, shot.failureMessage("chromium"));
                Path domFile = SCREENSHOTS.resolve(page + ".dom.txt");
                Files.deleteIfExists(domFile);
                ProcessResult dom = chromium(domFile, "--dump-dom", url);
                assertTrue(dom.succeeded(), dom.failureMessage("chromium --dump-dom"));
                String rendered = Files.readString(domFile);
                assertTrue(rendered.contains("<td>gamma</td>") && rendered.contains("</table>"),
                        "chromium rendered the whole table: " + domFile);

                String html = Files.readString(repos.resolve(page));
                List<String> links = hrefs(html);
                assertTrue(links.size() >= 5, links.toString());
                assertTrue(links.stream().anyMatch(l -> l.endsWith("/rpmbuild.log")), "links to the log files");
                for (String link : links) {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url).resolve(link))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.discarding());
                    assertEquals(200, response.statusCode(), page + " links to " + link);
                }
            }
        }
        String report = Files.readString(repos.resolve("report.html"));
        assertTrue(report.contains("rpmbuild failed: error: bad spec"), "failure notes shown");
    }

    private static List<String> hrefs(String html) {
        List<String> links = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        return links;
    }

    private ProcessResult chromium(Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile")));
        command.addAll(List.of(args));
        return ProcessRunner.command(command).timeout(Duration.ofMinutes(2)).log(output).run();
    }
}
