package dev.daxray.families.crash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.crash.CrashLine.Form;
import dev.daxray.families.crash.CrashLine.Mark;
import dev.daxray.families.crash.CrashLine.Start;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.crash.CrashLexer;
import dev.daxray.grammar.crash.CrashParser;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.LogRecord;

/**
 * Kernel crash reports (reference kernel-report-kinds.md, kernel-formats.md §5, §2.3), one
 * {@link dev.daxray.events.Crash} event per report, titled the way syzkaller titles it.
 *
 * <p>A report starts at a line that contains a report header ({@link ReportHeader}: {@code BUG:},
 * {@code WARNING:}, {@code INFO:}, {@code general protection fault}, {@code Kernel panic}, …, anywhere in
 * the line, look-alikes excepted), or at the lines that come before one ({@code cut here}, a sanitiser's
 * separator, a bare {@code Oops:}). Two things are gathered from there:
 * <ul>
 *   <li>the <em>block</em>: the lines the report is made of, which the {@code Crash} grammar knows (task,
 *       registers, frames, end markers), and which give the event its extent, task, taint and call trace.
 *       The block ends at an end marker ({@code ---[ end trace}, {@code ---[ end Kernel panic}, KASAN's
 *       closing separator) followed by a line that is not a report's tail, at a start line that is not part
 *       of the same report (a second {@code cut here}, a new header; {@code kernel BUG at} and its
 *       {@code invalid opcode:} line, a page fault and its {@code Oops:} line stay one report), after
 *       {@value #MAX_STRAYS} unrelated lines in a row ({@value CrashBlock#MAX_TEXT_STRAYS} for the reports
 *       whose lines the grammar does not break down: lockdep, hung tasks, RCU stalls, sanitisers), after
 *       {@value #MAX_LINES} lines, and at {@link FamilyReader#finish}. Lines of another printk caller id are
 *       passed over (030); unrelated lines are never taken, so other families still read them;</li>
 *   <li>the <em>text</em> ({@link ReportText}): the lines of the header's context the title is read from
 *       ({@link ReportTitler}). It runs on after the block has ended, up to {@value ReportText#MAX_LINES}
 *       lines, an end marker, or the end of the input or boot. Several reports' texts may be open at once:
 *       with printk caller ids, reports of different tasks interleave.</li>
 * </ul>
 * The event is made when both have ended, in the order the reports started. A panic the report caused
 * ({@code Fatal exception}, {@code panic_on_warn set}, {@code hung_task: blocked tasks}, …) joins its event
 * as {@code panic} instead of making one of its own, even after the block ended.
 *
 * <p>Prefix-less lines inside a report whose lines have a prefix are wrapped continuations (mail and
 * console wrapping, decoder output): they are joined to the line before them before it is read.
 */
public final class CrashFamily implements Family {

    static final int MAX_LINES = 400;
    static final int MAX_STRAYS = 2;
    /** Reports whose text may be open at once; the oldest is finished when another starts. */
    static final int MAX_OPEN_TEXTS = 4;
    private static final int MAX_JOINS = 64;
    /** Words of the lines that may open a report before its header. */
    private static final List<String> PRELUDE_WORDS = List.of("Oops: ", "[ cut here ]", "==========");
    /** kernel/reboot.c ({@code pr_fmt "reboot: "}): an orderly restart, power-off or halt; a boot after one is expected. */
    private static final String ORDERLY_SHUTDOWN = "reboot: ";

    @Override
    public String name() {
        return "crash";
    }

    /** Every report header, every line that may open a report, and the orderly-restart notices. */
    @Override
    public List<String> keywords() {
        List<String> keywords = new ArrayList<>(ReportHeader.KEYWORDS);
        keywords.addAll(PRELUDE_WORDS);
        keywords.add(ORDERLY_SHUTDOWN);
        return List.copyOf(keywords);
    }

    @Override
    public FamilyReader newReader() {
        return new Reader();
    }

    /** A line taken into a report whose reading waits for its wrapped continuations. */
    private static final class Pending {
        final CrashBlock block;
        final CrashLine line;
        final StringBuilder text;
        int joins;

        Pending(CrashBlock block, CrashLine line, String body) {
            this.block = block;
            this.line = line;
            this.text = new StringBuilder(body);
        }
    }

    private static final class Reader implements FamilyReader {
        private final ParseMemo<CrashParser, CrashParser.LineContext> lines
                = ParseMemo.of(CrashLexer::new, CrashParser::new, CrashParser::line);
        private final CrashLineBuilder builder = new CrashLineBuilder();
        /** The report whose block is open, or null. */
        private CrashBlock block;
        /** Reports whose block has ended but whose text is still open, oldest first. */
        private final Deque<CrashBlock> texts = new ArrayDeque<>();
        /** Every unfinished report, in the order they started: events leave in this order. */
        private final Deque<CrashBlock> started = new ArrayDeque<>();
        private Pending pending;
        private int strays;
        private boolean shuttingDown;

        @Override
        public boolean inBlock() {
            return block != null || !texts.isEmpty();
        }

        @Override
        public boolean offer(LogRecord record, Consumer<Event> sink) {
            if (block != null && block.prefixed() && record.envelope().kind() == EnvelopeKind.BARE) {
                return continuation(record, sink);
            }
            flush();
            if (record.envelope().kind() == EnvelopeKind.CONTINUATION) {
                return false;
            }
            String body = record.body();
            ReportHeader header = header(record, body);
            ConsoleLine console = ConsoleLine.of(record);
            observe(console, header, sink);
            if (block == null && header == null && !mayOpen(body)) {
                return false;
            }
            Optional<CrashLine> parsed = classify(body);
            if (header != null) {
                return startReport(record, console, header, parsed, sink);
            }
            if (parsed.isPresent() && parsed.get() instanceof Start start && start.form().prelude()) {
                return start(record, start, sink);
            }
            if (block == null || interleaved(record)) {
                return false;
            }
            if (parsed.isEmpty() || parsed.get() instanceof Start) {
                return stray(record, sink);
            }
            if (block.ended() && !CrashBlock.tailLine(parsed.get())) {
                close(sink);
                return false;
            }
            take(record, parsed.get(), sink);
            return true;
        }

        @Override
        public void finish(Consumer<Event> sink) {
            if (block != null) {
                block.closeText();
                close(sink);
            }
            texts.forEach(CrashBlock::closeText);
            texts.clear();
            emitFinished(sink);
            pending = null;
            shuttingDown = false;
        }

        /**
         * The report header {@code body} has, or null. A kernel that boots again ({@code Booting the kernel.})
         * is a report only when the capture showed kernel lines before and no orderly restart.
         */
        private ReportHeader header(LogRecord record, String body) {
            ReportHeader header = ReportHeader.of(body);
            if (header == ReportHeader.REBOOT && (shuttingDown || record.origin().sortMicros() == 0)) {
                return null;
            }
            if (header == null && body.contains(ORDERLY_SHUTDOWN)) {
                shuttingDown = true;
            }
            return header;
        }

        /** Feeds a line to the open texts; finished reports leave. */
        private void observe(ConsoleLine line, ReportHeader header, Consumer<Event> sink) {
            if (block != null && block.armed()) {
                block.text().accept(line.body(), line.context(), line.prefixed(), header);
            }
            if (texts.isEmpty()) {
                return;
            }
            for (CrashBlock open : texts) {
                open.text().accept(line.body(), line.context(), line.prefixed(), header);
            }
            if (texts.removeIf(open -> !open.textOpen())) {
                emitFinished(sink);
            }
        }

        private boolean startReport(LogRecord record, ConsoleLine console, ReportHeader header,
                                    Optional<CrashLine> parsed, Consumer<Event> sink) {
            String body = record.body();
            Start start = parsed.filter(Start.class::isInstance).map(Start.class::cast)
                    .filter(s -> !s.form().prelude() || s.form() == Form.OOPS)
                    .orElseGet(() -> Start.report(body.substring(body.indexOf(header.words()))));
            if (block != null && !interleaved(record) && block.continuesWith(start)) {
                if (!block.armed()) {
                    block.arm(header, console.body(), console.context());
                }
                take(record, start, sink);
                return true;
            }
            if (start.form() == Form.PANIC && joinsPendingReport(record, console, start)) {
                return true;
            }
            if (block != null) {
                close(sink);
            }
            open(record, start);
            block.arm(header, console.body(), console.context());
            take(record, start, sink);
            return true;
        }

        /** A panic the last report caused, printed after its block ended, joins that report. */
        private boolean joinsPendingReport(LogRecord record, ConsoleLine console, Start start) {
            CrashBlock last = texts.peekLast();
            if (block != null || last == null || last.panicked() || !CrashTitles.isConsequencePanic(start.message())
                    || !last.text().context().equals(console.context()) && last.text().byCaller()) {
                return false;
            }
            last.joinPanic(record, start);
            return true;
        }

        private boolean continuation(LogRecord record, Consumer<Event> sink) {
            if (pending == null) {
                return false;
            }
            if (pending.joins >= MAX_JOINS) {
                close(sink);
                return false;
            }
            boolean blank = record.body().isBlank();
            if (!blank) {
                pending.text.append(' ').append(record.body());
                pending.joins++;
                if (block.armed()) {
                    block.text().continueLine(record.body());
                }
            }
            block.extend(record.origin().line(), blank);
            capAt(sink);
            return true;
        }

        private boolean start(LogRecord record, Start start, Consumer<Event> sink) {
            if (block != null && !block.continuesWith(start)) {
                close(sink);
            }
            if (block == null) {
                open(record, start);
            }
            take(record, start, sink);
            return true;
        }

        private void open(LogRecord record, Start start) {
            block = new CrashBlock(record, start);
            started.add(block);
        }

        private boolean stray(LogRecord record, Consumer<Event> sink) {
            if (block.takesFreeText(record.body())) {
                block.freeText();
                block.extend(record.origin().line(), false);
                pending = new Pending(block, null, record.body());
                strays = 0;
                capAt(sink);
                return true;
            }
            if (block.ended() || ++strays > block.strayLimit(MAX_STRAYS)) {
                close(sink);
            }
            return false;
        }

        private void take(LogRecord record, CrashLine line, Consumer<Event> sink) {
            block.extend(record.origin().line(), line instanceof Mark mark && mark.role() == CrashLine.Role.BLANK);
            pending = new Pending(block, line, record.body());
            strays = 0;
            capAt(sink);
        }

        private void capAt(Consumer<Event> sink) {
            if (block.lines() >= MAX_LINES) {
                close(sink);
            }
        }

        /** Lines of another printk caller are another task's output interleaved with the report. */
        private boolean interleaved(LogRecord record) {
            String caller = record.envelope().caller();
            return caller != null && block.caller() != null && !caller.equals(block.caller());
        }

        /** Reads the pending line, joined with its continuations, into its report. */
        private void flush() {
            if (pending == null) {
                return;
            }
            Pending p = pending;
            pending = null;
            CrashLine line = p.line;
            if (line != null && p.joins > 0) {
                Optional<CrashLine> joined = classify(p.text.toString());
                if (joined.isPresent() && sameShape(line, joined.get())) {
                    line = joined.get();
                }
            }
            if (line != null) {
                p.block.apply(line);
            }
        }

        /**
         * Ends the open block. Its text stays open (the title may need lines the block does not know) unless
         * the report printed its end marker; at most {@value #MAX_OPEN_TEXTS} texts stay open.
         */
        private void close(Consumer<Event> sink) {
            flush();
            CrashBlock closing = block;
            block = null;
            strays = 0;
            if (closing.ended()) {
                closing.closeText();
            }
            if (closing.textOpen()) {
                texts.add(closing);
                if (texts.size() > MAX_OPEN_TEXTS) {
                    texts.removeFirst().closeText();
                }
            }
            emitFinished(sink);
        }

        /** Emits the reports that are over, oldest first, stopping at the first that is not. */
        private void emitFinished(Consumer<Event> sink) {
            while (!started.isEmpty()) {
                CrashBlock oldest = started.peekFirst();
                if (oldest == block || oldest.textOpen()) {
                    return;
                }
                started.removeFirst();
                oldest.toEvent().ifPresent(sink);
            }
        }

        private Optional<CrashLine> classify(String body) {
            return lines.tryParse(body).map(builder::visit);
        }

        /** A joined line must still be the same kind of line, or the join is not trusted. */
        private static boolean sameShape(CrashLine before, CrashLine after) {
            if (before.getClass() != after.getClass()) {
                return false;
            }
            if (before instanceof Start s) {
                return s.form() == ((Start) after).form();
            }
            return !(before instanceof Mark m) || m.role() == ((Mark) after).role();
        }

        /** True when a line may open a report before its header arrives. */
        private static boolean mayOpen(String body) {
            for (String word : PRELUDE_WORDS) {
                if (body.contains(word)) {
                    return true;
                }
            }
            return false;
        }
    }
}
