package dev.daxray.rasdaemon;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.CxlPoison;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.IoError;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;

/**
 * A rasdaemon database row as the event of the tracepoint it recorded (§2.5): {@code mc_event} →
 * {@code edac}, {@code mce_record} → {@code mce}, {@code memory_failure_event} → {@code memory-failure},
 * {@code extlog_event} → {@code ghes} (source {@code extlog}), {@code aer_event} and {@code disk_errors} →
 * {@code io-error}, {@code cxl_poison_event} → {@code cxl-poison}. The row's {@code timestamp} (the daemon's
 * local time with its offset, {@code 2024-01-15 10:22:31 +0100}) is the event's wall time.
 */
public final class RasEvents {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d) (\\d\\d:\\d\\d:\\d\\d) ([+-]\\d\\d)(\\d\\d)$");
    private static final long ADDRV = 1L << 58;
    private static final int PAGE_SHIFT = 12;
    /** CPER memory error types (UEFI N.2.5), as the kernel and rasdaemon name them. */
    private static final String[] CPER_TYPES = {"unknown", "no error", "single-bit ECC", "multi-bit ECC",
        "single-symbol chipkill ECC", "multi-symbol chipkill ECC", "master abort", "target abort", "parity error",
        "watchdog timeout", "invalid address", "mirror Broken", "memory sparing", "scrub corrected error",
        "scrub uncorrected error", "physical memory map-out event"};
    private static final String[] EXTLOG_SEVERITIES = {"recoverable", "fatal", "corrected", "informational"};

    private RasEvents() {
    }

    /** {@code 2024-01-15 10:22:31 +0100} as ISO-8601 {@code 2024-01-15T10:22:31+01:00}; null when not that. */
    public static String wall(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        Matcher m = TIMESTAMP.matcher(timestamp.strip());
        return m.matches() ? m.group(1) + "T" + m.group(2) + m.group(3) + ":" + m.group(4) : null;
    }

    /** The event of {@code row}, with {@code origin} (whose wall should be the row's); empty for other tables. */
    public static Optional<Event> of(RasRow row, Origin origin) {
        try {
            return Optional.ofNullable(switch (row.table()) {
                case "mc_event" -> edac(row, origin);
                case "mce_record" -> mce(row, origin);
                case "memory_failure_event" -> new MemoryFailure(origin, Hex.parse(row.text("pfn").strip()),
                        row.text("page_type"), row.text("action_result"));
                case "extlog_event" -> extlog(row, origin);
                case "aer_event" -> new IoError(origin, row.text("dev_name"),
                        join(row.text("err_type"), "error:", row.text("err_msg")));
                case "disk_errors" -> new IoError(origin, row.text("dev"), join(row.text("error"), "at sector",
                        String.valueOf(row.number("sector"))));
                case "cxl_poison_event" -> cxl(row, origin);
                default -> null;
            });
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty(); // a value the table never holds (a pfn that is no number): not this row's event
        }
    }

    private static Edac edac(RasRow row, Origin origin) {
        Long address = row.number("address");
        boolean known = address != null && address != 0;
        Hex physAddr = known ? new Hex(address) : null;
        String severity = row.text("err_type");
        return new Edac(origin, intOrNull(row.number("mc")), severity == null ? null : severity.toLowerCase(Locale.ROOT),
                intOrNull(row.number("err_count")), blankToNull(row.text("err_msg")), blankToNull(row.text("label")),
                known ? physAddr.shiftRight(PAGE_SHIFT) : null,
                known ? new Hex(address & ((1L << PAGE_SHIFT) - 1)) : null, intOrNull(row.number("grain")), physAddr,
                blankToNull(row.text("driver_detail")), "location:" + row.number("top_layer") + ":"
                        + row.number("middle_layer") + ":" + row.number("lower_layer"));
    }

    private static Mce mce(RasRow row, Origin origin) {
        Long status = row.number("status");
        Long addr = row.number("addr");
        Hex statusHex = status == null ? null : new Hex(status);
        Hex physAddr = status != null && addr != null && addr != 0 && (status & ADDRV) != 0 ? new Hex(addr) : null;
        return new Mce(origin, statusHex == null ? null : Mce.severityOf(statusHex), physAddr,
                intOrNull(row.number("cpu")), intOrNull(row.number("bank")), statusHex,
                blankToNull(row.text("error_msg")));
    }

    private static Ghes extlog(RasRow row, Origin origin) {
        Long etype = row.number("etype");
        Long severity = row.number("severity");
        Long address = row.number("address");
        return new Ghes(origin, null, "extlog",
                severity != null && severity >= 0 && severity < EXTLOG_SEVERITIES.length
                        ? EXTLOG_SEVERITIES[severity.intValue()] : null,
                "memory error", null, intOrNull(etype),
                etype != null && etype >= 0 && etype < CPER_TYPES.length ? CPER_TYPES[etype.intValue()] : null,
                address != null && address != -1 ? new Hex(address) : null, null, null,
                blankToNull(row.text("fru_text")));
    }

    private static CxlPoison cxl(RasRow row, Origin origin) {
        Long hpa = row.number("hpa");
        Long dpa = row.number("dpa");
        Long length = row.number("dpa_length");
        Long flags = row.number("flags");
        return new CxlPoison(origin, row.text("memdev"), row.text("host"), blankToNull(row.text("region")),
                hpa == null || hpa == -1 ? null : new Hex(hpa), dpa == null ? null : new Hex(dpa),
                length == null ? null : new Hex(length), row.text("source"),
                flags == null ? null : "0x" + Long.toHexString(flags), row.text("trace_type"));
    }

    private static Integer intOrNull(Long value) {
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String join(String a, String middle, String b) {
        return (a == null ? "" : a + " ") + middle + (b == null ? "" : " " + b);
    }
}
