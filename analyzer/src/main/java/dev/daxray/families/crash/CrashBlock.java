package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.daxray.events.Crash;
import dev.daxray.families.crash.CrashLine.Access;
import dev.daxray.families.crash.CrashLine.Form;
import dev.daxray.families.crash.CrashLine.Frame;
import dev.daxray.families.crash.CrashLine.Mark;
import dev.daxray.families.crash.CrashLine.Role;
import dev.daxray.families.crash.CrashLine.Site;
import dev.daxray.families.crash.CrashLine.Start;
import dev.daxray.families.crash.CrashLine.Task;
import dev.daxray.records.LogRecord;

/**
 * One crash report: the lines read so far and what they said, and the {@link ReportText} its title is
 * read from. {@link CrashFamily} decides which lines belong here; this class keeps the state and builds
 * the {@link Crash} event.
 *
 * <p>The block (the lines the report is made of, which set the event's extent, task, taint and call trace)
 * and the text (the lines its title is read from) end separately: the text of a hung task or lockdep report
 * runs on past lines the block does not know, and the block takes its panic after the text has ended.
 */
final class CrashBlock {

    /** Headers that print the fault first and the oops line ({@code Oops:}, {@code invalid opcode:} …) after it. */
    private static final Set<Form> FAULT_FIRST = EnumSet.of(Form.PAGE_FAULT, Form.NULL_DEREF, Form.OLD_PAGE_FAULT,
            Form.ARM_FAULT, Form.KERNEL_BUG);
    /** The die lines that may follow a fault-first header in the same report. */
    private static final Set<Form> DIE_LINES = EnumSet.of(Form.OOPS, Form.GPF, Form.INVALID_OPCODE,
            Form.STACK_SEGMENT, Form.DIVIDE_ERROR, Form.INTERNAL_ERROR);
    /** Headers after which a few lines of free text (the WARN / BUG / UBSAN message) may come. */
    private static final Set<Form> FREE_TEXT = EnumSet.of(Form.WARNING, Form.BUG, Form.UBSAN, Form.KERNEL_BUG);
    /** Lines that may still come after an end marker: the 6.x register summary, notes, panic epilogue. */
    private static final Set<Role> TAIL_ROLES = EnumSet.of(Role.REGISTERS, Role.CODE, Role.TAIL, Role.END_PANIC,
            Role.BLANK);
    private static final int MAX_FREE_TEXT = 4;
    /** Forms whose every line the grammar knows: a few unknown lines mean the report is over. */
    private static final Set<Form> STRUCTURED = EnumSet.of(Form.KASAN, Form.PAGE_FAULT, Form.NULL_DEREF,
            Form.OLD_PAGE_FAULT, Form.GPF, Form.INVALID_OPCODE, Form.STACK_SEGMENT, Form.DIVIDE_ERROR, Form.OOPS,
            Form.KERNEL_BUG, Form.WARNING, Form.PANIC, Form.INTERNAL_ERROR, Form.ARM_FAULT, Form.UBSAN);
    /** Unknown lines in a row a report of another form (lockdep, hung task, RCU stall, sanitisers) may hold. */
    static final int MAX_TEXT_STRAYS = 40;

    private enum Trace { NONE, IN, DONE }

    private final LogRecord first;
    private final String caller;
    private final boolean prefixed;
    private long lastLine;
    private int lines;

    private final Form opener;
    private Start header;
    private boolean dieSeen;
    private boolean ended;
    private boolean structured;
    private int freeText;
    private Role lastRole;
    private String panic;

    private Integer cpu;
    private Integer pid;
    private String comm;
    private String tainted;
    private boolean taskSeen;
    private String siteSymbol;
    private String access;
    private Trace trace = Trace.NONE;
    private final List<Frame> frames = new ArrayList<>();
    private ReportText text;

    CrashBlock(LogRecord first, Start start) {
        this.first = first;
        this.caller = first.envelope().caller();
        this.prefixed = first.envelope().kind() != dev.daxray.records.EnvelopeKind.BARE;
        this.opener = start.form();
        this.lastLine = first.origin().line();
    }

    // ------------------------------------------------------------------ what the family asks

    String caller() {
        return caller;
    }

    /** True when the report's own lines carry a prefix, so prefix-less lines are wrapped continuations. */
    boolean prefixed() {
        return prefixed;
    }

    /** True after an end marker: only the tail lines of a report may still come. */
    boolean ended() {
        return ended;
    }

    int lines() {
        return lines;
    }

    /** How many unknown lines in a row this report may hold before it is over. */
    int strayLimit(int structured) {
        return header == null || STRUCTURED.contains(header.form()) ? structured : MAX_TEXT_STRAYS;
    }

    // ------------------------------------------------------------------ the title's text

    /** True once the report's header arrived and its text is being gathered. */
    boolean armed() {
        return text != null;
    }

    /** The header arrived: the title's text starts with its line {@code body}. */
    void arm(ReportHeader reportHeader, String body, String context) {
        text = new ReportText(reportHeader, body, context);
    }

    ReportText text() {
        return text;
    }

    boolean textOpen() {
        return text != null && !text.closed();
    }

    void closeText() {
        if (text != null) {
            text.close();
        }
    }

    /** The panic the report caused, printed after its block ended: it joins the report. */
    void joinPanic(LogRecord record, Start start) {
        panic = CrashTitles.panicReason(start.message());
        lastLine = Math.max(lastLine, record.origin().line());
    }

    boolean panicked() {
        return panic != null;
    }

    /** True when {@code start} continues this report rather than beginning a new one. */
    boolean continuesWith(Start start) {
        Form form = start.form();
        if (header == null) {
            return !ended && form != Form.SEPARATOR && form != Form.CUT_HERE;
        }
        if (form == Form.SEPARATOR) {
            return !ended && (opener == Form.SEPARATOR || header.form() == Form.KASAN || header.form() == Form.UBSAN);
        }
        if (form == Form.PANIC) {
            return panic == null && CrashTitles.isConsequencePanic(start.message());
        }
        return !ended && !dieSeen && FAULT_FIRST.contains(header.form()) && DIE_LINES.contains(form);
    }

    /** True when {@code line} may follow the end marker (only then is it read into an ended report). */
    static boolean tailLine(CrashLine line) {
        return line instanceof Site || line instanceof Mark mark && TAIL_ROLES.contains(mark.role());
    }

    /**
     * True when an unrecognised line is still this report's: the WARN message after {@code cut here},
     * a few lines of BUG / WARNING / UBSAN text before the structured part, or a wrapped module list.
     */
    boolean takesFreeText(String body) {
        if (lastRole == Role.MODULES && !body.isEmpty() && Character.isWhitespace(body.charAt(0))) {
            return true;
        }
        if (ended || structured || freeText >= MAX_FREE_TEXT) {
            return false;
        }
        return header == null ? opener == Form.CUT_HERE : FREE_TEXT.contains(header.form());
    }

    // ------------------------------------------------------------------ reading lines

    /** Counts one more line of the report; blank lines do not stretch its extent. */
    void extend(long line, boolean blank) {
        lines++;
        if (!blank) {
            lastLine = Math.max(lastLine, line);
        }
    }

    void freeText() {
        freeText++;
    }

    void apply(CrashLine line) {
        if (line instanceof Start start) {
            applyStart(start);
        } else if (line instanceof Task task) {
            applyTask(task);
        } else if (line instanceof Site site) {
            structured = true;
            if (siteSymbol == null && CrashTitles.function(site.symbol()) != null) {
                siteSymbol = site.symbol();
            }
            lastRole = null;
        } else if (line instanceof Frame frame) {
            if (trace == Trace.NONE) {
                trace = Trace.IN;
            }
            if (trace == Trace.IN) {
                frames.add(frame);
            }
            lastRole = null;
        } else if (line instanceof Access a) {
            if (access == null) {
                access = a.access();
            }
            lastRole = null;
        } else if (line instanceof Mark mark) {
            applyMark(mark.role());
        }
    }

    private void applyStart(Start start) {
        switch (start.form()) {
            case SEPARATOR -> ended = lines > 1;
            case CUT_HERE -> {
            }
            case PANIC -> {
                panic = CrashTitles.panicReason(start.message());
                ended = false;
                if (header == null) {
                    header = start;
                }
            }
            default -> {
                if (header == null) {
                    header = start;
                } else {
                    dieSeen = true;
                }
            }
        }
        if (cpu == null && start.cpu() != null) {
            cpu = start.cpu();
        }
        if (pid == null && start.pid() != null) {
            pid = start.pid();
        }
        if (comm == null && start.comm() != null) {
            comm = start.comm();
        }
        lastRole = null;
    }

    private void applyTask(Task task) {
        structured = true;
        if (!taskSeen) {
            taskSeen = true;
            cpu = task.cpu();
            pid = task.pid();
            comm = task.comm() == null || task.comm().isEmpty() ? comm : task.comm();
            tainted = task.tainted();
        }
        lastRole = null;
    }

    private void applyMark(Role role) {
        switch (role) {
            case CALL_TRACE -> {
                structured = true;
                trace = trace == Trace.NONE ? Trace.IN : Trace.DONE;
            }
            case TASK_END, KASAN_STACK -> trace = trace == Trace.IN || trace == Trace.NONE ? Trace.DONE : trace;
            case END_TRACE, END_PANIC -> {
                ended = true;
                trace = Trace.DONE;
            }
            case MODULES, REGISTERS, CODE -> structured = true;
            default -> {
            }
        }
        if (role != Role.BLANK && !(role == Role.DETAIL && lastRole == Role.MODULES)) {
            lastRole = role;
        }
    }

    // ------------------------------------------------------------------ the event

    /**
     * The event this report makes; empty when it never got a header (a lone separator or cut-here) or when
     * its header is a {@code WARNING:} / {@code INFO:} notice no report format knows, with no stack after it
     * ({@code WARNING: stack recursion on stack type 6}).
     */
    Optional<Crash> toEvent() {
        if (header == null) {
            return Optional.empty();
        }
        String function = function();
        List<String> callTrace = new ArrayList<>();
        for (Frame frame : frames) {
            String name = CrashTitles.function(frame.symbol());
            if (frame.reliable() && name != null) {
                callTrace.add(name);
            }
        }
        String kind;
        String title;
        String guilty = null;
        boolean corrupted;
        if (text != null) {
            ReportTitler.Titled titled = text.title();
            if (titled.notice()) {
                return Optional.empty();
            }
            kind = titled.kind().label;
            title = titled.title();
            guilty = titled.guilty();
            corrupted = titled.corrupted() != null;
        } else {
            // a die line (Oops: 0000 [#1] …) whose report header was lost
            kind = "oops";
            title = TitleNormaliser.sanitise(CrashTitles.in(CrashTitles.dieName(header.message()), function));
            corrupted = true;
        }
        return Optional.of(new Crash(first.origin().through(lastLine), kind, title, function, comm, pid, cpu,
                tainted, callTrace, panic, guilty, corrupted));
    }

    /**
     * The faulting function: the symbol the header names ({@code WARNING … at}, {@code KASAN … in}), else the
     * first kernel {@code RIP:} / {@code IP:} / {@code pc :}, else a guess from the call trace (see
     * {@link #functionFromTrace()}).
     */
    private String function() {
        String site = header.site();
        if (header.form() == Form.KASAN && "range".equals(site)) {
            site = null;
        }
        String fromHeader = CrashTitles.function(site);
        if (fromHeader != null) {
            return fromHeader;
        }
        String fromSite = CrashTitles.function(siteSymbol);
        return fromSite != null ? fromSite : functionFromTrace();
    }

    /**
     * For reports without a site (trimmed reports, panics, UBSAN): the first frame that is not reporting
     * machinery. A {@code ?} frame is taken only while no reliable frame has been printed yet: at the top
     * of a stack it is the address nearest the fault (017: {@code ? pmem_do_bvec}); below a reliable frame
     * it is stale stack content.
     */
    private String functionFromTrace() {
        boolean reliableSeen = false;
        for (Frame frame : frames) {
            String name = CrashTitles.function(frame.symbol());
            if (name != null && !CrashTitles.isReportingFrame(name) && (frame.reliable() || !reliableSeen)) {
                return name;
            }
            reliableSeen |= frame.reliable();
        }
        return null;
    }
}
