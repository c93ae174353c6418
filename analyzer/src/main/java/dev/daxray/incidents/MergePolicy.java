package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.daxray.devices.Namespace;
import dev.daxray.events.AlreadyPoisoned;
import dev.daxray.events.Badblock;
import dev.daxray.events.Crash;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.Injector;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.MemoryFailureNote;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.events.PoisonInjected;
import dev.daxray.events.Probe;
import dev.daxray.events.Sigbus;
import dev.daxray.events.SoftOffline;
import dev.daxray.events.Unpoison;
import dev.daxray.matches.EventFields;
import dev.daxray.rules.Severity;

/**
 * The keys a finding can join others on (rules/README.md, "One incident per root cause"). Which keys an
 * event gives is decided here and nowhere else; how far apart findings with a key may be is its
 * {@link Clause}'s.
 */
final class MergePolicy {

    /** A pmem bad range up to this size names a page; a larger one is a region's worth, not a poison. */
    private static final long SMALL_RANGE = 2L << 20;

    private MergePolicy() {
    }

    /**
     * The keys of a finding at {@code severity} over {@code events} (each once, in timeline order): each
     * event's own keys, the listing keys when the events are all listings, and an informational finding's key.
     */
    static List<MergeKey> keys(Severity severity, List<EventNote> events) {
        boolean listingsOnly = true;
        for (EventNote note : events) {
            listingsOnly &= note.event instanceof Badblock;
        }
        if (events.size() == 1 && severity != Severity.INFO && !listingsOnly) {
            return events.get(0).keys; // most findings: one line, whose keys are all the finding's
        }
        // One event's keys are distinct, and of other kinds than the informational and listing keys.
        Collection<MergeKey> keys = events.size() == 1 ? new ArrayList<>() : new LinkedHashSet<>();
        if (severity == Severity.INFO && !events.isEmpty()) {
            keys.add(new MergeKey.Informational(scope(events.get(0).event.origin())));
        }
        for (EventNote note : events) {
            keys.addAll(note.keys);
            if (listingsOnly && note.event instanceof Badblock b && b.device() != null) {
                // A listing is no event in time: its device joins only the findings about listings alone
                // (latent or unplaced media errors) of that region and its namespaces.
                String region = b.device().startsWith("region") ? b.device() : Namespace.regionOf(b.device());
                keys.add(new MergeKey.ListedRegion(scope(b.origin()), region != null ? region : b.device()));
            }
        }
        return keys instanceof List<MergeKey> list ? list : List.copyOf(keys);
    }

    /** The keys {@code e} gives whatever finding it is in: all but the listing keys. */
    static List<MergeKey> eventKeys(Event e) {
        Set<MergeKey> keys = new LinkedHashSet<>();
        MergeKey.Scope scope = scope(e.origin());
        pages(e, scope, keys);
        if (!(e instanceof Badblock)) {
            Object device = EventFields.value(e, "device");
            if (device != null) {
                keys.add(new MergeKey.Device(scope, device.toString()));
            }
        }
        Object dimm = EventFields.value(e, "dimm");
        if (dimm != null) {
            keys.add(new MergeKey.Dimm(scope, dimm.toString()));
        }
        if (e instanceof Sigbus s && s.comm() != null) {
            keys.add(new MergeKey.Process(scope, s.comm(), s.pid()));
        }
        if (e instanceof Crash c && c.title() != null) {
            keys.add(new MergeKey.CrashTitle(scope, c.title()));
        }
        if (e instanceof Mce m && ("fatal".equals(m.severity()) || "uncorrected".equals(m.severity()))) {
            keys.add(new MergeKey.MachineCheck(scope));
        }
        if (e instanceof PoisonInjected || e instanceof Unpoison || e instanceof SoftOffline
                || e instanceof Injector) {
            keys.add(new MergeKey.TestRun(scope));
        }
        if (!EventFields.corrected(e) && (e instanceof Edac || e instanceof Ghes)) {
            String label = e instanceof Edac d ? d.label() : ((Ghes) e).fru();
            Object location = e instanceof Edac d ? (d.location() != null ? d.location() : d.detail())
                    : ((Ghes) e).location();
            DimmRow.of((String) location, label).ifPresent(row -> keys.add(new MergeKey.SameRow(scope, row)));
        }
        return List.copyOf(keys);
    }

    /** Page keys: the poisoned page itself, its other page-size readings, and its ranges for bursts. */
    private static void pages(Event e, MergeKey.Scope scope, Set<MergeKey> keys) {
        Hex pfn = EventFields.hex(e, "pfn");
        Hex phys = EventFields.hex(e, "physAddr");
        if (pfn != null) {
            keys.add(new MergeKey.SamePage(scope, pfn.value()));
            if (phys == null) {
                // a page the kernel printed, maybe of a 16 or 64 KiB kernel (an address's 4 KiB pfn is not)
                keys.add(new MergeKey.OtherPageSize(scope, pfn.value()));
            }
        }
        if (phys != null) {
            keys.add(new MergeKey.SamePage(scope, phys.value() >>> 12));
            // arm64 and ppc64 kernels with 16 KiB or 64 KiB pages print pfn = address >> 14 or >> 16.
            keys.add(new MergeKey.OtherPageSize(scope, phys.value() >>> 14));
            keys.add(new MergeKey.OtherPageSize(scope, phys.value() >>> 16));
        }
        if (e instanceof Pmem p && p.start() != null && p.size() != null
                && Long.compareUnsigned(p.size().value(), SMALL_RANGE) <= 0) {
            keys.add(new MergeKey.SamePage(scope, p.start().value() >>> 12));
        }
        Long page = poisonedPage(e, pfn, phys);
        if (page != null) {
            for (int bits : new int[] {9, 18}) {
                keys.add(new MergeKey.PageRange(scope, bits + 12, false, page >>> bits));
                keys.add(new MergeKey.PageRange(scope, bits + 12, true, (page + (1L << (bits - 1))) >>> bits));
            }
        }
    }

    /**
     * The 4 KiB page an event reports as poisoned, for bursts: verdicts, notes, SIGBUS kills, injections,
     * soft offlines and uncorrected error addresses; not corrected errors or device listings.
     */
    private static Long poisonedPage(Event e, Hex pfn, Hex phys) {
        if (EventFields.corrected(e)) {
            return null;
        }
        boolean names = e instanceof MemoryFailure || e instanceof MemoryFailureNote || e instanceof Sigbus
                || e instanceof PoisonInjected || e instanceof AlreadyPoisoned || e instanceof SoftOffline
                || e instanceof Unpoison || e instanceof Probe;
        if (names && pfn != null) {
            return pfn.value();
        }
        boolean reports = e instanceof Mce || e instanceof Ghes || e instanceof Edac;
        return reports && phys != null ? phys.value() >>> 12 : null;
    }

    static MergeKey.Scope scope(Origin o) {
        return new MergeKey.Scope(o.host(), o.boot());
    }
}
