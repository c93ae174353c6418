package dev.daxray.timeline;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
 * <p>Streaming: a {@link Gatherer} sees each event as inputs are read and keeps, per host and boot, the
 * offsets (a bounded sample: {@link OffsetSample}) and one number per distinct event key (at most
 * {@link #TWIN_KEYS}); {@link Alignment#apply} then derives each event's times as the timeline hands
 * them out.
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

    /** Gathers, while inputs are read, what aligning needs: per host and boot, bounded. */
    static Gatherer gatherer() {
        return new Gatherer();
    }

    /** A host's boot: the scope of one offset. */
    private record ScopeKey(String host, int boot) {
    }

    /** One report of a key: how often it was seen and, when once, its time (monotonic or wall). */
    private static final class Seen {
        int count;
        long micros;
    }

    /** What one host's boot showed about its clocks. */
    private static final class Scope {
        final int order;
        final Set<String> monoInputs = new LinkedHashSet<>();
        final Set<String> wallInputs = new LinkedHashSet<>();
        final Set<String> zones = new LinkedHashSet<>();
        final Set<String> dmesgT = new LinkedHashSet<>();
        final OffsetSample offsets = new OffsetSample();
        final Map<Long, Seen> mono = new HashMap<>();
        final Map<Long, Seen> wall = new HashMap<>();
        boolean yearless;

        Scope(int order) {
            this.order = order;
        }

        void addAll(Scope other) {
            monoInputs.addAll(other.monoInputs);
            wallInputs.addAll(other.wallInputs);
            zones.addAll(other.zones);
            dmesgT.addAll(other.dmesgT);
            offsets.addAll(other.offsets);
            other.mono.forEach((k, v) -> count(mono, k, v.count, v.micros));
            other.wall.forEach((k, v) -> count(wall, k, v.count, v.micros));
            yearless |= other.yearless;
        }
    }

    /** At most this many distinct event keys per scope and clock are matched as twins. */
    static final int TWIN_KEYS = 16_384;

    private static void count(Map<Long, Seen> seen, long key, int times, long micros) {
        Seen s = seen.get(key);
        if (s == null) {
            if (seen.size() >= TWIN_KEYS) {
                return;
            }
            s = new Seen();
            s.micros = micros;
            seen.put(key, s);
        }
        s.count += times;
    }

    /** Sees every event as it is read; then {@link #align} decides the offsets. */
    static final class Gatherer {
        private final Map<ScopeKey, Scope> scopes = new LinkedHashMap<>();

        void see(Event e) {
            Origin o = e.origin();
            Scope scope = scopes.computeIfAbsent(new ScopeKey(o.host(), o.boot()), k -> new Scope(scopes.size()));
            Wall wall = parse(o.wall());
            if (wall != null) {
                scope.zones.add(Objects.requireNonNullElse(wall.zone(), ""));
                scope.yearless |= wall.yearless();
            }
            if (o.micros() != null && wall != null) {
                scope.offsets.add(wall.micros() - o.micros());
            } else if (o.micros() != null && o.wall() == null) {
                scope.monoInputs.add(o.file());
                count(scope.mono, key(e), 1, o.micros());
            } else if (o.micros() == null && wall != null) {
                scope.wallInputs.add(o.file());
                if (o.text().startsWith("[") && !o.text().startsWith("[ ")) {
                    scope.dmesgT.add(o.file()); // "[Sat Nov 21 08:03:11 2026] …"
                }
                count(scope.wall, key(e), 1, wall.micros());
            }
        }

        /** The alignment of every scope; captures without a host name are {@code onlyHost}'s when there is one. */
        Alignment align(String onlyHost) {
            Map<ScopeKey, Scope> merged = new LinkedHashMap<>();
            scopes.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().order)).forEach(e -> {
                ScopeKey k = e.getKey().host() == null && onlyHost != null ? new ScopeKey(onlyHost, e.getKey().boot()) : e.getKey();
                Scope into = merged.get(k);
                if (into == null) {
                    merged.put(k, e.getValue());
                } else {
                    into.addAll(e.getValue());
                }
            });
            Alignment alignment = new Alignment(onlyHost);
            merged.forEach(alignment::decide);
            return alignment;
        }
    }

    /** A scope whose wall clock was aligned: the offset and what follows from it. */
    private record Aligned(long offset, String zone, boolean yearless, Set<String> monoInputs, Set<String> wallInputs,
                           Map<Long, Long> twinMicros) {
    }

    /** The offsets decided, the notes for the user, and the events' times derived from them. */
    static final class Alignment {
        private final String onlyHost;
        private final Map<ScopeKey, Aligned> aligned = new HashMap<>();
        private final Map<String, ClockNote> notes = new TreeMap<>();
        private final Map<List<Object>, Long> lastSort = new HashMap<>();

        private Alignment(String onlyHost) {
            this.onlyHost = onlyHost;
        }

        Map<String, ClockNote> notes() {
            return notes;
        }

        /** True when some wall-clock input got monotonic times: the events must then be sorted again. */
        boolean reorders() {
            return aligned.values().stream().anyMatch(a -> !a.wallInputs().isEmpty());
        }

        /**
         * The event with derived times: a wall-only event of an aligned input gets a monotonic time (its
         * twin's when another capture reports it too, else {@code wall - offset}; untimed lines between keep
         * their place), a monotonic-only one a wall time. Events of one input come in line order.
         */
        Event apply(Event e) {
            Origin o = e.origin();
            ScopeKey key = new ScopeKey(o.host() != null ? o.host() : onlyHost, o.boot());
            Aligned a = aligned.get(key);
            if (a == null) {
                return e;
            }
            if (a.wallInputs().contains(o.file())) {
                Wall wall = parse(o.wall());
                Long micros = null;
                if (o.micros() == null && wall != null) {
                    Long twin = a.twinMicros().get(key(e));
                    micros = twin != null ? twin : Math.max(0, wall.micros() - a.offset());
                }
                List<Object> file = List.of(key, o.file());
                long sort = micros != null ? micros : lastSort.getOrDefault(file, o.sortMicros());
                lastSort.put(file, sort);
                o = new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(), micros != null ? micros : o.micros(),
                        sort, o.wall(), o.boot(), o.host(), o.kernel(), o.also());
                e = Events.withOrigin(e, o);
            }
            if (o.micros() != null && o.wall() == null && a.monoInputs().contains(o.file())) {
                e = Events.withOrigin(e, new Origin(o.file(), o.input(), o.line(), o.endLine(), o.text(), o.micros(),
                        o.sortMicros(), format(o.micros() + a.offset(), a.zone(), a.yearless()), o.boot(), o.host(),
                        o.kernel(), o.also()));
            }
            return e;
        }

        private void decide(ScopeKey key, Scope scope) {
            if (scope.wallInputs.isEmpty() && (scope.monoInputs.isEmpty() || scope.offsets.count() == 0)) {
                return; // nothing to align, or nothing to align it with
            }
            // twins: one event reported once by a wall-only input and once by a monotonic-only one
            OffsetSample offsets = scope.offsets.copy();
            Map<Long, Long> twinMicros = new HashMap<>();
            scope.wall.forEach((k, w) -> {
                Seen m = scope.mono.get(k);
                if (w.count == 1 && m != null && m.count == 1) {
                    offsets.add(w.micros - m.micros);
                    twinMicros.put(k, m.micros);
                }
            });
            Set<String> monoInputs = scope.monoInputs;
            Set<String> wallInputs = scope.wallInputs;
            String withWhat = monoInputs.isEmpty() ? "the kernel timestamps of the wall-clock captures"
                    : String.join(", ", monoInputs);
            if (offsets.count() == 0) {
                if (!monoInputs.isEmpty()) {
                    for (String f : wallInputs) {
                        notes.put(f, new ClockNote(ClockNote.Kind.NOT_ALIGNED, "wall clock not aligned with the monotonic"
                                + " clock of " + withWhat + ": no line carries both clocks and no event is reported by"
                                + " both; its lines keep their wall time only and are not interleaved with the monotonic"
                                + " captures"));
                    }
                    for (String f : monoInputs) {
                        notes.putIfAbsent(f, new ClockNote(ClockNote.Kind.NOT_ALIGNED, "monotonic clock not aligned with"
                                + " the wall clock of " + String.join(", ", wallInputs) + ": no event both report"));
                    }
                }
                return;
            }
            long spread = offsets.max() - offsets.min();
            String zone = scope.zones.size() == 1 ? scope.zones.iterator().next() : null;
            if (spread > TOLERANCE_MICROS) {
                String why = "wall clock alignment uncertain: the " + offsets.count() + " events it shares with "
                        + withWhat + " put the boot's wall-clock offset " + seconds(spread) + " s apart (dmesg -T after a"
                        + " suspend/resume leaves out the time suspended; or the clock was stepped); times are the"
                        + " capture's own, not derived";
                for (String f : wallInputs) {
                    notes.put(f, new ClockNote(ClockNote.Kind.UNCERTAIN, why));
                }
                for (String f : monoInputs) {
                    notes.putIfAbsent(f, new ClockNote(ClockNote.Kind.UNCERTAIN, "not aligned with the wall clock of "
                            + String.join(", ", wallInputs) + ": their offsets disagree by " + seconds(spread) + " s"));
                }
                return;
            }
            String basis = offsets.count() + " shared line(s), offsets within " + seconds(spread) + " s";
            aligned.put(key, new Aligned(offsets.median(), zone, scope.yearless, monoInputs, wallInputs, twinMicros));
            for (String f : wallInputs) {
                notes.put(f, new ClockNote(ClockNote.Kind.ALIGNED, "wall clock aligned with the monotonic clock of "
                        + withWhat + " (" + basis + "): its lines get a monotonic time, exact for lines the other capture"
                        + " also has, else as precise as the wall stamp" + (scope.dmesgT.contains(f)
                        && wallInputs.size() == 1 && offsets.count() == twinMicros.size()
                        ? "; dmesg -T stamps are early by the time suspended if the host suspended before they were"
                        + " printed, and nothing else in the bundle checks them" : "")));
            }
            for (String f : monoInputs) {
                notes.putIfAbsent(f, new ClockNote(ClockNote.Kind.WALL_DERIVED, "wall times derived from the wall clock of "
                        + (wallInputs.isEmpty() ? "the syslog lines' own stamps" : String.join(", ", wallInputs))
                        + " (" + basis + ")"));
            }
        }
    }

    private static String seconds(long micros) {
        return EventSchema.seconds(micros).stripTrailingZeros().toPlainString();
    }

    /**
     * Type and own fields, hashed to 64 bits: what two reports of one kernel message share, whatever their
     * prefixes (a hash, so a storm's keys cost a number each; two messages that differ and still hash alike
     * only lose the exact time a twin would lend them).
     */
    private static long key(Event e) {
        EventSchema.Type type = EventSchema.get().typeOf(e);
        long hash = type.name().hashCode();
        for (EventSchema.Field f : type.ownFields()) {
            hash = (hash ^ Objects.hashCode(f.read(e))) * 0x9e3779b97f4a7c15L;
            hash ^= hash >>> 29;
        }
        return hash;
    }
}
