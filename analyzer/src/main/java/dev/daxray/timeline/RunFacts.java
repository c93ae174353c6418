package dev.daxray.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.events.Events;

/**
 * What the timeline learns about the whole run while its inputs are read, in bounded space: the hosts the
 * logs name, each boot's kernel release, the last boot per host, the nfit SPA ranges, and what aligning
 * wall clocks needs ({@link WallClock.Gatherer}). Decisions that depend on all inputs (one host's
 * captures, a release lent to the other inputs of its boot) are then applied to each event as the
 * timeline hands it out.
 */
final class RunFacts {

    /** Host names and releases told apart; past this many a run has "many" of them. */
    private static final int NAMES = 1024;
    /** nfit SPA ranges kept for the address map. */
    private static final int SPA_RANGES = 65_536;

    private final Set<String> hosts = new LinkedHashSet<>();
    private final Map<Integer, Set<String>> kernels = new HashMap<>();
    private final Map<String, Integer> lastBoot = new HashMap<>();
    private int lastBootAny;
    private final List<Pmem> spa = new ArrayList<>();
    private final WallClock.Gatherer wallClock = WallClock.gatherer();

    void see(Event e) {
        Origin o = e.origin();
        if (o.host() != null && hosts.size() < NAMES) {
            hosts.add(o.host());
        }
        if (o.kernel() != null) {
            Set<String> releases = kernels.computeIfAbsent(o.boot(), b -> new HashSet<>());
            if (releases.size() < NAMES) {
                releases.add(o.kernel());
            }
        }
        if (o.host() != null && lastBoot.size() < NAMES) {
            lastBoot.merge(o.host(), o.boot(), Math::max);
        }
        lastBootAny = Math.max(lastBootAny, o.boot());
        if (e instanceof Pmem p && p.start() != null && p.size() != null && spa.size() < SPA_RANGES) {
            spa.add(p);
        }
        wallClock.see(e);
    }

    /** The host, when the logs name exactly one. */
    String onlyHost() {
        return hosts.size() == 1 ? hosts.iterator().next() : null;
    }

    /** The last boot of {@code host} (of any capture when null). */
    int lastBoot(String host) {
        return host == null ? lastBootAny : lastBoot.getOrDefault(host, 0);
    }

    List<Pmem> spa() {
        return spa;
    }

    WallClock.Gatherer wallClock() {
        return wallClock;
    }

    /**
     * A run whose logs name exactly one host is that host's bundle: captures that name no host (plain
     * dmesg, traces, device listings) are that host's too, so their events merge with the journal's or
     * syslog's reports of the same kernel messages; and a boot whose banner one input has (a journal
     * from boot) lends its kernel release to the others' events of that boot (a dmesg ring-buffer tail).
     */
    Event oneHost(Event e) {
        String host = onlyHost();
        if (host == null) {
            return e;
        }
        Origin o = e.origin();
        Set<String> k = kernels.get(o.boot());
        String kernel = o.kernel() != null || k == null || k.size() != 1 ? o.kernel() : k.iterator().next();
        return o.host() != null && Objects.equals(kernel, o.kernel()) ? e : Events.withOrigin(e, new Origin(o.file(),
                o.input(), o.line(), o.endLine(), o.text(), o.micros(), o.sortMicros(), o.wall(), o.boot(), host,
                kernel, o.also()));
    }
}
