package dev.daxray.records;

/**
 * What the prefix of a line said.
 *
 * @param kind      which family of prefixes it is
 * @param format    the capture format it names, for the per-input summary (e.g. {@code dmesg -T})
 * @param micros    monotonic time since boot in microseconds, or null
 * @param wall      wall-clock time as ISO-8601 text, or null
 * @param host      host name (syslog, journal), or null
 * @param tag       syslog identifier without the colon (e.g. {@code kernel}), or null
 * @param level     syslog priority level 0-7 when printed, or -1
 * @param caller    printk caller id (e.g. {@code T123}), or null
 * @param bodyStart index in the line where the kernel message starts (for a trace line: the payload)
 * @param traceEvent for a trace line, the event name as printed ({@code memory_failure_event}, perf's
 *                  {@code ras:memory_failure_event}, {@code function} for function-tracer lines), else null
 * @param task      for a ftrace / trace-cmd / perf line, the task (comm) running when the event fired, as
 *                  printed ({@code <...>} when the tracer did not know its name), else null
 */
public record Envelope(EnvelopeKind kind, String format, Long micros, String wall, String host, String tag,
                       int level, String caller, int bodyStart, String traceEvent, String task) {

    /** An envelope without a task. */
    public Envelope(EnvelopeKind kind, String format, Long micros, String wall, String host, String tag,
                    int level, String caller, int bodyStart, String traceEvent) {
        this(kind, format, micros, wall, host, tag, level, caller, bodyStart, traceEvent, null);
    }

    /** An envelope that is not a trace line. */
    public Envelope(EnvelopeKind kind, String format, Long micros, String wall, String host, String tag,
                    int level, String caller, int bodyStart) {
        this(kind, format, micros, wall, host, tag, level, caller, bodyStart, null, null);
    }

    private static final Envelope BARE = new Envelope(EnvelopeKind.BARE, "console", null, null, null, null, -1,
            null, 0);

    public static Envelope bare() {
        return BARE;
    }

    /** The trace event name without a system prefix ({@code ras:mc_event} gives {@code mc_event}), or null. */
    public String traceEventName() {
        if (traceEvent == null) {
            return null;
        }
        int colon = traceEvent.lastIndexOf(':');
        return colon < 0 ? traceEvent : traceEvent.substring(colon + 1);
    }

    /** True for lines written by the kernel (no tag, or the tag {@code kernel}). */
    public boolean fromKernel() {
        return tag == null || tag.equals("kernel");
    }
}
