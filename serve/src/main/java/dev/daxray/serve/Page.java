package dev.daxray.serve;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.daxray.output.Untrusted;

/**
 * The HTML around every page (head, navigation, footer) and the small helpers pages write with.
 * Every string that may come from a log goes through {@link #h} ({@link Untrusted#html}); links
 * are built with {@link #url}, which percent-encodes each parameter, then escaped for the attribute.
 */
final class Page {

    private final StringBuilder html = new StringBuilder(16_384);

    private Page() {
    }

    /** A page with the shared head and navigation; {@code current} is the navigation entry to mark. */
    static Page start(String title, String current, String notice) {
        Page p = new Page();
        p.html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"color-scheme\" content=\"light dark\">")
                .append("<title>").append(h(title)).append(" · daxray</title>")
                .append("<link rel=\"icon\" href=\"").append(StaticFiles.path("icon.svg")).append("\" type=\"image/svg+xml\">")
                .append("<link rel=\"stylesheet\" href=\"").append(StaticFiles.path("app.css")).append("\">")
                .append("<script src=\"").append(StaticFiles.path("app.js")).append("\" defer></script>")
                .append("</head><body>\n<header class=\"top\"><a class=\"brand\" href=\"/\">daxray</a><nav>");
        nav(p, "/", "Search", current);
        nav(p, "/overview", "Fleet", current);
        nav(p, "/metrics", "Metrics", current);
        p.html.append("</nav></header>\n");
        if (notice != null) {
            p.html.append("<p class=\"notice\" role=\"status\">").append(h(notice)).append("</p>\n");
        }
        p.html.append("<main>\n");
        return p;
    }

    private static void nav(Page p, String href, String label, String current) {
        p.html.append("<a href=\"").append(href).append('"').append(href.equals(current) ? " aria-current=\"page\"" : "")
                .append('>').append(label).append("</a>");
    }

    Page raw(String trusted) {
        html.append(trusted);
        return this;
    }

    Page text(String untrusted) {
        html.append(h(untrusted));
        return this;
    }

    /** Text of several lines (advice, notes): each line escaped, line breaks kept. */
    Page lines(String untrusted) {
        String[] lines = (untrusted == null ? "" : untrusted).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            html.append(i == 0 ? "" : "<br>").append(h(lines[i]));
        }
        return this;
    }

    Page link(String href, String untrustedLabel) {
        html.append("<a href=\"").append(h(href)).append("\">").append(h(untrustedLabel)).append("</a>");
        return this;
    }

    Page num(long n) {
        html.append(n);
        return this;
    }

    /** The page, closed. */
    String end(Instant opened) {
        html.append("</main>\n<footer>read-only view of the incident index, commit opened ")
                .append(h(Format.time(opened.toEpochMilli()))).append("</footer>\n</body></html>\n");
        return html.toString();
    }

    /** Log-derived text made safe for HTML text and attribute values. */
    static String h(String untrusted) {
        return Untrusted.html(untrusted);
    }

    /** {@code path?name=value&…}, each parameter percent-encoded, null and blank values left out. */
    static String url(String path, Map<String, String> params) {
        StringBuilder out = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getValue() != null && !p.getValue().isBlank()) {
                out.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
        }
        return out.toString();
    }

    /** {@code url} with name/value pairs given inline. */
    static String url(String path, String... nameValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            params.put(nameValues[i], nameValues[i + 1]);
        }
        return url(path, params);
    }

    /** A search for {@code query}. */
    static String search(String query) {
        return url("/", "q", query);
    }
}
