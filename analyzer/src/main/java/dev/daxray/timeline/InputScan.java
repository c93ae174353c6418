package dev.daxray.timeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.daxray.bpftrace.BpftraceReader;
import dev.daxray.capture.Binary;
import dev.daxray.capture.LineBuckets;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.families.Family;
import dev.daxray.journal.EntryFraming;
import dev.daxray.journal.EntrySink;
import dev.daxray.journal.Framings;
import dev.daxray.journal.JournalEntry;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.KeywordPrefilter;
import dev.daxray.records.LogRecord;
import dev.daxray.records.PrefixSniffer;
import dev.daxray.records.WallBroadcast;

/**
 * The state of one input being read ({@link CaptureScanner}): each line's fate, its envelope, boots,
 * the capture's format, and the families' open blocks. Not thread-safe.
 */
final class InputScan implements EntrySink {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /** What every input of a scanner shares: the families, their prefilter, the options, the envelope parser. */
    record Context(List<Family> families, KeywordPrefilter prefilter, ScanOptions options, EnvelopeParser envelopes) {
    }

    private final KeywordPrefilter prefilter;
    private final ScanOptions options;
    private final EnvelopeParser envelopes;
    private final String file;
    private final int input;
    private final Consumer<Event> sink;
    private final LineTally tally;
    private final FamilyOffers families;
    private final BootTracker boots = new BootTracker();
    private final PrefixSniffer sniffer = new PrefixSniffer();
    private final WallBroadcast broadcast = new WallBroadcast();
    private final FormatVotes formats = new FormatVotes();
    private final StructuredText structured;
    private long lastMicros;
    private long lastLine;
    private boolean sawContent;
    /** Set when the first line shows a bpftrace capture: every line then goes to it. */
    private BpftraceReader bpftrace;
    private Origin lastOrigin;
    /** Set when the input is a structured export (a journal in JSON, export or verbose form, dmesg --json). */
    private EntryFraming entries;
    /** The line of a first line that was a lone '{', until the next line says whose document it opens. */
    private long pendingBrace;

    InputScan(Context context, String file, int input, Consumer<Event> sink, LineTally tally) {
        this.prefilter = context.prefilter();
        this.options = context.options();
        this.envelopes = context.envelopes();
        this.file = file;
        this.input = input;
        this.tally = tally;
        this.sink = tally.counting(sink);
        this.families = new FamilyOffers(context.families());
        this.structured = new StructuredText(file);
    }

    /** The input is a journal export ({@code journalctl -o export}): its entries frame the lines. */
    void readExport() {
        entries = Framings.export();
    }

    /** The last line read so far. */
    long lastLine() {
        return lastLine;
    }

    void line(byte[] buf, int off, int len, long lineNo) {
        if (pendingBrace > 0 && braceOpened(buf, off, len, lineNo)) {
            return;
        }
        lastLine = lineNo;
        if (bpftrace != null) {
            bpftraceLine(new String(buf, off, len, StandardCharsets.UTF_8), lineNo);
            return;
        }
        if (entries != null) {
            entries.line(buf, off, len, lineNo, this);
            return;
        }
        long keywords = prefilter.match(buf, off, len);
        long mask = options.prefilter() ? keywords : families.all();
        boolean free = !families.blockOpen() && !structured.inDocument();
        // With the prefilter off every line takes the grammar's path, which is what the
        // equivalence test compares against; the sniffer still tells binary lines from log lines.
        PrefixSniffer.Shape sniffed = !structured.inDocument() ? sniffer.sniff(buf, off, len) : null;
        PrefixSniffer.Shape shape = options.prefilter() ? sniffed : null;
        if (shape != null && mask == 0 && !families.blockOpen()) {
            sniffedChatter(shape, lineNo);
        } else if (sniffed == null && keywords == 0 && free && Binary.line(buf, off, len)) {
            formats.binaryLine();
            structured.interrupt();
            tally.unread(lineNo, LineFate.UNPARSED, tally.sampling(LineFate.UNPARSED)
                    ? new String(buf, off, len, StandardCharsets.UTF_8) : null);
        } else {
            decoded(buf, off, len, lineNo, mask, shape);
        }
    }

    /** A log line no family wants, known from its sniffed prefix alone: its time and format are counted. */
    private void sniffedChatter(PrefixSniffer.Shape shape, long lineNo) {
        formats.sniffed(shape);
        structured.interrupt();
        if (boots.observeTime(sniffer.micros())) {
            finishAll();
        }
        lastMicros = sniffer.micros();
        tally.count(lineNo, LineFate.CHATTER);
    }

    /**
     * A line read as text: the input's first content says what kind of capture it is; then a structured
     * document's line, a wall broadcast's framing, or a log line for the families.
     */
    private void decoded(byte[] buf, int off, int len, long lineNo, long mask, PrefixSniffer.Shape shape) {
        String line = new String(buf, off, len, StandardCharsets.UTF_8);
        formats.decoded(line);
        if (!sawContent && !line.isBlank() && firstContent(line, buf, off, len, lineNo)) {
            return;
        }
        if (bpftrace != null) {
            bpftraceLine(line, lineNo);
            return;
        }
        if (structured.inDocument()) {
            structured.accept(line, lineNo);
            tally.count(lineNo, LineFate.CONTEXT);
            return;
        }
        WallBroadcast.Part part = broadcast.part(line, envelopes);
        if (part == WallBroadcast.Part.FRAMING) {
            tally.count(lineNo, LineFate.CONTEXT);
        } else if (part == WallBroadcast.Part.TERMINAL) {
            tally.unread(lineNo, LineFate.UNPREFIXED, line);
        } else {
            Envelope envelope = part == WallBroadcast.Part.MESSAGE ? broadcast.envelope()
                    : shape != null ? sniffer.envelope(buf, off) : envelopes.parse(line);
            offer(line, lineNo, envelope, mask);
        }
    }

    /**
     * The input's first line with content: a structured export takes the input from here (true), a lone
     * '{' waits for the next line; otherwise a bpftrace capture is recognised or not, and the line read on.
     */
    private boolean firstContent(String line, byte[] buf, int off, int len, long lineNo) {
        sawContent = true;
        formats.json(dev.daxray.devices.NdctlReader.looksLikeJson(line));
        entries = Framings.first(line);
        if (entries != null || Framings.isLoneBrace(line)) {
            pendingBrace = entries == null ? lineNo : 0;
            if (entries != null) {
                entries.line(buf, off, len, lineNo, this);
            }
            return true;
        }
        bpftrace = BpftraceReader.recognise(line)
                .map(mode -> new BpftraceReader(mode, options.bpftrace())).orElse(null);
        return false;
    }

    /** A log line with its envelope: offered to the families, or to a device listing, and its fate counted. */
    private void offer(String line, long lineNo, Envelope envelope, long mask) {
        // rsyslog keeps an RFC 5424 message's byte order mark in the text it writes: not part of the message.
        int bodyStart = line.startsWith(BYTE_ORDER_MARK, envelope.bodyStart()) ? envelope.bodyStart() + 1 : envelope.bodyStart();
        String body = line.substring(bodyStart);
        observe(envelope, line, body);
        Origin origin = new Origin(file, input, lineNo, lineNo, line, envelope.micros(), lastMicros,
                envelope.wall(), boots.boot(), envelope.host(), boots.kernel());
        LogRecord record = new LogRecord(origin, envelope, body);
        boolean structure = structural(envelope);
        boolean read = !structure && families.offer(record, mask, sink);
        if (read || (envelope.kind() != EnvelopeKind.BARE && envelope.kind() != EnvelopeKind.JOURNAL_MARKER)) {
            boots.lineBelongs();
        }
        boolean device = !read && (envelope.kind() == EnvelopeKind.BARE || body.startsWith("{"))
                && structured.accept(line, lineNo);
        if (!device) {
            structured.interrupt();
        }
        if (read) {
            tally.count(lineNo, LineFate.READ);
        } else if (device || structure || isStructure(envelope)) {
            tally.count(lineNo, LineFate.CONTEXT);
        } else {
            unread(lineNo, record);
        }
    }

    /** What a line's envelope tells about the input: boots, time, the trace tool, the format. */
    private void observe(Envelope envelope, String line, String body) {
        if (boots.observe(envelope, line, body)) {
            finishAll();
            lastMicros = 0;
        }
        if (envelope.micros() != null) {
            lastMicros = envelope.micros();
        }
        formats.vote(envelope.kind(), envelope.format());
    }

    /**
     * A line nothing read: chatter when its message has no family keyword, skipped when every family
     * whose keyword it has rules it out by its anchors, else unparsed; a line without a log prefix is
     * settled at the end (see {@link LineFate}), unless a parser rejected it. The keywords are the
     * message's, not the prefix's: a host may be called dax-node-3.
     */
    private void unread(long lineNo, LogRecord record) {
        String line = record.origin().text();
        if (line.isBlank()) {
            tally.count(lineNo, LineFate.CHATTER);
            return;
        }
        byte[] body = record.body().getBytes(StandardCharsets.UTF_8);
        long keywords = prefilter.match(body, 0, body.length);
        boolean bare = record.envelope().kind() == EnvelopeKind.BARE;
        if (keywords == 0) {
            if (bare) {
                tally.unread(lineNo, LineFate.UNPREFIXED, line);
            } else {
                tally.count(lineNo, LineFate.CHATTER);
            }
        } else if (!families.ruledOut(keywords, record)) {
            tally.unread(lineNo, LineFate.UNPARSED, line);
        } else if (bare) {
            tally.unread(lineNo, LineFate.UNPREFIXED_RULED_OUT, line);
        } else {
            tally.count(lineNo, LineFate.SKIPPED);
        }
    }

    /** bpftrace output has no line prefix and no boots: its events carry the time a mapping reads, if any. */
    private void bpftraceLine(String line, long lineNo) {
        lastOrigin = new Origin(file, input, lineNo, lineNo, line, null, lastMicros, null, 0, null, null);
        boolean read = bpftrace.line(line, lastOrigin, event -> {
            if (event.origin().micros() != null) {
                lastMicros = event.origin().micros();
            }
            sink.accept(event);
        });
        if (read) {
            tally.count(lineNo, LineFate.READ);
        } else {
            tally.unread(lineNo, LineFate.UNPARSED, line);
        }
    }

    /**
     * The line after a lone '{' says whose document it opens: a journal's (json-pretty) or dmesg's
     * (--json) take the input from there; any other JSON document is read the usual way.
     */
    private boolean braceOpened(byte[] buf, int off, int len, long lineNo) {
        long brace = pendingBrace;
        pendingBrace = 0;
        entries = Framings.afterBrace(new String(buf, off, len, StandardCharsets.UTF_8));
        byte[] open = {'{'};
        if (entries == null) {
            line(open, 0, 1, brace);
            return false;
        }
        lastLine = lineNo;
        entries.line(open, 0, 1, brace, this);
        entries.line(buf, off, len, lineNo, this);
        return true;
    }

    /** A binary field of a journal export. */
    void binary(String name, byte[] value, boolean cut, boolean framed, long nameLine, long lastLine) {
        this.lastLine = lastLine;
        entries.binary(name, value, cut, framed, nameLine, lastLine, this);
    }

    void endOfInput() {
        if (pendingBrace > 0) {
            long brace = pendingBrace;
            pendingBrace = 0;
            line(new byte[] {'{'}, 0, 1, brace);
        }
        if (entries != null) {
            entries.finish(this);
        }
    }

    @Override
    public boolean mayMatter(byte[] buf, int off, int len) {
        return families.blockOpen() || !options.prefilter() || prefilter.match(buf, off, len) != 0;
    }

    @Override
    public void chatter(long lineNo, String bootId) {
        if (bootId != null && boots.observeBootId(bootId)) {
            finishAll();
            lastMicros = 0;
        }
        tally.count(lineNo, LineFate.CHATTER);
    }

    @Override
    public void framing(long lineNo) {
        tally.count(lineNo, LineFate.CONTEXT);
    }

    @Override
    public void broken(long lineNo, String why) {
        tally.unread(lineNo, LineFate.UNPARSED, why);
    }

    /**
     * A journal entry: each line of its message is offered to the families like a log line with the
     * entry's host, tag and times (a non-kernel entry only to the tools' families); the message line
     * meets the message's fate and the entry's other lines are its context.
     */
    @Override
    public void entry(JournalEntry entry) {
        if (entry.bootId() != null && boots.observeBootId(entry.bootId())) {
            finishAll();
            lastMicros = 0;
        }
        long at = entry.messageLine();
        for (long l = entry.firstLine(); l <= entry.lastLine(); l++) {
            if (l != at) {
                tally.count(l, LineFate.CONTEXT);
            }
        }
        if (entry.unreadable() != null || entry.message() == null) {
            if (entry.unreadable() != null) {
                tally.unread(at, LineFate.UNPARSED, entry.unreadable());
            } else {
                tally.count(at, LineFate.CHATTER);
            }
            return;
        }
        long allowed = entry.fromKernel() ? families.all() : families.tools();
        Envelope envelope = new Envelope(EnvelopeKind.SYSLOG, entries.format(), entry.micros(), entry.wall(),
                entry.host(), entry.tag(), entry.priority(), null, 0);
        boolean read = false;
        LogRecord shown = null;
        for (String text : entry.message().split("\n")) {
            // a tool's message may carry its own prefix: rasdaemon's trace lines
            Envelope inner = entry.fromKernel() ? envelope : envelopes.parse(text);
            Envelope own = inner.kind() == EnvelopeKind.TRACE ? new Envelope(inner.kind(), inner.format(),
                    inner.micros(), inner.wall() != null ? inner.wall() : entry.wall(), entry.host(), entry.tag(),
                    inner.level(), null, inner.bodyStart(), inner.traceEvent()) : envelope;
            String body = text.substring(own.bodyStart());
            if (boots.observe(own, text, body)) {
                finishAll();
            }
            lastMicros = entry.micros() != null ? entry.micros() : lastMicros;
            LogRecord record = new LogRecord(new Origin(file, input, at, at, text, entry.micros(), lastMicros,
                    own.wall(), boots.boot(), entry.host(), boots.kernel()), own, body);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            long keywords = prefilter.match(bytes, 0, bytes.length);
            read |= families.offer(record, (options.prefilter() ? keywords : families.all()) & allowed, allowed, sink);
            shown = shown == null || keywords != 0 && prefilter.match(shown.body().getBytes(StandardCharsets.UTF_8),
                    0, shown.body().length()) == 0 ? record : shown;
        }
        boots.lineBelongs();
        if (read) {
            tally.count(at, LineFate.READ);
        } else if (!entry.fromKernel() || shown == null) {
            tally.count(at, LineFate.CHATTER);
        } else {
            unread(at, shown);
        }
    }

    void finishAll() {
        if (bpftrace != null) {
            bpftrace.finish(lastOrigin, sink);
        }
        families.finish(sink);
    }

    CaptureScanner.Scanned result(long lines, long truncated, long nulBytes, String error) {
        structured.close();
        return new CaptureScanner.Scanned(summary(lines, truncated, nulBytes, error), structured.facts());
    }

    private InputSummary summary(long lines, long truncated, long nulBytes, String error) {
        List<InputSummary.Unparsed> problems = structured.problems().stream()
                .map(problem -> new InputSummary.Unparsed(problem.line(), problem.message())).toList();
        Set<Long> broken = new TreeSet<>();
        problems.forEach(problem -> broken.add(problem.line()));
        if (bpftrace != null) {
            return new InputSummary(file, bpftrace.format(), lines, tally.events(), truncated, nulBytes, 1,
                    tally.sample(false, problems), error, bpftrace.notes(), tally.buckets(false, broken));
        }
        String format = format();
        // Only a console capture with no prefixed line at all makes unprefixed lines normal;
        // anywhere else they are shell prompts, quoting or annotations: unparsed.
        boolean unprefixedIsNormal = format.equals(FormatVotes.CONSOLE);
        LineBuckets buckets = tally.buckets(unprefixedIsNormal, broken);
        return new InputSummary(file, format, lines, tally.events(), truncated, nulBytes, boots.boots(),
                tally.sample(unprefixedIsNormal, problems), error, List.of(), buckets);
    }

    private String format() {
        return entries != null ? entries.format() : formats.format();
    }

    /** Journal markers and trace headers are the capture's own lines, never messages. */
    private static boolean structural(Envelope envelope) {
        return envelope.kind() == EnvelopeKind.JOURNAL_MARKER || envelope.kind() == EnvelopeKind.TRACE_HEADER;
    }

    /** Lines that belong to the capture's structure when no family reads them: kmsg dictionary, function tracers. */
    private static boolean isStructure(Envelope envelope) {
        if (envelope.kind() == EnvelopeKind.CONTINUATION) {
            return true;
        }
        String event = envelope.traceEventName();
        return envelope.kind() == EnvelopeKind.TRACE && ("function".equals(event) || "function_graph".equals(event));
    }
}
