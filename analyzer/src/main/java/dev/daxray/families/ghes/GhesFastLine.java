package dev.daxray.families.ghes;

import dev.daxray.families.fast.FastLine;
import dev.daxray.families.fast.Text;
import dev.daxray.families.ghes.GhesLine.ErrorStatus;
import dev.daxray.families.ghes.GhesLine.ErrorType;
import dev.daxray.families.ghes.GhesLine.Field;
import dev.daxray.families.ghes.GhesLine.Fru;
import dev.daxray.families.ghes.GhesLine.Header;
import dev.daxray.families.ghes.GhesLine.Location;
import dev.daxray.families.ghes.GhesLine.PhysAddr;
import dev.daxray.families.ghes.GhesLine.RecordLine;
import dev.daxray.families.ghes.GhesLine.SectionType;
import dev.daxray.families.ghes.GhesLine.Severity;
import dev.daxray.records.LogRecord;

/**
 * The lines of a firmware-first memory error record as {@code cper_print_mem()} prints them, read
 * without the grammar: {@code {N}[Hardware Error]: } and one of the header, severity, section type,
 * decoded error status, physical address, {@code node:} location, error type and DIMM location
 * fields. Declines AEST records, {@code GHES:} messages and every other field;
 * {@link dev.daxray.families.fast.VerifiedFastPath} checks what it claims against {@code Ghes.g4}.
 */
final class GhesFastLine implements FastLine<GhesLine> {

    private static final String HW_ERR = "}[Hardware Error]:";
    private static final String HEADER = "Hardware error from APEI Generic Hardware Error Source: ";
    private static final String CORRECTED = "It has been corrected by h/w and requires no further action";
    private static final String SEVERITY = "event severity: ";
    private static final String SECTION_TYPE = "section_type: ";
    private static final String ERROR_STATUS = "error_status: ";
    private static final String PHYSICAL_ADDRESS = "physical_address: 0x";
    private static final String ERROR_TYPE = "error_type: ";
    private static final String DIMM_LOCATION = "DIMM location: ";

    @Override
    public GhesLine read(LogRecord record) {
        String s = record.body();
        if (s.isEmpty() || s.charAt(0) != '{' || !Text.plain(s) || s.indexOf('\u00a0') >= 0) {
            return null;
        }
        int seqEnd = Text.digitsEnd(s, 1);
        if (seqEnd < 0 || !s.startsWith(HW_ERR, seqEnd)) {
            return null;
        }
        int from = seqEnd + HW_ERR.length();
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        Field field = field(s, from);
        return field == null ? null : new RecordLine(Text.decimal(s, 1, seqEnd), "GHES", field);
    }

    private static Field field(String s, int from) {
        if (s.startsWith(HEADER, from)) {
            int end = Text.digitsEnd(s, from + HEADER.length());
            return end == s.length() ? new Header("source " + s.substring(from + HEADER.length())) : null;
        }
        if (s.startsWith(CORRECTED, from)) {
            return from + CORRECTED.length() == s.length() ? new Severity("corrected", false) : null;
        }
        if (s.startsWith(SEVERITY, from)) {
            String severity = s.substring(from + SEVERITY.length());
            return letters(severity) ? new Severity(severity, true) : null;
        }
        if (s.startsWith("Error ", from)) {
            return sectionHeader(s, from + "Error ".length());
        }
        if (s.startsWith(SECTION_TYPE, from)) {
            String type = Text.trimmed(s, from + SECTION_TYPE.length(), s.length());
            return type == null ? null : new SectionType(type);
        }
        if (s.startsWith(ERROR_STATUS, from)) {
            return status(s, from + ERROR_STATUS.length());
        }
        if (s.startsWith(PHYSICAL_ADDRESS, from)) {
            int start = from + PHYSICAL_ADDRESS.length();
            return Text.hexEnd(s, start) == s.length() ? new PhysAddr(Text.hex(s, start, s.length())) : null;
        }
        if (s.startsWith("node:", from)) {
            String location = Text.trimmed(s, from, s.length());
            return location.length() > "node:".length() ? new Location(location) : null;
        }
        if (s.startsWith(ERROR_TYPE, from)) {
            return errorType(s, from + ERROR_TYPE.length());
        }
        if (s.startsWith(DIMM_LOCATION, from)) {
            String where = Text.trimmed(s, from + DIMM_LOCATION.length(), s.length());
            return where == null || where.startsWith("not present") ? null : new Fru(where, false, true);
        }
        return null;
    }

    /** {@code Error 0, type: corrected}. */
    private static Field sectionHeader(String s, int from) {
        int end = Text.digitsEnd(s, from);
        if (end < 0 || !s.startsWith(", type: ", end)) {
            return null;
        }
        String severity = s.substring(end + ", type: ".length());
        return letters(severity) ? new Severity(severity, false) : null;
    }

    /** {@code Storage error in DRAM memory (0x0000000000000400)}: the decoded text. */
    private static Field status(String s, int from) {
        int open = s.indexOf(" (0x", from);
        if (open < 0 || s.indexOf('(') != open + 1 || Text.hexEnd(s, open + 4) != s.length() - 1 || !s.endsWith(")")) {
            return null;
        }
        String decoded = Text.trimmed(s, from, open);
        return decoded == null ? null : new ErrorStatus(decoded);
    }

    /** {@code 2, single-bit ECC}. */
    private static Field errorType(String s, int from) {
        int end = Text.digitsEnd(s, from);
        if (end < 0 || !s.startsWith(", ", end)) {
            return null;
        }
        String text = Text.trimmed(s, end + 2, s.length());
        return text == null ? null : new ErrorType(Text.decimal(s, from, end), text, true);
    }

    private static boolean letters(String word) {
        if (word.isEmpty()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
