package dev.daxray.events;

import java.util.Map;

/**
 * A kprobe, kretprobe, uprobe or uretprobe event line.
 *
 * @param probe    the probe event's name as printed ({@code p_memory_failure_0}, perf's {@code probe:memory_failure})
 * @param kind     {@code kprobe}, {@code kretprobe}, {@code uprobe} or {@code uretprobe}
 * @param function the probed function: the symbol of a kprobe (without offset), the function a
 *                 kretprobe returned from; for user probes and raw addresses the address as printed
 * @param site     the probe site as printed: {@code memory_failure+0x0/0x5c0}, a kretprobe's return
 *                 site, or a raw address
 * @param args     the fetched arguments, {@code name=value} as printed, in order
 * @param pfn      the page an argument named {@code pfn} gives, when it is a hex number (a probe on
 *                 {@code memory_failure} names the poisoned page), so rules and incidents can key on it
 */
@EventType(value = "probe", description = "kprobe / kretprobe / uprobe event line")
public record Probe(Origin origin, String probe, String kind, String function, String site, Map<String, String> args,
                    Hex pfn) implements Event {

    private static final java.util.regex.Pattern HEX = java.util.regex.Pattern.compile("0x[0-9a-fA-F]{1,16}");

    public Probe {
        args = OrderedMaps.copyOf(args);
        if (pfn == null && args != null && args.get("pfn") != null && HEX.matcher(args.get("pfn")).matches()) {
            pfn = Hex.parse(args.get("pfn"));
        }
    }

    public Probe(Origin origin, String probe, String kind, String function, String site, Map<String, String> args) {
        this(origin, probe, kind, function, site, args, null);
    }
}
