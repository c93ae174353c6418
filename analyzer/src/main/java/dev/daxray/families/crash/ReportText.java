package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a report's title is read from, gathered line by line from its header on.
 *
 * <p>A report is printed by one context: a task ({@code [  T123]}) or a CPU ({@code [    C1]}) when the
 * kernel has CONFIG_PRINTK_CALLER; otherwise every timestamped line shares the context "console", and
 * lines without a prefix share "". Only lines of the header's context are the report's, except that
 * after {@code Sending NMI from CPU} (an RCU stall dumping every CPU) the other CPUs' lines are too.
 * Within the context:
 * <ul>
 *   <li>{@code ?} frames (x86 guesses) and {@code (unreliable)} frames (powerpc) of prefixed lines are left out;</li>
 *   <li>so is {@code Disabling lock debugging due to kernel taint};</li>
 *   <li>a {@code Kernel panic - not syncing} or a lockdep circular-dependency report printed after the first
 *       {@value #REPORT_MIN_LINES} lines (KMSAN: {@value #KMSAN_MIN_LINES}) ends the text: the panic repeats the
 *       report's stack, and an oops often provokes a lockdep report;</li>
 *   <li>without caller ids, the next report's header ends the part the title is read from (it would otherwise
 *       read the next report's lines), as does a message that dumps a stack without being a report (a vmalloc
 *       failure, fault injection); a header that belongs inside a report ({@link ReportHeader#continuesReport})
 *       does not. The lines after it still count when checking whether the report is whole.</li>
 * </ul>
 * At most {@value #MAX_LINES} lines are kept.
 */
final class ReportText {

    static final int MAX_LINES = 600;
    static final int REPORT_MIN_LINES = 22;
    static final int KMSAN_MIN_LINES = 16;

    private final ReportHeader header;
    private final String context;
    private final List<String> lines = new ArrayList<>();
    private final int minLines;
    private int seen;
    private boolean cpuTraceback;
    private boolean closed;
    /** Lines of the title's part: all of them until another report's header cut it. */
    private int titleLines = -1;
    /** Whether the last line read was kept, so that its wrapped continuation joins it. */
    private boolean lastKept = true;

    /** Starts the text at the header line {@code body}, printed in {@code context}. */
    ReportText(ReportHeader header, String body, String context) {
        this.header = header;
        this.context = context;
        this.minLines = body.contains("BUG: KMSAN:") ? KMSAN_MIN_LINES : REPORT_MIN_LINES;
        lines.add(body);
        seen = 1;
    }

    ReportHeader header() {
        return header;
    }

    String context() {
        return context;
    }

    boolean closed() {
        return closed;
    }

    /** True when the header's context is a printk caller id, so other contexts' lines never mix in. */
    boolean byCaller() {
        return !context.isEmpty() && !context.equals(CONSOLE);
    }

    /** Stops gathering: the report ended, or the reader moves on. */
    void close() {
        closed = true;
    }

    /**
     * Reads one more line of the capture. {@code lineHeader} is the header the line starts a report with,
     * or null. A line that shows the report is over closes the text.
     */
    void accept(String body, String lineContext, boolean prefixed, ReportHeader lineHeader) {
        if (closed) {
            return;
        }
        if (titleLines < 0 && !byCaller() && (lineHeader != null && !ReportHeader.continuesReport(body)
                || ReportHeader.interruptsReport(body))) {
            titleLines = lines.size();
        }
        lastKept = false;
        if (!lineContext.equals(context) && !(cpuTraceback && isCpuContext(lineContext))) {
            return;
        }
        if (prefixed && StackLines.unreliable(body)) {
            return;
        }
        seen++;
        if (body.contains("Disabling lock debugging due to kernel taint")) {
            return;
        }
        if (body.contains("Sending NMI from CPU")) {
            cpuTraceback = true;
        } else if (seen > minLines && (body.contains("Kernel panic - not syncing")
                || body.contains("WARNING: possible circular locking dependency detected"))) {
            closed = true;
            return;
        }
        lines.add(body);
        lastKept = true;
        if (lines.size() >= MAX_LINES) {
            closed = true;
        }
    }

    /**
     * A line without prefix in a prefixed capture continues the line before it (mail and console
     * wrapping): it is joined to that line, if the text kept it.
     */
    void continueLine(String more) {
        if (!closed && lastKept && !more.isBlank()) {
            int last = lines.size() - 1;
            lines.set(last, lines.get(last).stripTrailing() + " " + more.strip());
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    /** True once another report's header ended the title's part. */
    boolean cut() {
        return titleLines >= 0;
    }

    ReportTitler.Titled title() {
        return ReportTitler.title(header, lines.subList(0, titleLines < 0 ? lines.size() : titleLines), lines);
    }

    static final String CONSOLE = "console";

    private static boolean isCpuContext(String context) {
        return context.startsWith("C") && context.length() > 1 && Character.isDigit(context.charAt(1));
    }
}
