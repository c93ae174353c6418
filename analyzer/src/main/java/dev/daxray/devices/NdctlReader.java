package dev.daxray.devices;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.DimmHealth;
import dev.daxray.events.Event;
import dev.daxray.events.NdctlMonitor;
import dev.daxray.events.Origin;
import dev.daxray.devices.JsonTree.Arr;
import dev.daxray.devices.JsonTree.Obj;

/**
 * Reads ndctl and daxctl JSON (reference §1) into {@link DeviceState}: top-level arrays, bare
 * objects, {@code {"dimms":[…],"regions":[…]}} containers, bus arrays with nesting, several documents
 * in one file, documents inside a shell transcript, {@code -u} human sizes and hex strings,
 * {@code ndctl monitor} lines, {@code read-infoblock -j} and {@code inject-error --status}. A document
 * cut off part-way keeps every object that was complete before the break; the rest is a
 * {@link Problem} at the line of the break.
 */
public final class NdctlReader {

    /** What one text gave. */
    public record Result(DeviceState state, List<Event> events, List<Problem> problems) {
        public Result {
            events = List.copyOf(events);
            problems = List.copyOf(problems);
        }
    }

    private static final Set<String> CONTAINER_KEYS = Set.of("buses", "dimms", "regions", "namespaces", "devices");
    private static final Pattern NAMESPACE_NAME = Pattern.compile("\\bnamespace\\d+\\.\\d+\\b");

    private final String file;
    private final List<Bus> buses = new ArrayList<>();
    private final List<Dimm> dimms = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<Namespace> namespaces = new ArrayList<>();
    private final List<DaxRegion> daxRegions = new ArrayList<>();
    private final List<DaxDevice> daxDevices = new ArrayList<>();
    private final List<MonitorEvent> monitorEvents = new ArrayList<>();
    private final List<InfoBlock> infoBlocks = new ArrayList<>();
    private final List<Badblock> orphans = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private NdctlReader(String file) {
        this.file = file;
    }

    /** Whether a line opens a JSON document (so a transcript reader can hand the text over). */
    public static boolean looksLikeJson(String line) {
        return JsonIslands.looksLikeJson(line);
    }

    /**
     * Reads every JSON document in {@code text}, whose first line is line {@code firstLine} of
     * {@code file}. Events carry no physical addresses; call {@link #events(DeviceState, BadblockLocator)}
     * with the bundle's address map for those.
     */
    public static Result read(String file, String text, long firstLine) {
        NdctlReader reader = new NdctlReader(file);
        for (JsonIslands.Island island : new JsonIslands(text, firstLine).read()) {
            reader.island(island);
        }
        DeviceState state = reader.state();
        return new Result(state, events(state, BadblockLocator.NONE), reader.problems);
    }

    /** The timeline events a device state gives, with physical addresses where {@code locator} knows them. */
    public static List<Event> events(DeviceState state, BadblockLocator locator) {
        List<Event> events = new ArrayList<>();
        for (Badblock b : state.badblocks()) {
            BadblockLocator.Extent extent = locator.extent(b).orElse(null);
            events.add(new dev.daxray.events.Badblock(origin(b.file(), b.line(), b.line(), b.text(), null),
                    b.device(), b.scope().label(), b.offset(), b.length(), b.dimms(),
                    extent == null ? null : extent.start(), b.length() * Badblock.SECTOR,
                    extent == null ? null : extent.pfnStart(), extent == null ? null : extent.pfnEnd()));
        }
        for (Dimm d : state.dimms()) {
            if (d.health() != null || !d.flags().isEmpty()) {
                Dimm.Health h = d.health();
                events.add(new DimmHealth(origin(d.file(), d.line(), d.endLine(), d.text(), null), d.dev(),
                        h == null ? null : h.state(), h == null ? null : h.shutdownCount(),
                        h == null ? null : h.shutdownState(), h == null ? null : h.sparesPercentage(),
                        h == null ? null : h.lifeUsedPercentage(), alarms(d),
                        h == null ? null : h.temperature(), h == null ? null : h.controllerTemperature()));
            }
        }
        for (MonitorEvent m : state.monitorEvents()) {
            Dimm d = m.dimm();
            Dimm.Health h = d == null ? null : d.health();
            events.add(new NdctlMonitor(origin(m.file(), m.line(), m.endLine(), m.text(), m.wall()),
                    d == null ? null : d.dev(), m.events(), h == null ? null : h.state(),
                    h == null ? null : h.shutdownCount(), h == null ? null : h.sparesPercentage(),
                    d == null ? null : alarms(d), m.pid()));
        }
        events.sort(null);
        return events;
    }

    private static List<String> alarms(Dimm d) {
        List<String> all = new ArrayList<>(d.health() == null ? List.of() : d.health().alarms());
        all.addAll(d.flags());
        return all;
    }

    private static Origin origin(String file, long line, long endLine, String text, String wall) {
        return new Origin(file, 0, line, Math.max(line, endLine), text, null, 0, wall, 0, null, null);
    }

    private DeviceState state() {
        return new DeviceState(buses, dimms, regions, namespaces, daxRegions, daxDevices, monitorEvents, infoBlocks,
                orphans);
    }

    private record Ctx(String bus, String region, String namespace, String mode, String command) {
        static final Ctx ROOT = new Ctx(null, null, null, null, null);
    }

    private void island(JsonIslands.Island island) {
        if (island.problem() != null) {
            StringBuilder message = new StringBuilder(island.problem());
            List<String> lost = new ArrayList<>();
            incomplete(island.value(), lost);
            if (!lost.isEmpty()) {
                message.append("; not read (incomplete): ").append(String.join(", ", lost));
            }
            problems.add(new Problem(file, island.problemLine(), message.toString()));
        }
        if (island.value() != null) {
            visit(island.value(), new Ctx(null, null, null, null, island.before()));
        }
    }

    /** Names the incomplete objects of a cut-off document, outermost first. */
    private static void incomplete(Object value, List<String> out) {
        if (value instanceof Obj o && !o.complete()) {
            String name = o.str("dev") != null ? o.str("dev") : o.str("chardev") != null ? o.str("chardev") : "object";
            out.add(name + " (line " + o.line() + ")");
            o.fields().values().forEach(v -> incomplete(v, out));
        } else if (value instanceof Arr a && !a.complete()) {
            a.items().forEach(v -> incomplete(v, out));
        }
    }

    private void visit(Object value, Ctx ctx) {
        if (value instanceof Arr arr) {
            arr.items().forEach(item -> visit(item, ctx));
        } else if (value instanceof Obj obj) {
            try {
                object(obj, ctx);
            } catch (RuntimeException e) {
                problems.add(new Problem(file, obj.line(), "cannot read " + describe(obj) + ": " + e.getMessage()));
            }
        }
        // scalars only occur inside objects, which read them by key
    }

    private void object(Obj o, Ctx ctx) {
        String dev = o.str("dev");
        if (o.has("timestamp") && o.has("event") && o.has("dimm")) {
            monitor(o);
        } else if (o.has("provider")) {
            bus(o, ctx);
        } else if (dev != null && dev.startsWith("nmem") || dev == null && o.has("health") && o.has("handle")) {
            if (o.complete()) {
                dimms.add(dimm(o, ctx.bus()));
            }
        } else if (dev != null && dev.startsWith("region") || dev == null && o.has("persistence_domain")) {
            region(o, ctx);
        } else if (dev != null && (dev.startsWith("namespace") || o.has("mode"))) {
            namespace(o, ctx);
        } else if (dev == null && o.has("chardev")) {
            daxDevice(o, ctx);
        } else if (dev == null && o.has("id") && (o.has("path") || o.has("devices") || o.has("available_size"))) {
            daxRegion(o, ctx);
        } else if (o.has("signature") || o.has("dataoff")) {
            if (o.complete()) {
                infoBlock(o, ctx);
            }
        } else if (dev == null && o.has("badblocks") && o.fields().size() == 1) {
            injected(o, ctx);
        } else if (dev == null && o.fields().keySet().stream().anyMatch(CONTAINER_KEYS::contains)) {
            for (Map.Entry<String, Object> e : o.fields().entrySet()) {
                if (CONTAINER_KEYS.contains(e.getKey())) {
                    visit(e.getValue(), ctx);
                }
            }
        } else if (o.complete()) {
            problems.add(new Problem(file, o.line(), "not an ndctl/daxctl object: keys " + o.fields().keySet()));
        }
    }

    private void bus(Obj o, Ctx ctx) {
        String dev = o.str("dev");
        if (o.complete()) {
            buses.add(new Bus(file, o.line(), dev, o.str("provider"), o.str("scrub_state")));
        }
        Ctx inner = new Ctx(dev, null, null, null, ctx.command());
        visit(o.get("dimms"), inner);
        visit(o.get("regions"), inner);
        visit(o.get("namespaces"), inner);
    }

    private Dimm dimm(Obj o, String bus) {
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, Object> e : o.fields().entrySet()) {
            if (e.getKey().startsWith("flag_") && Boolean.TRUE.equals(e.getValue())) {
                flags.add(e.getKey().substring("flag_".length()));
            }
        }
        Obj h = o.obj("health");
        Dimm.Health health = null;
        if (h != null) {
            List<String> alarms = new ArrayList<>();
            for (Map.Entry<String, Object> e : h.fields().entrySet()) {
                if (e.getKey().startsWith("alarm_") && !e.getKey().startsWith("alarm_enabled_")
                        && Boolean.TRUE.equals(e.getValue())) {
                    alarms.add(e.getKey().substring("alarm_".length()));
                }
            }
            health = new Dimm.Health(h.str("health_state"), Values.decimal(h.get("temperature_celsius")),
                    Values.decimal(h.get("controller_temperature_celsius")), Values.int32(h.get("spares_percentage")),
                    Values.int32(h.get("spares_threshold")), Values.decimal(h.get("temperature_threshold")),
                    Values.int32(h.get("life_used_percentage")), h.str("shutdown_state"),
                    Values.integer(h.get("shutdown_count")), alarms);
        }
        return new Dimm(file, o.line(), o.str("dev"), o.str("id"), Values.hex(o.get("handle")),
                Values.hex(o.get("phys_id")), o.str("state"), o.has("security") ? o.str("security") : o.str("security:"),
                flags, health, bus, o.endLine(), JsonTree.compact(o));
    }

    private void region(Obj o, Ctx ctx) {
        String dev = o.str("dev");
        List<Badblock> badblocks = badblocks(o, dev, Badblock.Scope.REGION);
        if (o.complete()) {
            List<DimmMapping> mappings = new ArrayList<>();
            for (Object m : o.list("mappings")) {
                if (m instanceof Obj mo) {
                    mappings.add(new DimmMapping(mo.str("dimm"), Values.hex(mo.get("offset")),
                            Values.hex(mo.get("length")), Values.int32(mo.get("position"))));
                }
            }
            regions.add(new Region(file, o.line(), dev, Values.size(o.get("size")), Values.size(o.get("align")),
                    Values.size(o.get("available_size")), Values.size(o.get("max_available_extent")), o.str("type"),
                    Values.int32(o.get("numa_node")), Values.hex(o.get("iset_id")), mappings, o.str("state"),
                    Values.integer(o.get("badblock_count")), badblocks, o.str("persistence_domain"), ctx.bus()));
        } else {
            orphans.addAll(badblocks);
        }
        visit(o.get("namespaces"), new Ctx(ctx.bus(), dev, null, null, ctx.command()));
    }

    private void namespace(Obj o, Ctx ctx) {
        String dev = o.str("dev");
        String mode = Namespace.normaliseMode(o.str("mode"));
        Badblock.Scope scope = "devdax".equals(mode) ? Badblock.Scope.DAX : Badblock.Scope.NAMESPACE;
        List<Badblock> badblocks = badblocks(o, dev, scope);
        DaxRegion daxRegion = null;
        Obj dr = o.obj("daxregion");
        if (dr != null) {
            daxRegion = daxRegion(dr, new Ctx(ctx.bus(), ctx.region(), dev, mode, ctx.command()));
        }
        String region = ctx.region() != null ? ctx.region() : Namespace.regionOf(dev);
        if (o.complete()) {
            namespaces.add(new Namespace(file, o.line(), dev, mode, o.str("mode"), o.str("map"),
                    Values.size(o.get("size")), o.str("uuid"), o.str("raw_uuid"), Values.int32(o.get("sector_size")),
                    Values.integer(o.get("align")), o.str("blockdev"), o.str("chardev"), o.str("state"),
                    o.str("name"), Values.int32(o.get("numa_node")), Values.integer(o.get("badblock_count")),
                    badblocks, daxRegion, region, ctx.bus()));
        } else {
            orphans.addAll(badblocks);
        }
    }

    private List<Badblock> badblocks(Obj o, String device, Badblock.Scope scope) {
        List<Badblock> list = new ArrayList<>();
        for (Object item : o.list("badblocks")) {
            if (item instanceof Obj b && b.complete()) {
                List<String> dimmNames = new ArrayList<>();
                for (Object d : b.list("dimms")) {
                    dimmNames.add(Values.string(d));
                }
                boolean injected = scope == Badblock.Scope.INJECTED;
                list.add(new Badblock(file, b.line(), device, scope,
                        Values.integer(b.get(injected ? "block" : "offset")),
                        Values.integer(b.get(injected ? "count" : "length")), dimmNames, JsonTree.compact(b)));
            }
        }
        return list;
    }

    private void injected(Obj o, Ctx ctx) {
        String namespace = null;
        if (ctx.command() != null && ctx.command().contains("inject-error")) {
            Matcher m = NAMESPACE_NAME.matcher(ctx.command());
            namespace = m.find() ? m.group() : null;
        }
        orphans.addAll(badblocks(o, namespace, Badblock.Scope.INJECTED));
    }

    private DaxRegion daxRegion(Obj o, Ctx ctx) {
        DaxRegion region = new DaxRegion(file, o.line(), Values.int32(o.get("id")), Values.size(o.get("size")),
                Values.size(o.get("available_size")), Values.integer(o.get("align")), o.str("path"), ctx.namespace());
        if (o.complete()) {
            daxRegions.add(region);
        }
        visit(o.get("devices"), ctx);
        return region;
    }

    private void daxDevice(Obj o, Ctx ctx) {
        if (!o.complete()) {
            return;
        }
        List<Mapping> mappings = new ArrayList<>();
        for (Object m : o.list("mappings")) {
            if (m instanceof Obj mo && mo.complete()) {
                mappings.add(new Mapping(Values.hex(mo.get("page_offset")), Values.hex(mo.get("start")),
                        Values.hex(mo.get("end")), Values.size(mo.get("size"))));
            }
        }
        daxDevices.add(new DaxDevice(file, o.line(), o.str("chardev"), Values.size(o.get("size")),
                Values.int32(o.get("target_node")), Values.size(o.get("align")) == null ? null
                        : Values.size(o.get("align")).bytes(),
                o.str("mode"), Values.int32(o.get("online_memblocks")), Values.int32(o.get("total_memblocks")),
                Values.bool(o.get("movable")), o.str("state"), mappings, ctx.namespace()));
    }

    private void infoBlock(Obj o, Ctx ctx) {
        String namespace = o.str("dev");
        if (namespace == null && ctx.command() != null && ctx.command().contains("read-infoblock")) {
            Matcher m = NAMESPACE_NAME.matcher(ctx.command());
            namespace = m.find() ? m.group() : null;
        }
        infoBlocks.add(new InfoBlock(file, o.line(), namespace, o.str("signature"), o.str("mode"),
                Values.hex(o.get("dataoff")), Values.hex(o.get("start_pad")), Values.hex(o.get("end_trunc")),
                Values.integer(o.get("npfns")), Values.integer(o.get("align")), o.str("uuid"),
                o.str("parent_uuid")));
    }

    private void monitor(Obj o) {
        if (!o.complete()) {
            return;
        }
        List<String> fired = new ArrayList<>();
        Obj event = o.obj("event");
        if (event != null) {
            event.fields().forEach((k, v) -> {
                if (Boolean.TRUE.equals(v)) {
                    fired.add(k);
                }
            });
        }
        Obj d = o.obj("dimm");
        String timestamp = o.str("timestamp");
        monitorEvents.add(new MonitorEvent(file, o.line(), o.endLine(), timestamp, wall(timestamp),
                Values.int32(o.get("pid")), fired, d == null ? null : dimm(d, null), JsonTree.compact(o)));
    }

    /** {@code "1718900000.123456789"} → {@code 2024-06-20T16:13:20.123456789Z}. */
    static String wall(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            String t = timestamp.strip();
            int dot = t.indexOf('.');
            long seconds = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
            long nanos = 0;
            if (dot >= 0) {
                String frac = (t.substring(dot + 1) + "000000000").substring(0, 9);
                nanos = Long.parseLong(frac);
            }
            return Instant.ofEpochSecond(seconds, nanos).toString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String describe(Obj o) {
        String dev = o.str("dev") != null ? o.str("dev") : o.str("chardev");
        return dev != null ? dev : "object with keys " + o.fields().keySet();
    }
}
