package dev.daxray.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * {@code journalctl -o json}, {@code json-seq}, {@code json-sse} and {@code json-pretty} (systemd 219 to
 * today): a stream of JSON objects, one per entry. A line that opens and closes an object is one entry
 * (NDJSON; after RS for json-seq, after {@code data: } for SSE); a lone {@code {}} line opens a
 * pretty-printed entry that a lone {@code }} closes (no value can hold a raw newline, and journal values
 * are never objects). Empty lines separate SSE entries. Anything else is a stray line, unparsed.
 *
 * <p>A one-line entry is decoded only when it may matter: when a family keyword occurs in its bytes, a
 * multi-line block is open, or its MESSAGE is a byte array; the rest is counted after a scan of its
 * quotes for the boot id. Memory: one pretty entry at a time, cut at {@link #MAX_ENTRY} characters.
 */
final class JsonFraming implements EntryFraming {

    static final int MAX_ENTRY = 1 << 20;
    private static final byte RS = 0x1e;
    private static final byte[] SSE = "data: ".getBytes(StandardCharsets.US_ASCII);

    private final String format;
    private final JournalBytes bytes = new JournalBytes();
    private final StringBuilder pretty = new StringBuilder();
    private long prettyFirst = -1;
    private long prettyMessage = -1;
    private long prettyLast = -1;
    private boolean prettyCut;

    JsonFraming(String format) {
        this.format = format;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        if (prettyFirst >= 0) {
            prettyLine(buf, off, len, lineNo, sink);
            return;
        }
        int from = off;
        int to = off + len;
        if (from < to && buf[from] == RS) {
            from++;
        } else if (startsWith(buf, from, to, SSE)) {
            from += SSE.length;
        }
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
            from++;
        }
        if (from == to) {
            sink.framing(lineNo);
        } else if (to - from == 1 && buf[from] == '{') {
            prettyFirst = lineNo;
            prettyLast = lineNo;
            prettyMessage = -1;
            pretty.setLength(0);
            pretty.append('{');
        } else if (buf[from] == '{' && buf[to - 1] == '}') {
            oneLine(buf, from, to - from, lineNo, sink);
        } else {
            sink.broken(lineNo, "not a journal JSON entry: " + text(buf, off, len));
        }
    }

    private void oneLine(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        bytes.scan(buf, off, len);
        if (!bytes.arrayMessage() && !sink.mayMatter(buf, off, len)) {
            sink.chatter(lineNo, bytes.changedBoot());
            return;
        }
        try {
            EntryFields fields = JournalJson.read(buf, off, len);
            JournalEntry entry = fields.entry(lineNo, lineNo, lineNo);
            bytes.sawBoot(entry.bootId());
            sink.entry(entry);
        } catch (IOException e) {
            sink.broken(lineNo, "broken journal JSON entry (" + reason(e) + "): " + text(buf, off, len));
        }
    }

    private void prettyLine(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        String line = new String(buf, off, len, StandardCharsets.UTF_8);
        prettyLast = lineNo;
        if (prettyMessage < 0 && line.startsWith("\t\"MESSAGE\"")) {
            prettyMessage = lineNo;
        }
        if (pretty.length() + line.length() < MAX_ENTRY) {
            pretty.append('\n').append(line);
        } else {
            prettyCut = true;
        }
        if (line.strip().equals("}")) {
            closePretty(lineNo, sink);
        }
    }

    private void closePretty(long lastLine, EntrySink sink) {
        long first = prettyFirst;
        prettyFirst = -1;
        if (prettyCut) {
            prettyCut = false;
            brokenRange(first, lastLine, "journal JSON entry longer than " + MAX_ENTRY + " characters", sink);
            return;
        }
        try {
            EntryFields fields = JournalJson.read(pretty.toString());
            JournalEntry entry = fields.entry(first, lastLine, prettyMessage >= 0 ? prettyMessage : first);
            bytes.sawBoot(entry.bootId());
            sink.entry(entry);
        } catch (IOException e) {
            brokenRange(first, lastLine, "broken journal JSON entry (" + reason(e) + ")", sink);
        }
    }

    private static void brokenRange(long first, long last, String why, EntrySink sink) {
        sink.broken(first, why);
        for (long l = first + 1; l <= last; l++) {
            sink.framing(l);
        }
    }

    @Override
    public void finish(EntrySink sink) {
        if (prettyFirst >= 0) {
            long first = prettyFirst;
            prettyFirst = -1;
            prettyCut = false;
            brokenRange(first, prettyLast, "journal JSON entry cut off at the end of the input", sink);
        }
    }

    private static boolean startsWith(byte[] buf, int from, int to, byte[] prefix) {
        if (to - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String reason(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String text(byte[] buf, int off, int len) {
        return new String(buf, off, Math.min(len, 200), StandardCharsets.UTF_8);
    }
}
