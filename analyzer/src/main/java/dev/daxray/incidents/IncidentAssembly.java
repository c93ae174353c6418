package dev.daxray.incidents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.daxray.address.AddressMap;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;
import dev.daxray.events.Origin;
import dev.daxray.matches.EventTally;
import dev.daxray.matches.Finding;
import dev.daxray.matches.PageSet;
import dev.daxray.rules.Severity;
import dev.daxray.timeline.ClockNote;

/**
 * Writes one incident from its draft: the primary finding gives the kind, title and summary (rendered
 * again with the whole incident's {@code {incident.*}} values), every kind becomes a label, the pages are
 * placed on the persistent-memory devices, and the id and fingerprint are hashed from what the incident
 * names. Output does not depend on file paths or the order inputs were given.
 */
final class IncidentAssembly {

    private IncidentAssembly() {
    }

    static Incident assemble(IncidentDraft draft, AddressMap addresses, Map<String, ClockNote> clockNotes) {
        EventTally tally = draft.tally();
        Finding primary = draft.primary();
        Set<String> labels = new TreeSet<>(draft.labels());
        PageSet pages = tally.poisonedPages();
        List<String> pfns = pages.lowest(Incident.PFNS_LISTED).stream().map(p -> new Hex(p).toString()).toList();
        boolean many = pages.count() > Incident.FEW_PAGES;
        List<String> physAddrs = tally.physAddrs();
        List<String> devices = tally.deviceList();
        List<Incident.Process> processes = tally.processList().stream()
                .map(p -> new Incident.Process(p.comm(), p.pid())).toList();
        String kind = primary.kind();
        String title = primary.render(primary.rule().title(), tally);
        String rendered = primary.render(primary.rule().summary(), tally);
        String summary = rendered.isBlank() ? tally.evidence() + " evidence line(s); " + String.join(", ", labels) : rendered;
        String burst = burst(tally, pages);
        if (!burst.isEmpty()) {
            summary = sentence(summary) + " " + burst;
        }
        List<String> advice = new ArrayList<>(draft.advice());
        IncidentLocations.Placed placed = IncidentLocations.place(pfns, Math.max(pages.count(), pfns.size()),
                tally.persistentMemory(), addresses);
        if (!placed.sentences().isEmpty()) {
            summary = sentence(summary) + " " + String.join(" ", placed.sentences());
        }
        advice.addAll(placed.advice());
        Severity severity = primary.rule().severity();
        if (Injection.seen(labels)) {
            severity = Injection.severity(severity, kind);
            summary = Injection.summary(summary, kind);
        }
        if (placed.listed()) {
            // the consumed page is in a badblock ndctl lists, whether or not the badblock event joined the incident
            labels.add("media-error-badblocks");
        }
        Origin first = tally.first();
        String id = hash(first.host() + "|" + first.boot() + "|" + kind + "|" + pfns + "|" + physAddrs + "|" + devices
                + "|" + processes + (pfns.isEmpty() && physAddrs.isEmpty() && devices.isEmpty() && processes.isEmpty()
                ? "|" + first.sortMicros() + "|" + first.wall() + "|" + title : ""));
        String fingerprint = hash(kind + "|" + labels + "|" + tally.fingerprintDetails());
        List<Incident.Evidence> evidence = tally.shownEvidence().stream()
                .map(o -> new Incident.Evidence(o.file(), o.line(), o.text())).toList();
        Origin firstTimed = tally.firstTimed();
        return new Incident(id, fingerprint, kind, new ArrayList<>(labels), severity.label(), title,
                summary, firstTimed.host(), first.boot(), firstTimed.kernel(), time(firstTimed), time(tally.lastTimed()),
                clock(tally.files(), clockNotes), pfns,
                many ? new Incident.PfnRange(new Hex(pages.min()).toString(), new Hex(pages.max()).toString()) : null,
                many ? pages.count() : null, physAddrs, placed.locations(), devices, tally.filesystemList(), processes,
                evidence, (int) Math.min(Integer.MAX_VALUE, tally.evidence()), String.join("\n", advice));
    }

    /**
     * For an incident over several pages, what happened to them: "On 9 pages from 0x1000 to 0x1008:
     * memory_failure() verdicts 7 Failed, 2 Recovered; 12 SIGBUS lines." Empty for one page.
     */
    static String burst(EventTally tally, PageSet pages) {
        long verdicts = tally.verdicts().values().stream().mapToLong(Long::longValue).sum();
        if (pages.count() < 2 || verdicts < 2 && tally.softOfflines() < 2) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (verdicts > 0) {
            List<String> counts = new ArrayList<>();
            tally.verdicts().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> counts.add(e.getValue() + " " + e.getKey()));
            parts.add("memory_failure() verdicts: " + String.join(", ", counts));
        }
        if (tally.softOfflines() > 0) {
            parts.add(count(tally.softOfflines(), "soft-offline line"));
        }
        if (tally.sigbusLines() > 0) {
            parts.add(count(tally.sigbusLines(), "SIGBUS line"));
        }
        return "On " + tally.pages() + ": " + String.join("; ", parts) + ".";
    }

    /** {@code text} ending as a sentence, so another can follow. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.isEmpty() || ".!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + ".";
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * The clock notes of the evidence's inputs that bear on its times: not aligned, uncertain, or times
     * derived from a wall clock. A monotonic capture that only lent its clock to others needs no note.
     */
    private static String clock(Set<String> files, Map<String, ClockNote> clockNotes) {
        Set<String> notes = new TreeSet<>();
        for (String file : files) {
            ClockNote note = clockNotes.get(file);
            if (note != null && note.concernsEvidence()) {
                notes.add(file + ": " + note.text());
            }
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    /** Monotonic seconds; a capture with only wall-clock time (syslog, journal, dmesg -T) gives its wall time. */
    private static Object time(Origin o) {
        return o.micros() != null ? EventSchema.seconds(o.micros()) : o.wall();
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
