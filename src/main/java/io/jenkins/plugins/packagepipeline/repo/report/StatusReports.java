package io.jenkins.plugins.packagepipeline.repo.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.packagepipeline.repo.RepoConfig;
import io.jenkins.plugins.packagepipeline.repo.RepoFiles;
import io.jenkins.plugins.packagepipeline.repo.RepoPointers;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the reports into the repos directory, each atomically: {@code status_report.html}, {@code .csv} and
 * {@code .json} (per package its latest build) and {@code report.html} (the most recent builds of all packages).
 */
public final class StatusReports {
    /** How many builds {@code report.html} lists. */
    public static final int RECENT_BUILDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusReports() {
    }

    /** Writes all four reports from the build database. */
    public static void write(RepoConfig config, BuildStore store) throws IOException {
        Path repos = config.reposDir();
        RepoPointers pointers = new RepoPointers(repos);
        String current = pointers.target(RepoPointers.CURRENT).orElse(null);
        String consistent = pointers.target(RepoPointers.CONSISTENT).orElse(null);
        String generated = Instant.now().toString();
        List<ReportRow> latest = store.latestPerPackage().stream().map(b -> ReportRow.of(b, repos)).toList();
        List<ReportRow> recent = store.recent(RECENT_BUILDS).stream().map(b -> ReportRow.of(b, repos)).toList();

        HtmlReport html = new HtmlReport(config.repoName(), generated, current, consistent);
        RepoFiles.writeAtomically(repos.resolve("status_report.html"),
                html.page("Package status", "Latest build of each package", latest, "report.html", "Recent builds"));
        RepoFiles.writeAtomically(repos.resolve("report.html"),
                html.page("Recent builds", "The " + RECENT_BUILDS + " most recent builds, newest first", recent,
                        "status_report.html", "Package status"));
        RepoFiles.writeAtomically(repos.resolve("status_report.csv"), csv(latest));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("repository", config.repoName());
        json.put("generated", generated);
        json.put("current", current);
        json.put("consistent", consistent);
        json.put("packages", latest);
        RepoFiles.writeAtomically(repos.resolve("status_report.json"), JSON.writeValueAsBytes(json));
    }

    static String csv(List<ReportRow> rows) {
        StringBuilder out = new StringBuilder(
                "package,status,source_commit,distgit_commit,nvr,build_time,component,logs,log,purged\n");
        for (ReportRow r : rows) {
            out.append(String.join(",", List.of(field(r.packageName()), r.status(), r.sourceCommit(),
                    r.distgitCommit(), field(r.nvr()), r.buildTime(), field(r.component()), field(r.logs()),
                    field(r.log()), String.valueOf(r.purged())))).append('\n');
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
