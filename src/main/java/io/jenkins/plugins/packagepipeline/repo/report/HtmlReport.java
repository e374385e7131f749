package io.jenkins.plugins.packagepipeline.repo.report;

import java.util.List;

/**
 * Renders a report page: one static table, inline styles, no script, so it is fast and readable anywhere. Every link
 * is relative to the repos directory (build output directories, the {@code current} and {@code consistent}
 * snapshots, the other report), so the page works wherever the directory is served or mirrored.
 */
final class HtmlReport {
    private static final int NOTE_CHARS = 300;
    private final String repoName;
    private final String generated;
    private final String current;
    private final String consistent;

    HtmlReport(String repoName, String generated, String current, String consistent) {
        this.repoName = repoName;
        this.generated = generated;
        this.current = current;
        this.consistent = consistent;
    }

    String page(String title, String caption, List<ReportRow> rows, String otherPage, String otherTitle) {
        StringBuilder html = new StringBuilder(4096 + rows.size() * 600);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(repoName)).append(" - ").append(escape(title)).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:14px}\n")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}\n")
                .append("th{background:#f0f0f0}\ncode{font-size:13px}\n")
                .append(".SUCCESS{background:#e6f4e6}.FAILED{background:#fbe3e3}.RETRY{background:#fff5d6}\n")
                .append(".notes{white-space:pre-wrap;font-size:12px;color:#555}\n")
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(escape(repoName)).append(": ").append(escape(title)).append("</h1>\n")
                .append("<p>Generated ").append(escape(generated)).append(". ");
        pointer(html, "current", current);
        pointer(html, "consistent", consistent);
        html.append("See also <a href=\"").append(otherPage).append("\">").append(escape(otherTitle))
                .append("</a>.</p>\n");
        html.append("<table>\n<caption>").append(escape(caption)).append(" (").append(rows.size())
                .append(")</caption>\n<thead><tr><th>Package</th><th>Status</th><th>Source commit</th>"
                        + "<th>Distgit commit</th><th>NVR</th><th>Built (UTC)</th><th>Component</th><th>Logs</th>"
                        + "</tr></thead>\n<tbody>\n");
        for (ReportRow r : rows) {
            html.append("<tr class=\"").append(r.status()).append("\"><td>").append(escape(r.packageName()))
                    .append("</td><td>").append(r.status()).append(r.purged() ? " (purged)" : "")
                    .append("</td><td><code title=\"").append(escape(r.sourceCommit())).append("\">")
                    .append(escape(shortHash(r.sourceCommit()))).append("</code></td><td><code title=\"")
                    .append(escape(r.distgitCommit())).append("\">").append(escape(shortHash(r.distgitCommit())))
                    .append("</code></td><td>").append(escape(r.nvr())).append("</td><td>")
                    .append(escape(r.buildTime())).append("</td><td>").append(escape(r.component()))
                    .append("</td><td><a href=\"").append(escape(r.logs())).append("\">files</a>");
            if (!r.log().isEmpty()) {
                html.append(" &middot; <a href=\"").append(escape(r.log())).append("\">")
                        .append(escape(r.log().substring(r.log().lastIndexOf('/') + 1))).append("</a>");
            }
            if (!r.notes().isEmpty()) {
                String notes = r.notes().length() > NOTE_CHARS
                        ? "..." + r.notes().substring(r.notes().length() - NOTE_CHARS) : r.notes();
                html.append("<div class=\"notes\">").append(escape(notes)).append("</div>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void pointer(StringBuilder html, String name, String target) {
        if (target == null) {
            html.append("No <code>").append(name).append("</code> repository yet. ");
        } else {
            html.append("<a href=\"").append(name).append("/\"><code>").append(name).append("</code></a> is <code>")
                    .append(escape(target)).append("</code>. ");
        }
    }

    private static String shortHash(String hash) {
        return hash.length() > 8 ? hash.substring(0, 8) : hash;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
