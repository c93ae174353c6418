package dev.daxray.incidents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.daxray.address.AddressMap;
import dev.daxray.devices.Namespace;
import dev.daxray.events.Badblock;
import dev.daxray.events.CeThreshold;
import dev.daxray.events.Crash;
import dev.daxray.events.Edac;
import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Ghes;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Origin;
import dev.daxray.events.Pmem;
import dev.daxray.events.Sigbus;
import dev.daxray.matches.Finding;
import dev.daxray.rules.Severity;

/**
 * Turns findings into incidents, one per root cause.
 *
 * <ol>
 *   <li>Suppression: a finding whose rule says {@code suppress K} removes the findings of kind K
 *       that share an event with it (a pre-remove kill is not a hardware error).</li>
 *   <li>Merging: findings of the same host and boot merge when they share an event, or share a
 *       pfn (a pfn, a physical address's page, or a small pmem bad range), a device or a process and lie within
 *       {@link #NEARBY_MICROS} of each other. So 2,000 SIGBUS lines for one poison are one incident.</li>
 *   <li>Each group becomes an {@link Incident}: the most severe finding (then the highest rank)
 *       gives the kind, title and summary; every kind becomes a label.</li>
 * </ol>
 * The result does not depend on file paths or on the order inputs were given.
 */
public final class IncidentBuilder {

    public static final int EVIDENCE_HEAD = 8;
    public static final int EVIDENCE_TAIL = 4;
    /** Findings sharing only a key merge when they are at most this far apart. */
    public static final long NEARBY_MICROS = 60_000_000L;

    private IncidentBuilder() {
    }

    public static List<Incident> build(List<Finding> findings) {
        return build(findings, null);
    }

    /**
     * Incidents whose poisoned pages are placed on the persistent-memory devices with {@code addresses}
     * (namespace sector, listed badblock, clearing advice; see {@link IncidentLocations}); null places none.
     */
    public static List<Incident> build(List<Finding> findings, AddressMap addresses) {
        return build(findings, addresses, Map.of());
    }

    /**
     * As {@link #build(List, AddressMap)}; {@code clockNotes} (input file → how its clock was aligned, see
     * {@code Timeline.clockNotes}) fills an incident's {@code clock} when its evidence depends on them.
     */
    public static List<Incident> build(List<Finding> findings, AddressMap addresses, Map<String, String> clockNotes) {
        List<Finding> kept = suppress(findings);
        List<List<Finding>> groups = merge(kept);
        List<Incident> incidents = new ArrayList<>();
        for (List<Finding> group : groups) {
            incidents.add(incident(group, addresses, clockNotes));
        }
        incidents = uniqueIds(incidents, groups);
        Map<Incident, Origin> startOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            Origin start = groups.get(i).stream().map(Finding::start).min(Comparator.naturalOrder()).orElseThrow();
            startOf.put(incidents.get(i), start);
        }
        incidents.sort(Comparator.comparingInt((Incident i) -> Severity.parse(i.severity()).orElseThrow().ordinal())
                .thenComparing(i -> startOf.get(i), IncidentBuilder::compareTime)
                .thenComparing(Incident::id));
        return incidents;
    }

    /**
     * Two incidents with the same keys (two unrelated crashes in one untimed boot, say) would share an
     * id; each of them gets the hash of its id and its first evidence line's text and position within
     * the boot, so ids stay unique and still do not depend on file names or input order.
     */
    private static List<Incident> uniqueIds(List<Incident> incidents, List<List<Finding>> groups) {
        Map<String, Integer> seen = new HashMap<>();
        for (Incident i : incidents) {
            seen.merge(i.id(), 1, Integer::sum);
        }
        List<Incident> out = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (int k = 0; k < incidents.size(); k++) {
            Incident i = incidents.get(k);
            if (seen.get(i.id()) == 1) {
                out.add(i);
                continue;
            }
            Origin first = groups.get(k).stream().flatMap(f -> f.events().stream()).min(Comparator.naturalOrder())
                    .orElseThrow().origin();
            String base = hash(i.id() + "|" + first.sortMicros() + "|" + first.wall() + "|" + first.text());
            int n = used.merge(base, 1, Integer::sum);
            String id = n == 1 ? base : hash(base + "|" + n);
            out.add(new Incident(id, i.fingerprint(), i.kind(), i.labels(), i.severity(), i.title(), i.summary(), i.host(),
                    i.boot(), i.kernel(), i.start(), i.end(), i.clock(), i.pfns(), i.physAddrs(), i.locations(), i.devices(), i.filesystems(),
                    i.processes(), i.evidence(), i.evidenceCount(), i.advice()));
        }
        return out;
    }

    /** Timeline order without the input index, so the order of inputs does not matter. */
    private static int compareTime(Origin a, Origin b) {
        int c = Integer.compare(a.boot(), b.boot());
        return c != 0 ? c : Long.compare(a.sortMicros(), b.sortMicros());
    }

    // ---- suppression

    /** The findings left after every {@code suppress} clause has removed what it covers. */
    public static List<Finding> suppress(List<Finding> findings) {
        // Findings by the events they hold, so each suppressor looks only at findings sharing an event
        // (a flood of findings on one page must not make this quadratic); identity sets, as a
        // finding's own hash walks all its events.
        Map<Object, List<Finding>> byEvent = new HashMap<>();
        for (Finding f : findings) {
            for (Event e : f.events()) {
                byEvent.computeIfAbsent(sameness(e), k -> new ArrayList<>()).add(f);
            }
        }
        Set<Finding> dropped = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Finding suppressor : findings) {
            if (suppressor.rule().suppress().isEmpty()) {
                continue;
            }
            for (Event e : suppressor.events()) {
                for (Finding other : byEvent.getOrDefault(sameness(e), List.of())) {
                    if (other != suppressor && suppressor.rule().suppress().contains(other.kind())) {
                        dropped.add(other);
                    }
                }
            }
        }
        return findings.stream().filter(f -> !dropped.contains(f)).toList();
    }

    /**
     * What makes two events the same for suppression: the event itself, except that a region's and a
     * namespace's listing of one media error (badblocks with the same physical range) are one.
     */
    private static Object sameness(Event e) {
        if (e instanceof Badblock b && b.physAddr() != null && b.size() != null) {
            return "badblock:" + b.origin().host() + "/" + b.origin().boot() + "/" + b.physAddr() + "+" + b.size();
        }
        return e;
    }

    // ---- merging

    private static List<List<Finding>> merge(List<Finding> findings) {
        int n = findings.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, Integer> lastWithToken = new HashMap<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> findings.get(i).start()));
        for (int i : order) {
            Finding f = findings.get(i);
            for (String token : tokens(f)) {
                Integer previous = lastWithToken.get(token);
                if (previous != null && (unlimited(token) || near(findings.get(previous), f))) {
                    union(parent, previous, i);
                }
                lastWithToken.put(token, i);
            }
        }
        Map<Integer, List<Finding>> groups = new LinkedHashMap<>();
        for (int i : order) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(findings.get(i));
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Tokens that join findings however far apart within the boot: a shared event, the informational
     * class, and a poisoned page (it stays poisoned until unpoisoned, so a later hit on it is a repeat
     * of the same root cause). Devices, processes, crash titles and the alternative page sizes of an
     * address join only findings at most {@link #NEARBY_MICROS} apart.
     */
    private static boolean unlimited(String token) {
        return token.startsWith("event:") || token.startsWith("info:") || token.startsWith("pfn:")
                || token.startsWith("latent:");
    }

    private static boolean near(Finding earlier, Finding later) {
        Long end = earlier.end().micros();
        Long start = later.start().micros();
        return end == null || start == null || Math.abs(start - end) <= NEARBY_MICROS;
    }

    private static Set<String> tokens(Finding f) {
        Set<String> tokens = new LinkedHashSet<>();
        if (f.rule().severity() == Severity.INFO && !f.events().isEmpty()) {
            // Informational findings (corrected errors) of one host and boot are one incident with a
            // count, however long the capture: one burst per incident would bury the real ones.
            Origin o = f.events().get(0).origin();
            tokens.add("info:" + o.host() + "/" + o.boot());
        }
        boolean listingsOnly = f.events().stream().allMatch(Badblock.class::isInstance);
        for (Event e : f.events()) {
            Origin o = e.origin();
            String scope = o.host() + "/" + o.boot() + "/";
            tokens.add("event:" + o.input() + ":" + o.line());
            Hex pfn = hex(e, "pfn");
            if (pfn != null) {
                tokens.add("pfn:" + scope + pfn);
            }
            Hex phys = hex(e, "physAddr");
            if (phys != null) {
                tokens.add("pfn:" + scope + phys.shiftRight(12));
                // arm64 and ppc64 kernels with 16 KiB or 64 KiB pages print pfn = address >> 14 or >> 16.
                tokens.add("page:" + scope + phys.shiftRight(14));
                tokens.add("page:" + scope + phys.shiftRight(16));
            }
            if (pfn != null) {
                tokens.add("page:" + scope + pfn);
            }
            if (e instanceof Pmem p && p.start() != null && p.size() != null
                    && Long.compareUnsigned(p.size().value(), 2L << 20) <= 0) {
                tokens.add("pfn:" + scope + p.start().shiftRight(12));
            }
            Object dimm = value(e, "dimm");
            if (dimm != null) {
                tokens.add("dimm:" + scope + dimm); // the SEL's and the RAS tools' reports of one DIMM
            }
            Object device = value(e, "device");
            if (e instanceof Badblock b) {
                // A listing is no event in time: its device joins only the findings about listings alone
                // (latent or unplaced media errors) of that region and its namespaces, not whatever else
                // the device saw.
                if (listingsOnly && b.device() != null) {
                    String region = b.device().startsWith("region") ? b.device() : Namespace.regionOf(b.device());
                    tokens.add("latent:" + scope + (region != null ? region : b.device()));
                }
            } else if (device != null) {
                tokens.add("device:" + scope + device);
            }
            if (e instanceof Sigbus s && s.comm() != null) {
                tokens.add("process:" + scope + s.comm() + ":" + s.pid());
            }
            if (e instanceof Crash c && c.title() != null) {
                // The same crash report in two captures of one log (a console log and its mail copy).
                tokens.add("crash:" + scope + c.title());
            }
        }
        return tokens;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    // ---- one incident

    private static Incident incident(List<Finding> group, AddressMap addresses, Map<String, String> clockNotes) {
        Finding primary = group.stream().min(Comparator
                .comparingInt((Finding f) -> f.rule().severity().ordinal())
                .thenComparing(Comparator.comparingInt((Finding f) -> f.rule().rank()).reversed())
                .thenComparing(Finding::start)).orElseThrow();
        Set<String> labels = new TreeSet<>();
        Set<Event> eventSet = new HashSet<>();
        List<Event> events = new ArrayList<>();
        for (Finding f : group) {
            labels.add(f.kind());
            labels.addAll(f.rule().labels());
            for (Event e : f.events()) {
                if (eventSet.add(e)) {
                    events.add(e);
                }
            }
        }
        events.sort(Comparator.naturalOrder());
        Origin first = events.get(0).origin();
        Origin last = events.get(events.size() - 1).origin();
        // start and end come from the first and last timed lines: a device listing has no time
        Origin firstTimed = events.stream().map(Event::origin).filter(o -> o.micros() != null || o.wall() != null)
                .findFirst().orElse(first);
        Origin lastTimed = events.stream().map(Event::origin).filter(o -> o.micros() != null || o.wall() != null)
                .reduce((a, b) -> b).orElse(last);

        List<Incident.Process> processes = processes(events);
        List<String> pfns = pfns(events);
        if (pfns.isEmpty()) {
            // a latent media error: the first page of each listed range
            pfns = sortedHex(events.stream().filter(Badblock.class::isInstance).map(e -> ((Badblock) e).pfnStart())
                    .toList());
        }
        // A listed badblock's address is where a media error is, not an error report: it stands for the
        // incident only when nothing else in it names an address or page (a latent media error).
        boolean onlyListings = events.stream().allMatch(e -> e instanceof Badblock
                || hex(e, "physAddr") == null && hex(e, "pfn") == null);
        List<String> physAddrs = sortedHex(events.stream().filter(e -> !corrected(e))
                .filter(e -> onlyListings || !(e instanceof Badblock)).map(e -> hex(e, "physAddr")).toList());
        Set<String> devices = new TreeSet<>();
        Set<String> filesystems = new TreeSet<>();
        for (Event e : events) {
            Object device = value(e, "device");
            if (device != null) {
                devices.add(device.toString());
            }
            Object fs = value(e, "fs");
            if (fs != null) {
                filesystems.add(fs + (device == null ? "" : " (" + device + ")"));
            }
        }
        List<Incident.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (i < EVIDENCE_HEAD || i >= events.size() - EVIDENCE_TAIL) {
                Origin o = events.get(i).origin();
                evidence.add(new Incident.Evidence(o.file(), o.line(), o.text()));
            }
        }
        List<String> advice = new ArrayList<>();
        Set<String> seenKinds = new HashSet<>();
        group.stream().sorted(Comparator.comparingInt((Finding f) -> f == primary ? 0 : 1)
                        .thenComparingInt(f -> f.rule().severity().ordinal())
                        .thenComparing(Comparator.comparingInt((Finding f) -> f.rule().rank()).reversed())
                        .thenComparing(f -> f.kind()))
                .filter(f -> !f.advice().isBlank())
                // one piece of advice per kind: the primary's, then the most severe finding's of each other kind
                .filter(f -> seenKinds.add(f.kind()))
                .map(Finding::advice).distinct().forEach(advice::add);
        String kind = primary.kind();
        Severity severity = primary.rule().severity();
        String title = primary.render(primary.rule().title(), group);
        String rendered = primary.render(primary.rule().summary(), group);
        String summary = rendered.isBlank()
                ? events.size() + " evidence line(s); " + String.join(", ", labels) : rendered;
        IncidentLocations.Placed placed = IncidentLocations.place(pfns, persistentMemory(events), addresses);
        if (!placed.sentences().isEmpty()) {
            summary = summary + " " + String.join(" ", placed.sentences());
        }
        if (!placed.advice().isEmpty()) {
            advice.addAll(placed.advice());
        }
        if (placed.listed()) {
            // the consumed page is in a badblock ndctl lists, whether or not the badblock event joined the incident
            labels.add("media-error-badblocks");
        }

        String id = hash(first.host() + "|" + first.boot() + "|" + kind + "|" + pfns + "|" + physAddrs + "|" + devices
                + "|" + processes + (pfns.isEmpty() && physAddrs.isEmpty() && devices.isEmpty() && processes.isEmpty()
                ? "|" + first.sortMicros() + "|" + first.wall() + "|" + title : ""));
        String fingerprint = hash(kind + "|" + labels + "|" + fingerprintDetails(events));
        return new Incident(id, fingerprint, kind, new ArrayList<>(labels), severity.label(), title, summary,
                firstTimed.host(), first.boot(), firstTimed.kernel(), time(firstTimed), time(lastTimed), clock(events, clockNotes), pfns, physAddrs, placed.locations(),
                new ArrayList<>(devices), new ArrayList<>(filesystems),
                processes, evidence, events.size(), String.join("\n", advice));
    }

    /**
     * The clock notes of the evidence's inputs that bear on its times: not aligned, uncertain, or times
     * derived from a wall clock. A monotonic capture that only lent its clock to others needs no note.
     */
    private static String clock(List<Event> events, Map<String, String> clockNotes) {
        Set<String> notes = new TreeSet<>();
        for (Event e : events) {
            String note = clockNotes.get(e.origin().file());
            if (note != null && !note.startsWith("wall times derived")) {
                notes.add(e.origin().file() + ": " + note);
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** True when the incident is about persistent memory: a dax page, a listed badblock, a DAX fault. */
    private static boolean persistentMemory(List<Event> events) {
        for (Event e : events) {
            if (e instanceof MemoryFailure m && m.pageType() != null
                    && m.pageType().toLowerCase(Locale.ROOT).contains("dax")) {
                return true;
            }
            if (e instanceof dev.daxray.events.Badblock || e instanceof dev.daxray.events.FsDax) {
                return true;
            }
        }
        return false;
    }

    /** Monotonic seconds; a capture with only wall-clock time (syslog, journal, dmesg -T) gives its wall time. */
    private static Object time(Origin o) {
        return o.micros() != null ? EventSchema.seconds(o.micros()) : o.wall();
    }

    /** What stays the same when the same problem happens on another host: no addresses, pids, hosts, times. */
    private static String fingerprintDetails(List<Event> events) {
        Set<String> details = new TreeSet<>();
        for (Event e : events) {
            if (e instanceof Sigbus s && s.comm() != null) {
                details.add("comm=" + s.comm());
            }
            if (e instanceof MemoryFailure m) {
                details.add("page=" + m.pageType() + ":" + m.result());
            }
            if (e instanceof Crash c) {
                details.add("crash=" + c.title());
            }
            Object fs = value(e, "fs");
            if (fs != null) {
                details.add("fs=" + fs.toString().toLowerCase(Locale.ROOT));
            }
            Object device = value(e, "device");
            if (device != null) {
                details.add("device=" + device.toString().replaceAll("[0-9]+", "N"));
            }
        }
        return String.join(",", details);
    }

    /**
     * Pages the kernel named as poisoned: memory_failure verdicts, notes, injections, already-poisoned
     * and soft-offline lines, and the page of uncorrected MCE/GHES addresses. When only SIGBUS lines
     * name pages (a flood for one mapping, where each line names another page of the same extent),
     * the first page per process stands for them.
     */
    private static List<String> pfns(List<Event> events) {
        // Sets: a flood of repeated lines for one page must not make this quadratic.
        Set<Hex> pages = new LinkedHashSet<>();
        Set<Hex> addresses = new LinkedHashSet<>();
        for (Event e : events) {
            if (e instanceof Sigbus || e instanceof Edac) {
                continue;
            }
            // an MCE's page is its address's (below, uncorrected only); a threshold's page had corrected errors
            Hex pfn = e instanceof Mce || e instanceof CeThreshold ? null : hex(e, "pfn");
            if (pfn != null) {
                pages.add(pfn);
            }
            Hex phys = hex(e, "physAddr");
            if (phys != null && !corrected(e) && (e instanceof Mce || e instanceof Ghes)) {
                addresses.add(phys);
            }
        }
        // An address's page is address >> 12, unless a verdict in the incident names address >> 14 or
        // >> 16 (a kernel with 16 or 64 KiB pages): then that verdict's pfn stands for it.
        for (Hex phys : addresses) {
            if (!pages.contains(phys.shiftRight(14)) && !pages.contains(phys.shiftRight(16))) {
                pages.add(phys.shiftRight(12));
            }
        }
        if (pages.isEmpty()) {
            Set<String> seen = new HashSet<>();
            for (Event e : events) {
                if (e instanceof Sigbus s && s.pfn() != null && seen.add(s.comm() + ":" + s.pid())) {
                    pages.add(s.pfn());
                }
            }
        }
        return sortedHex(pages);
    }

    private static List<Incident.Process> processes(List<Event> events) {
        Map<String, Incident.Process> processes = new LinkedHashMap<>();
        for (Event e : events) {
            if (e instanceof Sigbus s && s.comm() != null) {
                processes.putIfAbsent(s.comm() + ":" + s.pid(), new Incident.Process(s.comm(), s.pid()));
            }
        }
        return new ArrayList<>(processes.values());
    }

    private static boolean corrected(Event e) {
        Object severity = value(e, "severity");
        if (severity == null) {
            return false;
        }
        String s = severity.toString().toLowerCase(Locale.ROOT);
        return s.contains("corrected") && !s.contains("uncorrected") || s.equals("ce");
    }

    private static List<String> sortedHex(java.util.Collection<Hex> values) {
        return values.stream().filter(java.util.Objects::nonNull).distinct().sorted().map(Hex::toString).toList();
    }

    private static Hex hex(Event e, String field) {
        return value(e, field) instanceof Hex h ? h : null;
    }

    private static Object value(Event e, String field) {
        return EventSchema.get().typeOf(e).field(field).map(f -> f.read(e)).orElse(null);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
