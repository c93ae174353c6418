package dev.daxray.output;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inline SVG bar charts for HTML pages (the fleet report, the web UI): no script, no style
 * attribute (a strict Content-Security-Policy allows neither inline), every label escaped with
 * {@link Untrusted#html}. Bars with a link are {@code <a>} elements, so they are keyboard-focusable.
 * Colours are classes ({@code bar}, {@code s0}…{@code s9}) with fill attributes as the fallback, so
 * a page's stylesheet can restyle them (dark mode) and a page without one still has colours.
 */
public final class SvgCharts {

    /** One bar: its label, value and link (null: none). */
    public record Bar(String label, long value, String href) {
    }

    /** One column of a stacked chart: its label and its parts, bottom first; a part's link may be null. */
    public record Column(String label, List<Bar> parts) {
        public Column {
            parts = List.copyOf(parts);
        }
    }

    private static final String[] PALETTE = {"#b2182b", "#ef8a62", "#f4c542", "#67a9cf", "#999999", "#1b7837",
            "#762a83", "#5aae61", "#2166ac", "#d6604d"};

    private SvgCharts() {
    }

    /** The colour of the {@code i}-th series. */
    public static String colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Horizontal bars, one per value, the longest for the largest. */
    public static String bars(List<Bar> bars) {
        if (bars.isEmpty()) {
            return "<p>(none)</p>\n";
        }
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int row = 22;
        int labelWidth = 200;
        int barWidth = 320;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                        + " width=\"%d\" height=\"%d\" role=\"img\">\n",
                labelWidth + barWidth + 60, bars.size() * row + 4, labelWidth + barWidth + 60, bars.size() * row + 4));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row + 2;
            int w = (int) Math.max(1, b.value() * barWidth / max);
            open(svg, b.href(), b.label() + ": " + b.value());
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">%s</text>",
                    labelWidth - 6, y + 15, Untrusted.html(b.label())));
            svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4575b4\"/>",
                    labelWidth, y + 3, w, row - 6));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\">%d</text>",
                    labelWidth + w + 6, y + 15, b.value()));
            close(svg, b.href());
            svg.append('\n');
        }
        return svg.append("</svg>\n").toString();
    }

    /**
     * Vertical stacked bars, one column per label (days), one colour per series; labels are
     * thinned so they never overlap, and each column says its label and parts in a tooltip.
     */
    public static String stacked(List<Column> columns, List<String> series) {
        if (columns.isEmpty()) {
            return "<p>(no incidents with a time)</p>\n";
        }
        long max = Math.max(1, columns.stream().mapToLong(c -> c.parts().stream().mapToLong(Bar::value).sum()).max().orElse(1));
        int height = 200;
        int column = Math.max(6, Math.min(40, 900 / columns.size()));
        int width = columns.size() * column + 60;
        int labelWidth = 70;     // a yyyy-MM-dd label at font size 10
        int labelEvery = Math.max(1, (labelWidth + column - 1) / column);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\">\n", width, height + 40, width, height + 40));
        svg.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"12\" font-size=\"11\">%d</text>", max));
        int x = 40;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            double y = height;
            for (Bar part : c.parts()) {
                double h = part.value() * (double) height / max;
                y -= h;
                int s = Math.max(0, series.indexOf(part.label()));
                open(svg, part.href(), null);
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"s%d\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>",
                        s % PALETTE.length, x, y + 10, column - 2, h, colour(s), Untrusted.html(c.label()),
                        Untrusted.html(part.label()), part.value()));
                close(svg, part.href());
            }
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">%s</text>",
                        x, height + 26, Untrusted.html(c.label())));
            }
            svg.append('\n');
            x += column;
        }
        return svg.append("</svg>\n").append(legend(series)).toString();
    }

    /** The series' names beside their colours. */
    public static String legend(List<String> series) {
        StringBuilder out = new StringBuilder("<div class=\"legend\">");
        for (int i = 0; i < series.size(); i++) {
            out.append(String.format(Locale.ROOT, "<span><svg width=\"10\" height=\"10\" aria-hidden=\"true\"><rect class=\"s%d\""
                    + " width=\"10\" height=\"10\" fill=\"%s\"/></svg> %s</span>", i % PALETTE.length, colour(i),
                    Untrusted.html(series.get(i))));
        }
        return out.append("</div>\n").toString();
    }

    /** Per day, the counts of each series in series order (the input of {@link #stacked}). */
    public static List<Column> columns(Map<String, Map<String, Long>> byDay, List<String> series, Linker link) {
        return byDay.entrySet().stream().map(day -> new Column(day.getKey(), series.stream()
                .filter(name -> day.getValue().get(name) != null)
                .map(name -> new Bar(name, day.getValue().get(name), link == null ? null : link.href(day.getKey(), name)))
                .toList())).toList();
    }

    /** The link of one part of a stacked column. */
    public interface Linker {
        String href(String column, String series);
    }

    private static void open(StringBuilder svg, String href, String label) {
        if (href != null) {
            svg.append("<a href=\"").append(Untrusted.html(href)).append('"');
            if (label != null) {
                svg.append(" aria-label=\"").append(Untrusted.html(label)).append('"');
            }
            svg.append('>');
        }
    }

    private static void close(StringBuilder svg, String href) {
        if (href != null) {
            svg.append("</a>");
        }
    }
}
