package dev.daxray.families.crash;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.crash.CrashLine.Mark;
import dev.daxray.families.crash.CrashLine.Start;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.crash.CrashLexer;
import dev.daxray.grammar.crash.CrashParser;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.LogRecord;

/**
 * Kernel crash reports: oops, BUG, WARNING, KASAN / UBSAN reports and panics (reference §5, §2.3),
 * one {@link dev.daxray.events.Crash} event per report.
 *
 * <p>A report opens at a start line ({@code BUG: …}, {@code Oops: …}, {@code cut here}, a KASAN
 * separator, {@code Kernel panic - not syncing: …}, …) and takes the body lines that follow. It ends
 * <ul>
 *   <li>at an end marker ({@code ---[ end trace}, {@code ---[ end Kernel panic}, KASAN's closing
 *       separator); after it only the tail of a report is still taken: the 6.x register summary,
 *       {@code note: … exited with irqs disabled}, {@code Kernel Offset}, and a panic that the report
 *       caused ({@code Fatal exception}, {@code Attempted to kill init!}, {@code panic_on_warn set}, …),
 *       which joins the report's event as {@code panic} instead of making one of its own;</li>
 *   <li>at a start line that is not part of the same report (a second {@code cut here}, a new
 *       {@code BUG:}); {@code cut here} followed by {@code WARNING:} or {@code kernel BUG at}, and a
 *       page-fault {@code BUG:} or {@code kernel BUG at} followed by its {@code Oops:} /
 *       {@code invalid opcode:} line, stay one report;</li>
 *   <li>at an unrelated line. Before the end marker up to {@value #MAX_STRAYS} unrelated lines in a row
 *       are passed over (returned false) without ending it, as consoles interleave other messages
 *       with a report (033); lines of another printk caller id are always passed over (030);</li>
 *   <li>after {@value #MAX_LINES} lines, and at {@link FamilyReader#finish}.</li>
 * </ul>
 * Prefix-less lines inside a report whose lines have a prefix are wrapped continuations (mail and
 * console wrapping, decoder output): they are joined to the line before them before it is read.
 */
public final class CrashFamily implements Family {

    static final int MAX_LINES = 400;
    static final int MAX_STRAYS = 2;
    private static final int MAX_JOINS = 64;

    @Override
    public String name() {
        return "crash";
    }

    /** Every start line of the grammar contains one of these (checked by CrashFamilyTest). */
    @Override
    public List<String> keywords() {
        return List.of("BUG: ", "Oops: ", "general protection fault", "invalid opcode:", "stack segment:",
                "divide error:", "kernel BUG at ", "[ cut here ]", "WARNING: ", "Kernel panic - not syncing:",
                "Internal error: ", "Unable to handle kernel ", "UBSAN: ", "==========");
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
        private final ParseDriver<CrashParser> driver = new ParseDriver<>(CrashLexer::new, CrashParser::new);
        private final CrashLineBuilder builder = new CrashLineBuilder();
        private CrashBlock block;
        private Pending pending;
        private int strays;

        @Override
        public boolean inBlock() {
            return block != null;
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
            Optional<CrashLine> parsed = classify(record.body());
            if (parsed.isPresent() && parsed.get() instanceof Start start) {
                return start(record, start, sink);
            }
            if (block == null || interleaved(record)) {
                return false;
            }
            if (parsed.isEmpty()) {
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
                close(sink);
            }
            pending = null;
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
                block = new CrashBlock(record, start);
            }
            take(record, start, sink);
            return true;
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
            if (block.ended() || ++strays > MAX_STRAYS) {
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

        private void close(Consumer<Event> sink) {
            flush();
            block.toEvent().ifPresent(sink);
            block = null;
            strays = 0;
        }

        private Optional<CrashLine> classify(String body) {
            return driver.tryParse(body, CrashParser::line).map(builder::visit);
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
    }
}
