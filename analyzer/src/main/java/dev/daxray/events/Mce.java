package dev.daxray.events;

/**
 * An x86 machine-check report: a {@code mce: [Hardware Error]} dump joined into one event, or one
 * of the one-line {@code mce:} messages (user-access error, not recovered, events logged, storm);
 * also mcelog's decoded record and rasdaemon's {@code mce_record}.
 *
 * @param severity corrected, uncorrected, recoverable or fatal, when known
 * @param physAddr {@code ADDR}, when valid; the JSONL/rule field {@code pfn} is its 4 KiB page ({@link PageAddress})
 * @param message  the kernel's own words, e.g. {@code Uncorrected hardware memory error in user-access}
 */
@EventType(value = "mce", description = "x86 machine check (dump or mce: message, mcelog, rasdaemon)")
public record Mce(Origin origin, String severity, @PageAddress Hex physAddr, Integer cpu, Integer bank, Hex status,
                  String message) implements Event {

    private static final long UC = 1L << 61;
    private static final long PCC = 1L << 57;
    /** MCi_STATUS: UC (bit 61) clear is corrected; UC with PCC (bit 57) is fatal; UC alone uncorrected. */
    public static String severityOf(Hex status) {
        long bits = status.value();
        if ((bits & UC) == 0) {
            return "corrected";
        }
        return (bits & PCC) != 0 ? "fatal" : "uncorrected";
    }
}
