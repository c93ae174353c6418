package dev.daxray.journal;

import java.nio.charset.StandardCharsets;

/**
 * {@code journalctl -o export}: {@code NAME=value} lines, binary fields as {@link ExportSplitter}
 * delivers them, an empty line after each entry. The address fields ({@code __CURSOR},
 * {@code __REALTIME_TIMESTAMP}, ...) come first; unknown fields are skipped. A line that is neither a
 * field nor empty (a stray shell prompt, a cut-off field name) ends the entry before it and is unparsed.
 */
final class ExportFraming implements EntryFraming {

    private EntryFields fields;
    private long first = -1;
    private long last = -1;
    private long messageLine = -1;

    @Override
    public String format() {
        return "journal export";
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        if (len == 0) {
            if (first >= 0) {
                last = lineNo;
                close(sink);
            } else {
                sink.framing(lineNo);
            }
            return;
        }
        int eq = indexOf(buf, off, len, (byte) '=');
        if (eq <= off) {
            close(sink);
            sink.broken(lineNo, "not a journal export field: " + new String(buf, off, Math.min(len, 200),
                    StandardCharsets.UTF_8));
            return;
        }
        open(lineNo);
        last = lineNo;
        String name = new String(buf, off, eq - off, StandardCharsets.UTF_8);
        if (EntryFields.wanted(name)) {
            if (name.equals("MESSAGE") && messageLine < 0) {
                messageLine = lineNo;
            }
            fields.set(name, new String(buf, eq + 1, off + len - eq - 1, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void binary(String name, byte[] value, boolean cut, boolean framed, long nameLine, long lastLine,
                       EntrySink sink) {
        open(nameLine);
        last = lastLine;
        if (!framed) {
            fields.unreadable("journal export cut off inside binary field " + name + " (" + value.length
                    + " of its bytes present)");
        }
        if (EntryFields.wanted(name)) {
            if (name.equals("MESSAGE") && messageLine < 0) {
                messageLine = nameLine;
            }
            fields.set(name, value);
        }
    }

    private void open(long lineNo) {
        if (first < 0) {
            first = lineNo;
            fields = new EntryFields();
            messageLine = -1;
        }
    }

    private void close(EntrySink sink) {
        if (first < 0) {
            return;
        }
        sink.entry(fields.entry(first, last, messageLine >= 0 ? messageLine : first));
        first = -1;
        fields = null;
    }

    @Override
    public void finish(EntrySink sink) {
        close(sink);
    }

    private static int indexOf(byte[] buf, int off, int len, byte b) {
        for (int i = off; i < off + len; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
