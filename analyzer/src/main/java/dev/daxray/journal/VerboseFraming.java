package dev.daxray.journal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code journalctl -o verbose}: a header line per entry, {@code Sat 2026-11-21 11:00:02.000002 CET
 * [s=…;i=…;b=BOOT;m=MONO;t=REAL;x=…]} (the cursor gives boot id, monotonic and realtime in hex), then
 * one {@code     NAME=value} line per field (4 spaces), a multi-line value's further lines indented
 * to its value column, and with {@code -x} catalog lines ({@code -- }, {@code ░░ }). A value that is not
 * printable shows as {@code [40B blob data]}: such a MESSAGE cannot be read and is reported unparsed.
 */
final class VerboseFraming implements EntryFraming {

    static final Pattern HEADER = Pattern.compile(
            "^\\w{3} \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,9})?(?: \\S+)? \\[(s=[^\\]]*)]$");
    private static final Pattern FIELD = Pattern.compile("^    ([A-Z0-9_]+)=(.*)$");
    private static final Pattern CURSOR_PART = Pattern.compile("(?:^|;)([bmt])=([0-9a-f]+)");
    private static final Pattern BLOB = Pattern.compile("^\\[\\d+(?:\\.\\d+)?[KMG]?B? blob data]$");
    private static final int MAX_VALUE = 64 * 1024;

    private EntryFields fields;
    private long first = -1;
    private long last;
    private long messageLine;
    private String openName;
    private StringBuilder openValue;
    private int valueColumn;

    @Override
    public String format() {
        return "journal verbose";
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNo, EntrySink sink) {
        String line = new String(buf, off, len, StandardCharsets.UTF_8);
        Matcher header = HEADER.matcher(line);
        if (header.matches()) {
            close(sink);
            first = lineNo;
            last = lineNo;
            messageLine = -1;
            fields = new EntryFields();
            cursor(header.group(1));
            return;
        }
        if (first < 0) {
            if (line.isBlank() || line.startsWith("-- ")) {
                sink.framing(lineNo);
            } else {
                sink.broken(lineNo, "not part of a journal entry: " + line);
            }
            return;
        }
        last = lineNo;
        Matcher field = FIELD.matcher(line);
        if (field.matches()) {
            closeField();
            openName = field.group(1);
            openValue = new StringBuilder(field.group(2));
            valueColumn = 4 + openName.length() + 1;
            if (openName.equals("MESSAGE") && messageLine < 0) {
                messageLine = lineNo;
            }
        } else if (openName != null && line.length() > 4 && line.startsWith("     ")) {
            if (openValue.length() < MAX_VALUE) {
                openValue.append('\n').append(line.substring(Math.min(valueColumn, indent(line))));
            }
        }
        // anything else inside an entry (catalog text, an empty line) is the entry's own context
    }

    private void cursor(String cursor) {
        Matcher part = CURSOR_PART.matcher(cursor);
        Long realtime = null;
        Long monotonic = null;
        while (part.find()) {
            String value = part.group(2);
            switch (part.group(1)) {
                case "b" -> fields.set("_BOOT_ID", value);
                case "m" -> monotonic = value.length() <= 15 ? Long.parseLong(value, 16) : null;
                default -> realtime = value.length() <= 15 ? Long.parseLong(value, 16) : null;
            }
        }
        fields.times(realtime, monotonic);
    }

    private void closeField() {
        if (openName == null) {
            return;
        }
        String value = openValue.toString();
        if (openName.equals("MESSAGE") && BLOB.matcher(value).matches()) {
            fields.set("MESSAGE", value);
            fields.unreadable("journalctl -o verbose shows MESSAGE as " + value
                    + ": read -o export or -o json instead");
        } else if (EntryFields.wanted(openName)) {
            fields.set(openName, value);
        }
        openName = null;
        openValue = null;
    }

    private void close(EntrySink sink) {
        if (first < 0) {
            return;
        }
        closeField();
        sink.entry(fields.entry(first, last, messageLine >= 0 ? messageLine : first));
        first = -1;
        fields = null;
    }

    @Override
    public void finish(EntrySink sink) {
        close(sink);
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
