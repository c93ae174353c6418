package dev.daxray.matches;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.daxray.events.Badblock;
import dev.daxray.events.CeThreshold;
import dev.daxray.events.Crash;
import dev.daxray.events.CxlPoison;
import dev.daxray.events.Event;
import dev.daxray.events.FsDax;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Pages;
import dev.daxray.events.Sigbus;
import dev.daxray.events.SoftOffline;

/**
 * What a set of events names, kept in bounded space so that a flood of one root cause costs counters,
 * not events: pages, addresses, processes, devices, filesystems, the first and last evidence lines, and
 * counts. One tally per incident (events are added once each; tallies of disjoint sets merge), and one
 * for a finding alone at match time. It answers the {@code {incident.*}} references of titles and
 * summaries ({@link IncidentView}).
 *
 * <p>Bounds: every set of names keeps its {@link #LIMIT} smallest values (processes: the first named);
 * pages as runs of consecutive pages ({@link PageSet}), the lowest and highest always exact; evidence the first
 * {@link #HEAD} and last {@link #TAIL} lines.
 */
public final class EventTally implements IncidentView {

    /** A device name's numbers, which differ between hosts and boots ({@code pmem3} and {@code pmem0} are one detail). */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    public static final int HEAD = 8;
    public static final int TAIL = 4;
    /** Distinct values kept per set of names. */
    public static final int LIMIT = 256;

    /** A process signalled. */
    public record Process(String comm, Integer pid) {
    }

    private final EvidenceWindow window = new EvidenceWindow(HEAD, TAIL);
    private Origin first;
    private Origin last;
    private Origin firstTimed;
    private Origin lastTimed;
    private final Map<String, Origin> processSeen = new HashMap<>();
    private final Map<String, Process> processes = new HashMap<>();
    private final TreeSet<String> pfnNames = new TreeSet<>();
    private final PageSet pages = new PageSet();
    private final TreeSet<Hex> addresses = new TreeSet<>();
    private final Map<String, Origin> sigbusSeen = new HashMap<>();
    private final Map<String, Hex> sigbusPage = new HashMap<>();
    private final TreeSet<Hex> listedStarts = new TreeSet<>();
    private final TreeSet<Hex> errorAddrs = new TreeSet<>();
    private final TreeSet<Hex> listedAddrs = new TreeSet<>();
    private boolean onlyListings = true;
    private final TreeSet<String> devices = new TreeSet<>();
    private final TreeSet<String> filesystems = new TreeSet<>();
    private final TreeSet<String> fsNames = new TreeSet<>();
    private final TreeSet<String> details = new TreeSet<>();
    private final TreeSet<String> files = new TreeSet<>();
    private boolean persistentMemory;
    private final TreeMap<String, Long> verdicts = new TreeMap<>();
    private long sigbusLines;
    private long softOfflines;
    /** Findings per kind (a counter each: a storm adds one per line). */
    private final Map<String, long[]> findings = new HashMap<>();

    /** The tally of a finding alone: what its templates read at match time. */
    public static EventTally of(Finding finding) {
        EventTally t = new EventTally();
        finding.events().forEach(t::add);
        t.addFinding(finding.kind());
        return t;
    }

    public void addFinding(String kind) {
        findings.computeIfAbsent(kind, k -> new long[1])[0]++;
    }

    /** Adds one event; the caller adds each event once. */
    public void add(Event e) {
        Origin o = e.origin();
        window.add(o);
        first = min(first, o);
        last = max(last, o);
        if (o.micros() != null || o.wall() != null) {
            firstTimed = min(firstTimed, o);
            lastTimed = max(lastTimed, o);
        }
        bounded(files, o.file());
        Hex pfn = EventFields.hex(e, "pfn");
        Hex phys = EventFields.hex(e, "physAddr");
        boolean corrected = EventFields.corrected(e);
        if (e instanceof Sigbus s) {
            sigbusLines++;
            if (s.comm() != null) {
                String name = s.comm() + ":" + s.pid();
                if (earlier(processSeen, name, o, LIMIT)) {
                    processes.put(name, new Process(s.comm(), s.pid()));
                }
                if (s.pfn() != null && earlier(sigbusSeen, name, o, LIMIT)) {
                    sigbusPage.put(name, s.pfn());
                }
            }
        } else if (pfn != null) {
            bounded(pfnNames, pfn.toString());
            // A page derived from a reported address (EDAC, MCE, GHES, CXL HPA) is a location, not a poisoned
            // page the kernel named: uncorrected addresses become pages below, with their page-size reading.
            // A CE threshold's page had corrected errors.
            if (phys == null && !(e instanceof CxlPoison || e instanceof CeThreshold)) {
                pages.add(pfn.value());
            }
        }
        if (phys != null && !corrected && (e instanceof Mce || e instanceof Ghes)) {
            bounded(addresses, phys);
            if (pfn != null && pfn.value() != phys.value() >>> Pages.DEFAULT_SHIFT) {
                pages.add(pfn.value()); // a kernel with 16 or 64 KiB pages (its release says so) names this page
            }
        }
        if (e instanceof Badblock b) {
            if (b.pfnStart() != null) {
                bounded(listedStarts, b.pfnStart());
            }
            if (phys != null && !corrected) {
                bounded(listedAddrs, phys);
            }
        } else {
            if (phys != null && !corrected) {
                bounded(errorAddrs, phys);
            }
            onlyListings &= phys == null && pfn == null;
        }
        names(e);
        if (e instanceof MemoryFailure m) {
            verdicts.merge(String.valueOf(m.result()), 1L, Long::sum);
        } else if (e instanceof SoftOffline) {
            softOfflines++;
        }
    }

    private void names(Event e) {
        Object device = EventFields.value(e, "device");
        Object fs = EventFields.value(e, "fs");
        if (device != null) {
            bounded(devices, device.toString());
            bounded(details, "device=" + DIGITS.matcher(device.toString()).replaceAll("N"));
        }
        if (fs != null) {
            bounded(filesystems, fs + (device == null ? "" : " (" + device + ")"));
            bounded(fsNames, fs.toString());
            bounded(details, "fs=" + fs.toString().toLowerCase(Locale.ROOT));
        }
        if (e instanceof Sigbus s && s.comm() != null) {
            bounded(details, "comm=" + s.comm());
        }
        if (e instanceof MemoryFailure m) {
            bounded(details, "page=" + m.pageType() + ":" + m.result());
            persistentMemory |= m.pageType() != null && m.pageType().toLowerCase(Locale.ROOT).contains("dax");
        }
        if (e instanceof Crash c) {
            bounded(details, "crash=" + c.title());
        }
        persistentMemory |= e instanceof Badblock || e instanceof FsDax;
    }

    /** Adds another tally, of events this one does not hold. */
    public void addAll(EventTally other) {
        window.addAll(other.window);
        first = min(first, other.first);
        last = max(last, other.last);
        firstTimed = min(firstTimed, other.firstTimed);
        lastTimed = max(lastTimed, other.lastTimed);
        other.files.forEach(f -> bounded(files, f));
        other.processSeen.forEach((name, o) -> {
            if (earlier(processSeen, name, o, LIMIT)) {
                processes.put(name, other.processes.get(name));
            }
        });
        other.sigbusSeen.forEach((name, o) -> {
            if (earlier(sigbusSeen, name, o, LIMIT)) {
                sigbusPage.put(name, other.sigbusPage.get(name));
            }
        });
        other.pfnNames.forEach(p -> bounded(pfnNames, p));
        pages.addAll(other.pages);
        other.addresses.forEach(a -> bounded(addresses, a));
        other.listedStarts.forEach(a -> bounded(listedStarts, a));
        other.errorAddrs.forEach(a -> bounded(errorAddrs, a));
        other.listedAddrs.forEach(a -> bounded(listedAddrs, a));
        onlyListings &= other.onlyListings;
        other.devices.forEach(d -> bounded(devices, d));
        other.filesystems.forEach(d -> bounded(filesystems, d));
        other.fsNames.forEach(d -> bounded(fsNames, d));
        other.details.forEach(d -> bounded(details, d));
        persistentMemory |= other.persistentMemory;
        other.verdicts.forEach((k, v) -> verdicts.merge(k, v, Long::sum));
        sigbusLines += other.sigbusLines;
        softOfflines += other.softOfflines;
        other.findings.forEach((k, n) -> findings.computeIfAbsent(k, x -> new long[1])[0] += n[0]);
    }

    // ---- what an incident reports

    /**
     * The poisoned pages, sorted: memory_failure verdicts, notes, injections and soft-offline lines, and
     * the page of uncorrected MCE/GHES addresses (address >> 12, unless a verdict names address >> 14 or
     * >> 16: a kernel with 16 or 64 KiB pages). When only SIGBUS lines name pages (a flood walking one
     * extent), the first page per process stands for them; for listings alone, each range's first page.
     */
    public PageSet poisonedPages() {
        PageSet out = pages.copy();
        for (Hex phys : addresses) {
            if (!pages.contains(phys.value() >>> 14) && !pages.contains(phys.value() >>> 16)) {
                out.add(phys.value() >>> 12);
            }
        }
        if (out.count() == 0) {
            sigbusPage.values().forEach(p -> out.add(p.value()));
        }
        if (out.count() == 0) {
            listedStarts.forEach(p -> out.add(p.value()));
        }
        return out;
    }

    /** Uncorrected error addresses; a listed badblock's only when nothing else names an address or page. */
    public List<String> physAddrs() {
        Set<Hex> all = new TreeSet<>(errorAddrs);
        if (onlyListings) {
            all.addAll(listedAddrs);
        }
        return all.stream().map(Hex::toString).toList();
    }

    /** Processes signalled, in the order the evidence first names them. */
    public List<Process> processList() {
        return processSeen.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(e -> processes.get(e.getKey())).toList();
    }

    public List<String> deviceList() {
        return List.copyOf(devices);
    }

    public List<String> filesystemList() {
        return List.copyOf(filesystems);
    }

    /** What stays the same when the same problem happens on another host: no addresses, pids, hosts, times. */
    public String fingerprintDetails() {
        return String.join(",", details);
    }

    /** True when the events are about persistent memory: a dax page, a listed badblock, a DAX fault. */
    public boolean persistentMemory() {
        return persistentMemory;
    }

    public Set<String> files() {
        return files;
    }

    /** memory_failure() verdicts by result. */
    public Map<String, Long> verdicts() {
        return verdicts;
    }

    public long sigbusLines() {
        return sigbusLines;
    }

    public long softOfflines() {
        return softOfflines;
    }

    public Origin first() {
        return first;
    }

    public Origin last() {
        return last;
    }

    /** The first line with a time (a device listing has none), else the first line. */
    public Origin firstTimed() {
        return firstTimed != null ? firstTimed : first;
    }

    public Origin lastTimed() {
        return lastTimed != null ? lastTimed : last;
    }

    /** The evidence lines shown: the first {@link #HEAD} and last {@link #TAIL}. */
    public List<Origin> shownEvidence() {
        return window.shown();
    }

    // ---- IncidentView

    @Override
    public Names processes() {
        return new Names(processList().stream().map(p -> p.pid() == null ? p.comm() : p.comm() + ":" + p.pid()).toList(),
                processSeen.size());
    }

    @Override
    public Names pfns() {
        return new Names(new ArrayList<>(pfnNames), pfnNames.size());
    }

    @Override
    public String pages() {
        PageSet p = poisonedPages();
        List<String> first = p.lowest(3).stream().map(v -> new Hex(v).toString()).toList();
        return switch ((int) Math.min(p.count(), 4)) {
            case 0 -> "an unknown page";
            case 1 -> "pfn " + first.get(0);
            case 2 -> "pfns " + first.get(0) + " and " + first.get(1);
            case 3 -> "pfns " + first.get(0) + ", " + first.get(1) + " and " + first.get(2);
            default -> p.countText() + " pages from pfn " + new Hex(p.min()) + " to " + new Hex(p.max());
        };
    }

    @Override
    public Names devices() {
        return new Names(new ArrayList<>(devices), devices.size());
    }

    @Override
    public Names filesystems() {
        return new Names(new ArrayList<>(fsNames), fsNames.size());
    }

    @Override
    public long findings(String kind) {
        long[] n = findings.get(kind);
        return n == null ? 0 : n[0];
    }

    @Override
    public long evidence() {
        return window.count();
    }

    // ---- helpers

    private static <T extends Comparable<T>> void bounded(TreeSet<T> set, T value) {
        if (set.add(value) && set.size() > LIMIT) {
            set.pollLast();
        }
    }

    /** Records {@code o} for {@code name} when it is the first seen; keeps at most {@code limit} names. */
    private static boolean earlier(Map<String, Origin> seen, String name, Origin o, int limit) {
        Origin known = seen.get(name);
        if (known != null && known.compareTo(o) <= 0) {
            return false;
        }
        if (known == null && seen.size() >= limit) {
            return false;
        }
        seen.put(name, o);
        return true;
    }

    private static Origin min(Origin a, Origin b) {
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static Origin max(Origin a, Origin b) {
        return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
