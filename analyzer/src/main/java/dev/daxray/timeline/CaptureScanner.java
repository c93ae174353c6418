package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.daxray.bpftrace.BpftraceReader;
import dev.daxray.capture.Binary;
import dev.daxray.capture.LineBuckets;
import dev.daxray.capture.LineSplitter;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeKind;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.KeywordPrefilter;
import dev.daxray.records.LogRecord;
import dev.daxray.records.PrefixSniffer;

/**
 * Reads one input line by line into events: prefilter, envelope, boot tracking, then the families.
 *
 * <p>Most lines of a large capture carry no family keyword; for them the scanner only sniffs the
 * prefix (to count the format) and moves on, so parsers see a tiny fraction of the input. A line
 * with a keyword, or any line while a family has a multi-line block open, is decoded, its envelope
 * parsed, and offered to the open blocks first and then to the families whose keywords it has and
 * whose anchors it passes. Every line ends in one {@link LineFate}, counted in a {@link LineTally}.
 *
 * <p>Not thread-safe: one scanner per input at a time.
 */
final class CaptureScanner {

    private static final String CONSOLE = "console";
    private static final String BINARY = "binary (not a text capture)";
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final List<Family> families;
    private final KeywordPrefilter prefilter;
    private final ScanOptions options;
    private final EnvelopeParser envelopes = new EnvelopeParser();

    CaptureScanner(List<Family> families, KeywordPrefilter prefilter, ScanOptions options) {
        this.families = families;
        this.prefilter = prefilter;
        this.options = options;
    }

    /** What reading one input gave besides its events. */
    record Scanned(InputSummary summary, DeviceFacts devices) {
    }

    Scanned scan(String file, int input, InputStream in, Consumer<Event> sink, ReadListener listener)
            throws IOException {
        InputScan scan = new InputScan(file, input, sink, new LineTally(listener));
        try {
            LineSplitter.Stats stats = LineSplitter.split(in, scan::line);
            scan.finishAll();
            return scan.result(stats.lines(), stats.truncatedLines(), stats.nulBytes(), null);
        } catch (IOException | RuntimeException e) {
            // Keep what was read before the break (a truncated gzip still has its first part).
            scan.finishAll();
            return scan.result(scan.lastLine, 0, 0,
                    "read failed after line " + scan.lastLine + ": " + dev.daxray.capture.Inputs.reason(e));
        }
    }

    /** The state of one input being read. */
    private final class InputScan {
        private final String file;
        private final int input;
        private final Consumer<Event> sink;
        private final LineTally tally;
        private final FamilyReader[] readers;
        private final long allFamilies;
        private final BootTracker boots = new BootTracker();
        private final PrefixSniffer sniffer = new PrefixSniffer();
        private final long[] sniffedVotes = new long[PrefixSniffer.Shape.values().length];
        private final StructuredText structured;
        /** Whether some family has a multi-line block open; readers change only when offered a line. */
        private boolean blockOpen;
        private final Map<String, Long> formatVotes = new HashMap<>();
        private long events;
        private long lastMicros;
        private long lastLine;
        /** Lines decoded, those with bytes that are not UTF-8, and binary lines (never decoded). */
        private long decoded;
        private long undecodable;
        private long binary;
        private boolean json;
        private boolean sawContent;
        /** Set when the first line shows a bpftrace capture: every line then goes to it. */
        private BpftraceReader bpftrace;
        private Origin lastOrigin;
        /** The trace tool a header named ({@code ftrace}, {@code trace-cmd}); event lines then count as its format. */
        private String traceFlavour;

        InputScan(String file, int input, Consumer<Event> sink, LineTally tally) {
            this.file = file;
            this.input = input;
            this.tally = tally;
            this.sink = event -> {
                events++;
                tally.eventFrom(event.origin().line());
                sink.accept(event);
            };
            this.readers = new FamilyReader[families.size()];
            for (int i = 0; i < readers.length; i++) {
                readers[i] = families.get(i).newReader();
            }
            this.allFamilies = families.size() == 64 ? -1L : (1L << families.size()) - 1;
            this.structured = new StructuredText(file);
        }

        void line(byte[] buf, int off, int len, long lineNo) {
            lastLine = lineNo;
            if (bpftrace != null) {
                bpftraceLine(new String(buf, off, len, StandardCharsets.UTF_8), lineNo);
                return;
            }
            long keywords = prefilter.match(buf, off, len);
            long mask = options.prefilter() ? keywords : allFamilies;
            boolean free = !blockOpen && !structured.inDocument();
            // With the prefilter off every line takes the grammar's path, which is what the
            // equivalence test compares against; the sniffer still tells binary lines from log lines.
            PrefixSniffer.Shape sniffed = !structured.inDocument() ? sniffer.sniff(buf, off, len) : null;
            PrefixSniffer.Shape shape = options.prefilter() ? sniffed : null;
            if (shape != null && mask == 0 && !blockOpen) {
                sniffedVotes[shape.ordinal()]++;
                structured.interrupt();
                if (boots.observeTime(sniffer.micros())) {
                    finishAll();
                }
                lastMicros = sniffer.micros();
                tally.count(lineNo, LineFate.CHATTER);
                return;
            }
            if (sniffed == null && keywords == 0 && free && Binary.line(buf, off, len)) {
                binary++;
                structured.interrupt();
                tally.unread(lineNo, LineFate.UNPARSED, tally.sampling(LineFate.UNPARSED)
                        ? new String(buf, off, len, StandardCharsets.UTF_8) : null);
                return;
            }
            String line = new String(buf, off, len, StandardCharsets.UTF_8);
            decoded++;
            if (line.indexOf('\uFFFD') >= 0) {
                undecodable++;
            }
            if (!sawContent && !line.isBlank()) {
                sawContent = true;
                json = dev.daxray.devices.NdctlReader.looksLikeJson(line);
                bpftrace = BpftraceReader.recognise(line)
                        .map(mode -> new BpftraceReader(mode, options.bpftrace())).orElse(null);
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
            Envelope envelope = shape != null ? sniffer.envelope(buf, off) : envelopes.parse(line);
            // rsyslog keeps an RFC 5424 message's byte order mark in the text it writes: not part of the message.
            int bodyStart = line.startsWith(BYTE_ORDER_MARK, envelope.bodyStart()) ? envelope.bodyStart() + 1 : envelope.bodyStart();
            String body = line.substring(bodyStart);
            observe(envelope, line, body);
            Origin origin = new Origin(file, input, lineNo, lineNo, line, envelope.micros(), lastMicros,
                    envelope.wall(), boots.boot(), envelope.host(), boots.kernel());
            LogRecord record = new LogRecord(origin, envelope, body);
            boolean structure = structural(envelope);
            boolean read = !structure && offer(record, mask);
            blockOpen = anyInBlock();
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
            if (envelope.kind() == EnvelopeKind.TRACE_HEADER && traceFlavour == null) {
                traceFlavour = envelope.format();
            }
            if (votes(envelope.kind())) {
                boolean kernelLayout = envelope.kind() == EnvelopeKind.TRACE && envelope.format().equals("ftrace");
                vote(kernelLayout && traceFlavour != null ? traceFlavour : envelope.format());
            }
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
            } else if (!ruledOut(keywords, record)) {
                tally.unread(lineNo, LineFate.UNPARSED, line);
            } else if (bare) {
                tally.unread(lineNo, LineFate.UNPREFIXED_RULED_OUT, line);
            } else {
                tally.count(lineNo, LineFate.SKIPPED);
            }
        }

        /** True when every family in {@code mask} rules the record out by its anchors. */
        private boolean ruledOut(long mask, LogRecord record) {
            for (long pending = mask; pending != 0; pending &= pending - 1) {
                if (families.get(Long.numberOfTrailingZeros(pending)).mayRead(record)) {
                    return false;
                }
            }
            return true;
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

        /** Offers a record to the open blocks, then to the families its keywords name and its anchors allow. */
        private boolean offer(LogRecord record, long mask) {
            long offered = 0;
            for (int i = 0; i < readers.length; i++) {
                if (readers[i].inBlock()) {
                    offered |= 1L << i;
                    if (readers[i].offer(record, sink)) {
                        return true;
                    }
                }
            }
            long pending = mask & ~offered;
            while (pending != 0) {
                int i = Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                if (families.get(i).mayRead(record) && readers[i].offer(record, sink)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyInBlock() {
            for (FamilyReader reader : readers) {
                if (reader.inBlock()) {
                    return true;
                }
            }
            return false;
        }

        void finishAll() {
            if (bpftrace != null) {
                bpftrace.finish(lastOrigin, sink);
            }
            for (FamilyReader reader : readers) {
                reader.finish(sink);
            }
            blockOpen = false;
        }

        private void vote(String format) {
            formatVotes.merge(format, 1L, Long::sum);
        }

        private boolean votes(EnvelopeKind kind) {
            return kind != EnvelopeKind.CONTINUATION && kind != EnvelopeKind.JOURNAL_MARKER
                    && kind != EnvelopeKind.TRACE_HEADER;
        }

        Scanned result(long lines, long truncated, long nulBytes, String error) {
            structured.close();
            return new Scanned(summary(lines, truncated, nulBytes, error), structured.facts());
        }

        private InputSummary summary(long lines, long truncated, long nulBytes, String error) {
            List<InputSummary.Unparsed> problems = structured.problems().stream()
                    .map(problem -> new InputSummary.Unparsed(problem.line(), problem.message())).toList();
            Set<Long> broken = new TreeSet<>();
            problems.forEach(problem -> broken.add(problem.line()));
            if (bpftrace != null) {
                return new InputSummary(file, bpftrace.format(), lines, events, truncated, nulBytes, 1,
                        tally.sample(false, problems), error, bpftrace.notes(), tally.buckets(false, broken));
            }
            String format = format();
            // Only a console capture with no prefixed line at all makes unprefixed lines normal;
            // anywhere else they are shell prompts, quoting or annotations: unparsed.
            boolean unprefixedIsNormal = format.equals(CONSOLE);
            LineBuckets buckets = tally.buckets(unprefixedIsNormal, broken);
            return new InputSummary(file, format, lines, events, truncated, nulBytes, boots.boots(),
                    tally.sample(unprefixedIsNormal, problems), error, List.of(), buckets);
        }

        private String format() {
            for (PrefixSniffer.Shape shape : PrefixSniffer.Shape.values()) {
                if (sniffedVotes[shape.ordinal()] > 0) {
                    formatVotes.merge(shape.format(), sniffedVotes[shape.ordinal()], Long::sum);
                }
            }
            String format = formatVotes.entrySet().stream()
                    .filter(vote -> !vote.getKey().equals(CONSOLE))
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .orElse(json ? "json" : traceFlavour != null ? traceFlavour : formatVotes.isEmpty() && binary == 0
                            ? "empty" : CONSOLE);
            if (format.equals(CONSOLE) && (undecodable + binary) * 10 > decoded + binary) {
                format = BINARY; // not text: every line it has is unparsed, none "normal console"
            }
            return format;
        }
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
