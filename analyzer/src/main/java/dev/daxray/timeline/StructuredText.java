package dev.daxray.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.daxray.address.Iomem;
import dev.daxray.address.Sysfs;
import dev.daxray.devices.NdctlReader;
import dev.daxray.devices.Problem;

/**
 * Picks the device-state documents out of an input's unprefixed lines: ndctl / daxctl JSON (whole
 * files, documents between shell prompts, one-line {@code ndctl monitor} events), {@code /proc/iomem}
 * listings and sysfs value dumps. Lines it takes are read by their own parsers instead of counting
 * as unparsed; what those parsers cannot read comes back as problems.
 *
 * <p>Memory: one document at a time, cut off at {@link #MAX_DOCUMENT} characters.
 */
final class StructuredText {

    static final int MAX_DOCUMENT = 16 << 20;

    private static final Pattern IOMEM = Pattern.compile("^[\\s\\u00a0]*[0-9a-fA-F]{1,16}-[0-9a-fA-F]{1,16} : .+");
    private static final Pattern SYSFS = Pattern.compile("^.*(/sys/\\S+\\s*:\\s*\\S.*|[#$]\\s*cat\\s+/sys/\\S+.*|==> /sys/\\S+ <==\\s*)$");
    /** A value line under {@code # cat path...}: one token (a hex base, a device name such as {@code pfn0.1}). */
    private static final Pattern VALUE = Pattern.compile("^\\s*[^\\s#$]\\S*\\s*$");

    private enum Kind { JSON, IOMEM, SYSFS }

    private final String file;
    private DeviceFacts facts = DeviceFacts.NONE;
    private final List<Problem> problems = new ArrayList<>();

    private Kind open;
    private final StringBuilder text = new StringBuilder();
    private long firstLine;
    private int depth;
    private boolean inString;
    private boolean escaped;

    StructuredText(String file) {
        this.file = file;
    }

    /** True when the document being collected continues on the next line whatever it says. */
    boolean inDocument() {
        return open == Kind.JSON;
    }

    /**
     * Offers an unprefixed line (or a syslog line whose body opens JSON); returns true when it is
     * part of a device-state document.
     */
    boolean accept(String line, long lineNo) {
        if (open == Kind.JSON) {
            append(line);
            if (depth == 0 || text.length() > MAX_DOCUMENT) {
                close();
            }
            return true;
        }
        Kind kind = kindOf(line);
        if (kind == null && open == Kind.SYSFS && VALUE.matcher(line).matches()) {
            kind = Kind.SYSFS;
        }
        if (kind != open) {
            close();
        }
        if (kind == null) {
            return false;
        }
        if (open == null) {
            open = kind;
            firstLine = lineNo;
        }
        append(line);
        if (kind == Kind.JSON && depth == 0) {
            close();
        }
        return true;
    }

    /** Lines with a log prefix end any iomem or sysfs listing. */
    void interrupt() {
        if (open != Kind.JSON) {
            close();
        }
    }

    private static Kind kindOf(String line) {
        if (NdctlReader.looksLikeJson(line)) {
            return Kind.JSON;
        }
        if (IOMEM.matcher(line).matches()) {
            return Kind.IOMEM;
        }
        return SYSFS.matcher(line).matches() ? Kind.SYSFS : null;
    }

    private void append(String line) {
        text.append(line).append('\n');
        if (open != Kind.JSON) {
            return;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /** Reads the collected document, if any. */
    void close() {
        if (open == null) {
            return;
        }
        String document = text.toString();
        switch (open) {
            case JSON -> {
                NdctlReader.Result result = NdctlReader.read(file, document, firstLine);
                facts = facts.merge(new DeviceFacts(result.state(), List.of(), List.of()));
                problems.addAll(result.problems());
            }
            case IOMEM -> facts = facts.merge(new DeviceFacts(dev.daxray.devices.DeviceState.EMPTY,
                    Iomem.parse(file, document, firstLine), List.of()));
            case SYSFS -> facts = facts.merge(new DeviceFacts(dev.daxray.devices.DeviceState.EMPTY, List.of(),
                    Sysfs.parse(file, document, firstLine)));
        }
        open = null;
        text.setLength(0);
        depth = 0;
        inString = false;
        escaped = false;
    }

    DeviceFacts facts() {
        return facts;
    }

    List<Problem> problems() {
        return problems;
    }
}
