package dev.daxray.timeline;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Event;
import dev.daxray.events.EventSchema;
import dev.daxray.events.Events;
import dev.daxray.events.Origin;

/**
 * Aligns wall-clock captures ({@code dmesg -T}, journal {@code short-iso}, syslog) with monotonic ones
 * (plain dmesg, journal {@code short-monotonic}, traces) of the same host and boot, so a host bundle is
 * one timeline.
 *
 * <p>The boot's offset (wall − monotonic) comes from lines that carry both clocks (syslog lines that
 * kept the kernel's {@code [sec.usec]}) and from events that a wall-only and a monotonic-only input both
 * report (the same type and fields, once in each: a {@code dmesg} and a {@code dmesg -T} of one boot).
 * The offset is their median. When the candidates disagree by more than {@link #TOLERANCE_MICROS}
 * ({@code dmesg -T} after a suspend: its times omit the time suspended; a clock step), nothing is
 * derived and the inputs are told so. Otherwise wall-only events get a monotonic time (an event both
 * report gets its twin's exact time, so the copies merge; the others {@code wall − offset}, as precise
 * as the wall stamp) and monotonic-only events get a wall time.
 *
 * <p>Walls are taken as the host's local clock fields; a zone suffix is kept on derived walls when all
 * walls of the boot share it. Year-less syslog stamps are aligned within the year and derived walls keep
 * their {@code --MM-DD} form.
 */
final class WallClock {

    /** Offsets that differ by more than this mean the wall clock moved against the monotonic one. */
    static final long TOLERANCE_MICROS = 2_000_000L;

    private static final Pattern WALL = Pattern.compile(
            "^(\\d{4}|-)-(\\d\\d)-(\\d\\d)[T ](\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d{1,9})?(Z|[+-]\\d\\d:?\\d\\d)?$");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter YEARLESS = DateTimeFormatter.ofPattern("'--'MM-dd'T'HH:mm:ss.SSSSSS");

    /** A parsed wall stamp: local-clock microseconds since the epoch (as if UTC), zone suffix, yearless. */
    record Wall(long micros, String zone, boolean yearless) {
    }

    /** The events with derived times, and a note per input that the user should hear. */
    record Result(List<Event> events, Map<String, String> notes) {
    }

    private WallClock() {
    }

    static Wall parse(String wall) {
        if (wall == null) {
            return null;
        }
        Matcher m = WALL.matcher(wall);
        if (!m.matches()) {
            return null;
        }
        boolean yearless = m.group(1).equals("-");
        try {
            LocalDateTime t = LocalDateTime.of(yearless ? 2000 : Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)));
            long micros = t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
            if (m.group(7) != null) {
                String frac = (m.group(7).substring(1) + "000000").substring(0, 6);
                micros += Long.parseLong(frac);
            }
            return new Wall(micros, m.group(8), yearless);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static String format(long micros, String zone, boolean yearless) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        return (yearless ? YEARLESS : FULL).format(t) + (zone == null ? "" : zone);
    }

    static Result align(List<Event> events) {
        // one host per run when the logs name at most one: captures without a host name are its
        List<String> hosts = events.stream().map(e -> e.origin().host()).filter(Objects::nonNull).distinct().toList();
        String onlyHost = hosts.size() == 1 ? hosts.get(0) : null;
        Map<String, List<Integer>> scopes = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Origin o = events.get(i).origin();
            String host = o.host() != null ? o.host() : onlyHost;
            scopes.computeIfAbsent(host + "/" + o.boot(), k -> new ArrayList<>()).add(i);
        }
        List<Event> out = new ArrayList<>(events);
        Map<String, String> notes = new TreeMap<>();
        for (List<Integer> scope : scopes.values()) {
            alignScope(events, scope, out, notes);
        }
        return new Result(out, notes);
    }

    private static void alignScope(List<Event> events, List<Integer> scope, List<Event> out, Map<String, String> notes) {
        Set<String> monoInputs = new LinkedHashSet<>();
        Set<String> wallInputs = new LinkedHashSet<>();
        List<Long> offsets = new ArrayList<>();
        Map<String, List<Integer>> monoByKey = new HashMap<>();
        Map<String, List<Integer>> wallByKey = new HashMap<>();
        Set<String> zones = new LinkedHashSet<>();
        Set<String> dmesgT = new LinkedHashSet<>();
        boolean yearless = false;
        for (int i : scope) {
            Event e = events.get(i);
            Origin o = e.origin();
            Wall wall = parse(o.wall());
            if (wall != null) {
                zones.add(Objects.requireNonNullElse(wall.zone(), ""));
                yearless |= wall.yearless();
            }
            if (o.micros() != null && wall != null) {
                offsets.add(wall.micros() - o.micros());
            } else if (o.micros() != null && o.wall() == null) {
                monoInputs.add(o.file());
                monoByKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(i);
            } else if (o.micros() == null && wall != null) {
                wallInputs.add(o.file());
                if (o.text().startsWith("[") && !o.text().startsWith("[ ")) {
                    dmesgT.add(o.file()); // "[Sat Nov 21 08:03:11 2026] …"
                }
                wallByKey.computeIfAbsent(key(e), k -> new ArrayList<>()).add(i);
            }
        }
        if (wallInputs.isEmpty() && (monoInputs.isEmpty() || offsets.isEmpty())) {
            return; // nothing to align, or nothing to align it with
        }
        if (monoInputs.isEmpty() && wallInputs.isEmpty()) {
            return;
        }
        // twins: one event reported once by a wall-only input and once by a monotonic-only one
        Map<Integer, Long> twinMicros = new HashMap<>();
        Set<String> twinInputs = new LinkedHashSet<>();
        for (Map.Entry<String, List<Integer>> w : wallByKey.entrySet()) {
            List<Integer> m = monoByKey.get(w.getKey());
            if (w.getValue().size() == 1 && m != null && m.size() == 1) {
                Origin wo = events.get(w.getValue().get(0)).origin();
                Origin mo = events.get(m.get(0)).origin();
                offsets.add(parse(wo.wall()).micros() - mo.micros());
                twinMicros.put(w.getValue().get(0), mo.micros());
                twinInputs.add(mo.file());
            }
        }
        Set<String> others = new LinkedHashSet<>(monoInputs);
        String withWhat = others.isEmpty() ? "the kernel timestamps of the wall-clock captures" : String.join(", ", others);
        if (offsets.isEmpty()) {
            if (!monoInputs.isEmpty()) {
                for (String f : wallInputs) {
                    notes.put(f, "wall clock not aligned with the monotonic clock of " + withWhat + ": no line carries"
                            + " both clocks and no event is reported by both; its lines keep their wall time only and"
                            + " are not interleaved with the monotonic captures");
                }
                for (String f : monoInputs) {
                    notes.putIfAbsent(f, "monotonic clock not aligned with the wall clock of "
                            + String.join(", ", wallInputs) + ": no event both report");
                }
            }
            return;
        }
        offsets.sort(null);
        long spread = offsets.get(offsets.size() - 1) - offsets.get(0);
        long offset = offsets.get(offsets.size() / 2);
        String zone = zones.size() == 1 ? zones.iterator().next() : null;
        if (spread > TOLERANCE_MICROS) {
            String why = "wall clock alignment uncertain: the " + offsets.size() + " events it shares with "
                    + withWhat + " put the boot's wall-clock offset " + seconds(spread) + " s apart (dmesg -T after a"
                    + " suspend/resume leaves out the time suspended; or the clock was stepped); times are the"
                    + " capture's own, not derived";
            for (String f : wallInputs) {
                notes.put(f, why);
            }
            for (String f : monoInputs) {
                notes.putIfAbsent(f, "not aligned with the wall clock of " + String.join(", ", wallInputs)
                        + ": their offsets disagree by " + seconds(spread) + " s");
            }
            return;
        }
        String basis = offsets.size() + " shared line(s), offsets within " + seconds(spread) + " s";
        // wall-only events: a monotonic time; untimed lines between them keep their place
        Map<String, Long> lastSort = new HashMap<>();
        List<Integer> ordered = new ArrayList<>(scope);
        ordered.sort(Comparator.comparing((Integer i) -> events.get(i).origin().input())
                .thenComparingLong(i -> events.get(i).origin().line()));
        for (int i : ordered) {
            Event e = events.get(i);
            Origin o = e.origin();
            if (!wallInputs.contains(o.file())) {
                continue;
            }
            Wall wall = parse(o.wall());
            Long micros = null;
            if (o.micros() == null && wall != null) {
                micros = twinMicros.getOrDefault(i, Math.max(0, wall.micros() - offset));
            }
            long sort = micros != null ? micros : lastSort.getOrDefault(o.file(), o.sortMicros());
            lastSort.put(o.file(), sort);
            out.set(i, Events.withOrigin(e, new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(),
                    micros != null ? micros : o.micros(), sort, o.wall(), o.boot(), o.host(), o.kernel(), o.also())));
        }
        for (String f : wallInputs) {
            notes.put(f, "wall clock aligned with the monotonic clock of " + withWhat + " (" + basis + "): its lines"
                    + " get a monotonic time, exact for lines the other capture also has, else as precise as the"
                    + " wall stamp" + (dmesgT.contains(f) && wallInputs.size() == 1 && offsets.size() == twinMicros.size()
                    ? "; dmesg -T stamps are early by the time suspended if the host suspended before they were"
                    + " printed, and nothing else in the bundle checks them" : ""));
        }
        // monotonic-only events: a wall time
        for (int i : scope) {
            Event e = out.get(i);
            Origin o = e.origin();
            if (o.micros() != null && o.wall() == null && monoInputs.contains(o.file())) {
                out.set(i, Events.withOrigin(e, new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(),
                        o.micros(), o.sortMicros(), format(o.micros() + offset, zone, yearless), o.boot(), o.host(),
                        o.kernel(), o.also())));
            }
        }
        for (String f : monoInputs) {
            notes.putIfAbsent(f, "wall times derived from the wall clock of "
                    + (wallInputs.isEmpty() ? "the syslog lines' own stamps" : String.join(", ", wallInputs))
                    + " (" + basis + ")");
        }
    }

    private static String seconds(long micros) {
        return EventSchema.seconds(micros).stripTrailingZeros().toPlainString();
    }

    /** Type and own fields: what two reports of one kernel message share, whatever their prefixes. */
    private static String key(Event e) {
        EventSchema.Type type = EventSchema.get().typeOf(e);
        StringBuilder key = new StringBuilder(type.name());
        for (EventSchema.Field f : type.ownFields()) {
            key.append('|').append(f.read(e));
        }
        return key.toString();
    }
}
