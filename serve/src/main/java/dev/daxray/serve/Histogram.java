package dev.daxray.serve;

import java.util.Locale;

import dev.daxray.index.TimeHistogram;

/**
 * The matches over time as an inline SVG: one bar per bucket, each a link that narrows the search
 * to its bucket (so it works from the keyboard and without script); {@code app.js} adds dragging
 * across bars to zoom to any range, reading the range and the base URL from data attributes.
 */
final class Histogram {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 110;
    private static final int AXIS = 18;

    private Histogram() {
    }

    static void write(Page page, SearchState state, TimeHistogram h) {
        if (h == null || h.counts().length == 0) {
            if (h != null && h.untimed() > 0) {
                page.raw("<p class=\"muted\">").text(Format.count(h.untimed(), "match")).raw(" without a wall-clock time.</p>\n");
            }
            return;
        }
        long max = Math.max(1, h.max());
        int n = h.counts().length;
        double bar = (double) WIDTH / n;
        page.raw("<figure class=\"histogram\"><svg id=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .num(WIDTH).raw(" ").num(HEIGHT + AXIS).raw("\" role=\"group\" aria-label=\"incidents over time\"")
                .raw(" data-from=\"").num(h.from()).raw("\" data-to=\"").num(h.to()).raw("\" data-base=\"")
                .text(state.withTime(null, null).url()).raw("\">\n");
        for (int i = 0; i < n; i++) {
            long c = h.counts()[i];
            long from = h.from() + i * h.width();
            long to = from + h.width();
            double height = c == 0 ? 0 : Math.max(2, c * (double) HEIGHT / max);
            page.raw("<a href=\"").text(state.withTime(Format.iso(from), Format.iso(to)).url()).raw("\" aria-label=\"")
                    .text(Format.time(from) + ": " + Format.count(c, "incident")).raw("\">")
                    .raw(String.format(Locale.ROOT, "<rect class=\"hslot\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"%d\"/>",
                            i * bar, bar, HEIGHT))
                    .raw(String.format(Locale.ROOT, "<rect class=\"hbar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\">",
                            i * bar + 0.5, HEIGHT - height, Math.max(0.5, bar - 1), height))
                    .raw("<title>").text(Format.time(from) + " – " + Format.time(to) + ": " + c).raw("</title></rect></a>\n");
        }
        page.raw(String.format(Locale.ROOT, "<rect id=\"hsel\" class=\"hsel\" x=\"0\" y=\"0\" width=\"0\" height=\"%d\"/>", HEIGHT));
        label(page, 0, "start", Format.time(h.from()));
        label(page, WIDTH, "end", Format.time(h.to()));
        page.raw("</svg><figcaption>").text(Format.count(h.max(), "incident")).raw(" in the busiest bar of ")
                .text(width(h.width())).raw(h.untimed() > 0 ? "; " + Format.count(h.untimed(), "match") + " without a time" : "")
                .raw(" · drag across the bars to zoom");
        if (state.since() != null || state.until() != null) {
            page.raw(" · ").link(state.withTime(null, null).url(), "all time");
        }
        page.raw("</figcaption></figure>\n");
    }

    private static void label(Page page, int x, String anchor, String text) {
        page.raw("<text class=\"axis\" x=\"").num(x).raw("\" y=\"").num(HEIGHT + AXIS - 4).raw("\" text-anchor=\"").raw(anchor)
                .raw("\">").text(text).raw("</text>");
    }

    /** {@code 1 day}, {@code 15 minutes}. */
    static String width(long millis) {
        long[] units = {365 * 86_400_000L, 30 * 86_400_000L, 7 * 86_400_000L, 86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] names = {"year", "month", "week", "day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            if (millis % units[i] == 0) {
                return Format.count(millis / units[i], names[i]);
            }
        }
        return millis + " ms";
    }
}
