package dev.daxray.address;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.daxray.devices.DaxDevice;
import dev.daxray.devices.DeviceState;
import dev.daxray.devices.InfoBlock;
import dev.daxray.devices.Mapping;
import dev.daxray.devices.Namespace;
import dev.daxray.devices.Region;
import dev.daxray.events.Hex;

/**
 * The base addresses the address map translates from: where each region, namespace and namespace
 * data area begins, found in whichever of the bundle's sources has it (sysfs {@code resource}
 * dumps, {@code /proc/iomem}, nfit SPA ranges, info blocks, {@code daxctl list -M}), with what was
 * assumed, or which file would supply a missing one.
 */
final class Bases {

    private final DeviceState state;
    private final List<IomemEntry> iomem;
    private final List<SysfsValue> sysfs;
    private final List<Range> spa;
    private final Map<String, Span> dataOffsets;

    Bases(DeviceState state, List<IomemEntry> iomem, List<SysfsValue> sysfs, List<Range> spa,
          Map<String, Span> dataOffsets) {
        this.state = state;
        this.iomem = iomem;
        this.sysfs = sysfs;
        this.spa = spa;
        this.dataOffsets = dataOffsets;
    }

    /** Where a region begins, and its size when known. */
    Lookup<Span> region(String region) {
        Optional<SysfsValue> resource = sysfs(region, "resource");
        Long listedSize = state.region(region).map(Region::size).filter(s -> s.isExact()).map(s -> s.bytes())
                .orElse(null);
        if (resource.isPresent() && resource.get().number().isPresent()) {
            Long size = listedSize != null ? listedSize
                    : sysfs(region, "size").flatMap(SysfsValue::number).map(Hex::value).orElse(null);
            return Lookup.found(new Span(resource.get().number().get(), size, resource.get().location()), List.of());
        }
        String id = region.startsWith("region") ? region.substring("region".length()) : null;
        List<IomemEntry> pm = iomem.stream().filter(IomemEntry::isPersistentMemory).toList();
        for (IomemEntry range : pm) {
            Set<String> regionIds = new LinkedHashSet<>();
            for (IomemEntry e : iomem) {
                String implied = Namespace.regionOf(e.name());
                if (implied != null && range.range().contains(e.range())) {
                    regionIds.add(implied);
                }
            }
            if (regionIds.equals(Set.of(region))) {
                return Lookup.found(new Span(range.range().start(), range.range().size(), range.range().source()),
                        List.of(region + " is the /proc/iomem \"" + range.name() + "\" range holding its namespaces"));
            }
        }
        List<Range> ranges = new ArrayList<>(pm.stream().map(IomemEntry::range).toList());
        ranges.addAll(spa);
        if (listedSize != null) {
            List<Range> bySize = ranges.stream().filter(r -> r.size() == listedSize).map(r -> r.start())
                    .distinct().map(s -> ranges.stream().filter(r -> r.start().equals(s)).findFirst().orElseThrow())
                    .toList();
            if (bySize.size() == 1) {
                Range r = bySize.get(0);
                return Lookup.found(new Span(r.start(), r.size(), r.source()),
                        List.of(region + " matched by its size to " + r + " (" + r.source() + ")"));
            }
        }
        List<Hex> starts = ranges.stream().map(Range::start).distinct().toList();
        if (starts.size() == 1 && knownRegions().equals(List.of(region)) && id != null) {
            Range r = ranges.get(0);
            return Lookup.found(new Span(r.start(), listedSize != null ? listedSize : r.size(), r.source()),
                    List.of(region + " taken to be the only persistent-memory range the bundle lists, " + r
                            + " (" + r.source() + ")"));
        }
        return Lookup.missing(region + "'s base address", List.of(regionNeed(region)));
    }

    private static String regionNeed(String region) {
        return region + "'s base address: add `cat /sys/bus/nd/devices/" + region
                + "/resource` or /proc/iomem to the bundle";
    }

    /** Where a namespace begins, and its size when known. */
    Lookup<Span> namespace(String namespace) {
        Optional<SysfsValue> resource = sysfs(namespace, "resource");
        Optional<IomemEntry> listed = iomem.stream().filter(e -> e.name().equals(namespace)).findFirst();
        if (resource.isPresent() && resource.get().number().isPresent()) {
            Long size = sysfs(namespace, "size").flatMap(SysfsValue::number).map(Hex::value)
                    .orElse(listed.map(e -> e.range().size()).orElse(null));
            return Lookup.found(new Span(resource.get().number().get(), size, resource.get().location()), List.of());
        }
        if (listed.isPresent()) {
            Range r = listed.get().range();
            return Lookup.found(new Span(r.start(), r.size(), r.source()), List.of());
        }
        return Lookup.missing(namespace + "'s start address", List.of(namespace + "'s start address: add `cat "
                + "/sys/bus/nd/devices/" + namespace + "/resource` or /proc/iomem to the bundle"));
    }

    /** Where a namespace's data area begins, and its size when known. */
    Lookup<Span> data(String namespace) {
        Namespace ns = state.namespace(namespace).orElse(null);
        if (ns == null || ns.mode() == null) {
            return Lookup.missing(namespace + "'s mode", List.of(namespace + "'s mode: add `ndctl list -N` output"
                    + " to the bundle"));
        }
        Long dataSize = ns.size() == null ? null : ns.size().bytes();
        switch (ns.mode()) {
            case "raw" -> {
                return namespace(namespace);
            }
            case "sector" -> {
                return Lookup.missing(namespace + "'s sector mapping", List.of(namespace + " is in sector (BTT) mode:"
                        + " the BTT remaps blocks, so physical addresses do not map to its sectors"));
            }
            default -> {
                // fsdax and devdax below
            }
        }
        Lookup<Span> nsSpan = namespace(namespace);
        List<String> assumptions = new ArrayList<>();
        Span offset = dataOffsets.get(namespace);
        if (offset == null) {
            for (InfoBlock ib : state.infoBlocks()) {
                if (namespace.equals(ib.namespace()) && ib.dataoff() != null) {
                    long pad = ib.startPad() == null ? 0 : ib.startPad().value();
                    offset = new Span(new Hex(ib.dataoff().value() + pad), null, ib.file() + ":" + ib.line());
                }
            }
        }
        if (offset != null) {
            if (nsSpan instanceof Lookup.Missing<Span> m) {
                return m;
            }
            Span s = nsSpan.value();
            return Lookup.found(new Span(new Hex(s.start().value() + offset.start().value()), dataSize,
                    offset.source()), nsSpan.assumptions());
        }
        Optional<Span> fromSysfs = dataDeviceResource(ns, nsSpan.optional().orElse(null), assumptions);
        if (fromSysfs.isPresent()) {
            Span s = fromSysfs.get();
            return Lookup.found(new Span(s.start(), dataSize, s.source()), assumptions);
        }
        for (DaxDevice dax : state.daxDevices()) {
            boolean ours = namespace.equals(dax.namespace())
                    || (dax.chardev() != null && dax.chardev().equals(ns.chardev()))
                    || (ns.daxRegion() != null && state.daxDevices().stream().anyMatch(d -> namespace.equals(
                            d.namespace()) && Objects.equals(d.chardev(), dax.chardev())));
            if (ours) {
                for (Mapping m : dax.mappings()) {
                    if (m.pageOffset() != null && m.pageOffset().value() == 0) {
                        return Lookup.found(new Span(m.start(), dataSize, dax.file() + ":" + dax.line()),
                                List.of(namespace + "'s data area begins at " + dax.chardev()
                                        + "'s first mapping (daxctl list -M)"));
                    }
                }
            }
        }
        if (nsSpan.isFound() && nsSpan.value().size() != null && ns.size() != null && ns.size().isExact()) {
            Span s = nsSpan.value();
            long dataoff = s.size() - ns.size().bytes();
            if (dataoff >= 0) {
                return Lookup.found(new Span(new Hex(s.start().value() + dataoff), dataSize, s.source()),
                        List.of(namespace + "'s data offset 0x" + Long.toHexString(dataoff) + " inferred as namespace"
                                + " size minus data size, assuming start_pad = end_trunc = 0"));
            }
        }
        String device = "devdax".equals(ns.mode()) ? "dax" : "pfn";
        List<String> needed = new ArrayList<>();
        if (nsSpan instanceof Lookup.Missing<Span> m) {
            needed.addAll(m.needed());
        }
        needed.add(namespace + "'s data offset: add `cat /sys/bus/nd/devices/" + namespace + "/holder` and that "
                + device + " device's `resource`, or `ndctl read-infoblock -j " + namespace + "`"
                + ("devdax".equals(ns.mode()) ? ", or `daxctl list -M`" : "") + " to the bundle");
        return Lookup.missing(namespace + "'s data start", needed);
    }

    /** The pfnX.Y / daxX.Y sysfs resource that holds the namespace's data area. */
    private Optional<Span> dataDeviceResource(Namespace ns, Span nsSpan, List<String> assumptions) {
        Optional<SysfsValue> holder = sysfs(ns.dev(), "holder");
        if (holder.isPresent()) {
            Optional<SysfsValue> res = sysfs(holder.get().value().strip(), "resource");
            if (res.isPresent() && res.get().number().isPresent()) {
                return Optional.of(new Span(res.get().number().get(), null, res.get().location()));
            }
        }
        String regionId = ns.region() == null ? null : ns.region().substring("region".length());
        if (regionId == null) {
            return Optional.empty();
        }
        String prefix = ("devdax".equals(ns.mode()) ? "dax" : "pfn") + regionId + ".";
        List<SysfsValue> candidates = sysfs.stream()
                .filter(v -> v.device().startsWith(prefix) && v.attribute().equals("resource")
                        && v.number().isPresent())
                .filter(v -> nsSpan == null || nsSpan.size() == null || nsSpan.contains(v.number().get()))
                .toList();
        if (candidates.size() == 1 && (nsSpan != null && nsSpan.size() != null
                || state.namespacesIn(ns.region()).stream().filter(n -> Objects.equals(n.mode(), ns.mode())).count() == 1)) {
            SysfsValue v = candidates.get(0);
            if (nsSpan == null || nsSpan.size() == null) {
                assumptions.add(v.device() + " taken as " + ns.dev() + "'s data device (the only " + ns.mode()
                        + " namespace in " + ns.region() + ")");
            }
            return Optional.of(new Span(v.number().get(), null, v.location()));
        }
        return Optional.empty();
    }

    private Optional<SysfsValue> sysfs(String device, String attribute) {
        SysfsValue found = null;
        for (SysfsValue v : sysfs) {
            if (v.device().equals(device) && v.attribute().equals(attribute)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    List<String> knownRegions() {
        Set<String> names = new LinkedHashSet<>(state.regionNames());
        sysfs.stream().map(SysfsValue::device).filter(d -> d.matches("region\\d+")).forEach(names::add);
        return List.copyOf(names);
    }

    List<String> knownNamespaces() {
        Set<String> names = new LinkedHashSet<>();
        state.namespaces().forEach(n -> names.add(n.dev()));
        iomem.stream().map(IomemEntry::name).filter(n -> n.matches("namespace\\d+\\.\\d+")).forEach(names::add);
        sysfs.stream().map(SysfsValue::device).filter(d -> d.matches("namespace\\d+\\.\\d+")).forEach(names::add);
        return List.copyOf(names);
    }
}
