package dev.daxray.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import dev.daxray.capture.LineSplitter;
import dev.daxray.events.Event;
import dev.daxray.families.Family;
import dev.daxray.journal.ExportSplitter;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.KeywordPrefilter;
import dev.daxray.rasdaemon.RasDatabase;

/**
 * Reads one input line by line into events: prefilter, envelope, boot tracking, then the families.
 *
 * <p>Most lines of a large capture carry no family keyword; for them the scanner only sniffs the
 * prefix (to count the format) and moves on, so parsers see a tiny fraction of the input. A line
 * with a keyword, or any line while a family has a multi-line block open, is decoded, its envelope
 * parsed, and offered to the open blocks first and then to the families whose keywords it has and
 * whose anchors it passes. Every line ends in one {@link LineFate}, counted in a {@link LineTally}.
 * The scanner tells what kind of file the input is (a rasdaemon database: {@link DatabaseScan}; a journal
 * export; lines) and splits it; {@link InputScan} holds what reading one input has seen so far.
 *
 * <p>Not thread-safe: one scanner per input at a time.
 */
final class CaptureScanner {

    private final InputScan.Context context;

    CaptureScanner(List<Family> families, KeywordPrefilter prefilter, ScanOptions options) {
        this.context = new InputScan.Context(families, prefilter, options, new EnvelopeParser());
    }

    /** What reading one input gave besides its events. */
    record Scanned(InputSummary summary, DeviceFacts devices) {
    }

    Scanned scan(String file, int input, InputStream in, Consumer<Event> sink, ReadListener listener)
            throws IOException {
        LineTally tally = new LineTally(listener);
        InputScan scan = new InputScan(context, file, input, sink, tally);
        try {
            // a pushback stream, not a buffered one: it never holds back bytes already read when the
            // source breaks (a truncated gzip keeps its lines before the break)
            java.io.PushbackInputStream peek = new java.io.PushbackInputStream(in, 16);
            byte[] head = in.readNBytes(16);
            peek.unread(head);
            if (RasDatabase.looksLikeSqlite(head, head.length)) {
                return DatabaseScan.read(file, input, peek, sink, tally);
            }
            LineSplitter.Stats stats;
            if (ExportSplitter.looksLikeExport(head, head.length)) {
                scan.readExport();
                stats = ExportSplitter.split(peek, scan::line, scan::binary);
            } else {
                stats = LineSplitter.split(peek, scan::line);
            }
            scan.endOfInput();
            scan.finishAll();
            return scan.result(stats.lines(), stats.truncatedLines(), stats.nulBytes(), null);
        } catch (IOException | RuntimeException e) {
            // Keep what was read before the break (a truncated gzip still has its first part).
            scan.finishAll();
            return scan.result(scan.lastLine(), 0, 0,
                    "read failed after line " + scan.lastLine() + ": " + dev.daxray.capture.Inputs.reason(e));
        }
    }
}
