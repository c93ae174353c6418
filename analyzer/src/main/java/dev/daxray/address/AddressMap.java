package dev.daxray.address;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.daxray.devices.Badblock;
import dev.daxray.devices.BadblockLocator;
import dev.daxray.devices.DaxDevice;
import dev.daxray.devices.DeviceState;
import dev.daxray.devices.InfoBlock;
import dev.daxray.devices.Mapping;
import dev.daxray.devices.Namespace;
import dev.daxray.devices.Region;
import dev.daxray.events.Hex;
import dev.daxray.events.Pmem;

/**
 * Translates between physical addresses, pfns, region offsets, namespace data offsets, 512-byte
 * badblock sectors and device-dax offsets (reference §1.7), from whatever the bundle has: ndctl /
 * daxctl JSON, sysfs {@code resource} dumps, {@code /proc/iomem}, and nfit {@code addr in SPA} ranges.
 * Answers say what they assumed; when a base address is missing they say which file would supply it.
 */
public final class AddressMap implements BadblockLocator {

    /** A resolved start address, with its size when known. */
    private record Span(Hex start, Long size, String source) {
        boolean contains(Hex address) {
            return size != null && Long.compareUnsigned(address.value() - start.value(), size) < 0;
        }
    }

    /** Collects what a bundle has; only the device state is required. */
    public static final class Builder {
        private final DeviceState state;
        private PageSize pageSize = PageSize.FOUR_KIB;
        private final List<IomemEntry> iomem = new ArrayList<>();
        private final List<SysfsValue> sysfs = new ArrayList<>();
        private final List<Range> spa = new ArrayList<>();
        private final Map<String, Span> dataOffsets = new LinkedHashMap<>();

        private Builder(DeviceState state) {
            this.state = Objects.requireNonNull(state, "state");
        }

        public Builder pageSize(PageSize size) {
            this.pageSize = Objects.requireNonNull(size);
            return this;
        }

        public Builder iomem(List<IomemEntry> entries) {
            iomem.addAll(entries);
            return this;
        }

        public Builder sysfs(List<SysfsValue> values) {
            sysfs.addAll(values);
            return this;
        }

        /** Persistent-memory SPA ranges, e.g. from nfit {@code addr in SPA} lines ({@link Range#of(Pmem)}). */
        public Builder spa(List<Range> ranges) {
            ranges.stream().filter(Objects::nonNull).forEach(spa::add);
            return this;
        }

        /** SPA ranges from {@code pmem} events that carry start and size; others are ignored. */
        public Builder spaEvents(List<Pmem> events) {
            events.stream().map(Range::of).filter(Objects::nonNull).forEach(spa::add);
            return this;
        }

        /**
         * A namespace's data offset from its start ({@code start_pad + dataoff} of its info block) when
         * learned elsewhere than {@code ndctl read-infoblock -j}.
         */
        public Builder dataOffset(String namespace, Hex offset, String source) {
            dataOffsets.put(namespace, new Span(offset, null, source));
            return this;
        }

        public AddressMap build() {
            return new AddressMap(this);
        }
    }

    private final DeviceState state;
    private final PageSize pageSize;
    private final List<IomemEntry> iomem;
    private final List<SysfsValue> sysfs;
    private final List<Range> spa;
    private final Map<String, Span> dataOffsets;

    private AddressMap(Builder b) {
        this.state = b.state;
        this.pageSize = b.pageSize;
        this.iomem = List.copyOf(b.iomem);
        this.sysfs = List.copyOf(b.sysfs);
        this.spa = List.copyOf(b.spa);
        this.dataOffsets = Map.copyOf(b.dataOffsets);
    }

    public static Builder builder(DeviceState state) {
        return new Builder(state);
    }

    /** The map for a bundle with device state, {@code /proc/iomem} and sysfs dumps, 4 KiB pages. */
    public static AddressMap from(DeviceState state, List<IomemEntry> iomem, List<SysfsValue> sysfs) {
        return builder(state).iomem(iomem).sysfs(sysfs).build();
    }

    public PageSize pageSize() {
        return pageSize;
    }

    public DeviceState state() {
        return state;
    }

    /** True when the run listed no devices, persistent-memory ranges, sysfs values or SPA ranges. */
    public boolean isEmpty() {
        return state.isEmpty() && iomem.stream().noneMatch(IomemEntry::isPersistentMemory) && sysfs.isEmpty()
                && spa.isEmpty() && dataOffsets.isEmpty();
    }

    /** The map of a run without any device facts. */
    public static AddressMap empty() {
        return builder(DeviceState.EMPTY).build();
    }

    // ---- bases ---------------------------------------------------------------------------------

    public Lookup<Hex> regionStart(String region) {
        return regionSpan(region).map(Span::start);
    }

    public Lookup<Hex> namespaceStart(String namespace) {
        return namespaceSpan(namespace).map(Span::start);
    }

    /** Where the namespace's data area begins: fsdax pfn / devdax dax resource, raw namespace start. */
    public Lookup<Hex> dataStart(String namespace) {
        return dataSpan(namespace).map(Span::start);
    }

    private Lookup<Span> regionSpan(String region) {
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

    private Lookup<Span> namespaceSpan(String namespace) {
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

    private Lookup<Span> dataSpan(String namespace) {
        Namespace ns = state.namespace(namespace).orElse(null);
        if (ns == null || ns.mode() == null) {
            return Lookup.missing(namespace + "'s mode", List.of(namespace + "'s mode: add `ndctl list -N` output"
                    + " to the bundle"));
        }
        Long dataSize = ns.size() == null ? null : ns.size().bytes();
        switch (ns.mode()) {
            case "raw" -> {
                return namespaceSpan(namespace);
            }
            case "sector" -> {
                return Lookup.missing(namespace + "'s sector mapping", List.of(namespace + " is in sector (BTT) mode:"
                        + " the BTT remaps blocks, so physical addresses do not map to its sectors"));
            }
            default -> {
                // fsdax and devdax below
            }
        }
        Lookup<Span> nsSpan = namespaceSpan(namespace);
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

    private List<String> knownRegions() {
        Set<String> names = new LinkedHashSet<>(state.regionNames());
        sysfs.stream().map(SysfsValue::device).filter(d -> d.matches("region\\d+")).forEach(names::add);
        return List.copyOf(names);
    }

    private List<String> knownNamespaces() {
        Set<String> names = new LinkedHashSet<>();
        state.namespaces().forEach(n -> names.add(n.dev()));
        iomem.stream().map(IomemEntry::name).filter(n -> n.matches("namespace\\d+\\.\\d+")).forEach(names::add);
        sysfs.stream().map(SysfsValue::device).filter(d -> d.matches("namespace\\d+\\.\\d+")).forEach(names::add);
        return List.copyOf(names);
    }

    // ---- badblocks -----------------------------------------------------------------------------

    @Override
    public Optional<Extent> extent(Badblock badblock) {
        return physRange(badblock).optional();
    }

    /** The physical bytes a listed badblock covers (reference §1.7 conversion recipe). */
    public Lookup<Extent> physRange(Badblock b) {
        String what = "physical address of " + (b.device() == null ? "an unnamed namespace" : b.device())
                + " badblock offset " + b.offset();
        if (b.device() == null) {
            return Lookup.missing(what, List.of("the namespace the inject-error status was taken of"));
        }
        Lookup<Hex> base;
        List<String> assumptions = new ArrayList<>();
        if (b.scope() == Badblock.Scope.REGION) {
            base = regionStart(b.device());
        } else {
            Namespace ns = state.namespace(b.device()).orElse(null);
            String mode = ns == null ? null : ns.mode();
            if ("raw".equals(mode) && b.scope() == Badblock.Scope.NAMESPACE) {
                String region = ns.region();
                base = regionStart(region);
                assumptions.add("a raw namespace's badblocks are " + region + "'s list (ndctl prints the region's"
                        + " list for raw namespaces), so the offset counts from " + region + "'s start");
            } else if ("raw".equals(mode)) {
                base = namespaceStart(b.device());
            } else {
                base = dataStart(b.device());
            }
        }
        if (base instanceof Lookup.Missing<Hex> m) {
            return Lookup.missing(what, m.needed());
        }
        assumptions.addAll(0, base.assumptions());
        Hex start = new Hex(base.value().value() + b.offset() * Badblock.SECTOR);
        long bytes = Math.max(b.length(), 1) * Badblock.SECTOR;
        Hex end = new Hex(start.value() + bytes - 1);
        return Lookup.found(new Extent(start, bytes, pageSize.pfn(start), pageSize.pfn(end)), assumptions);
    }

    /** Physical address of a sector of a namespace's data area (its badblock list and block device). */
    public Lookup<Hex> physAddr(String namespace, long sector) {
        return dataStart(namespace).map(s -> new Hex(s.value() + sector * Badblock.SECTOR));
    }

    /** The region-list sector of a namespace data sector: {@code (dataStart − regionStart)/512 + sector}. */
    public Lookup<Long> regionSector(String namespace, long sector) {
        Lookup<Hex> data = dataStart(namespace);
        String region = state.namespace(namespace).map(Namespace::region).orElse(Namespace.regionOf(namespace));
        Lookup<Hex> regionBase = region == null ? Lookup.missing("region of " + namespace, List.of())
                : regionStart(region);
        if (data instanceof Lookup.Missing<Hex> m) {
            return Lookup.missing("region sector of " + namespace + " sector " + sector, m.needed());
        }
        if (regionBase instanceof Lookup.Missing<Hex> m) {
            return Lookup.missing("region sector of " + namespace + " sector " + sector, m.needed());
        }
        List<String> assumptions = new ArrayList<>(data.assumptions());
        assumptions.addAll(regionBase.assumptions());
        return Lookup.found((data.value().value() - regionBase.value().value()) / Badblock.SECTOR + sector,
                assumptions);
    }

    // ---- locating addresses --------------------------------------------------------------------

    /** Where one physical byte is. */
    public Lookup<Location> locate(Hex physAddr) {
        return locate(physAddr, 1);
    }

    /** Where the page {@code pfn} is (all its bytes: badblocks anywhere in it count). */
    public Lookup<Location> locatePfn(Hex pfn) {
        return locate(pageSize.address(pfn), pageSize.bytes());
    }

    private Lookup<Location> locate(Hex phys, long bytes) {
        Set<String> assumptions = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();

        String namespace = null;
        Span nsSpan = null;
        for (String name : knownNamespaces()) {
            Lookup<Span> span = namespaceSpan(name);
            if (span.isFound() && span.value().size() == null) {
                // the namespace ends where its data area ends (end_trunc is 0 on current namespaces)
                Lookup<Span> data = dataSpan(name);
                if (data.isFound() && data.value().size() != null) {
                    Span d = data.value();
                    span = Lookup.found(new Span(span.value().start(), d.start().value() + d.size()
                            - span.value().start().value(), span.value().source()), span.assumptions());
                }
            }
            if (span.isFound() && span.value().contains(phys)) {
                namespace = name;
                nsSpan = span.value();
                assumptions.addAll(span.assumptions());
            }
        }
        Span dataSpan = null;
        if (namespace == null) {
            for (Namespace ns : state.namespaces()) {
                Lookup<Span> span = dataSpan(ns.dev());
                if (span.isFound() && span.value().contains(phys)) {
                    namespace = ns.dev();
                    dataSpan = span.value();
                    assumptions.addAll(span.assumptions());
                    nsSpan = namespaceSpan(ns.dev()).optional().orElse(null);
                }
            }
        }

        String region = null;
        Span regionSpan = null;
        List<String> regionNeeds = new ArrayList<>();
        for (String name : knownRegions()) {
            Lookup<Span> span = regionSpan(name);
            if (span instanceof Lookup.Missing<Span> m) {
                regionNeeds.addAll(m.needed());
            } else if (span.value().contains(phys)) {
                region = name;
                regionSpan = span.value();
                assumptions.addAll(span.assumptions());
            }
        }
        if (namespace == null && region == null) {
            List<String> needed = new ArrayList<>(regionNeeds);
            if (needed.isEmpty()) {
                needed.add(phys + " is outside every persistent-memory range the bundle lists"
                        + describeRanges());
            }
            return Lookup.missing("device location of " + phys, needed);
        }
        Namespace ns = namespace == null ? null : state.namespace(namespace).orElse(null);
        if (region == null && namespace != null) {
            region = ns != null ? ns.region() : Namespace.regionOf(namespace);
            if (region != null) {
                Lookup<Span> span = regionSpan(region);
                if (span.isFound()) {
                    regionSpan = span.value();
                    assumptions.addAll(span.assumptions());
                } else {
                    unknown.addAll(((Lookup.Missing<Span>) span).needed());
                }
            }
        }
        Long regionOffset = regionSpan == null ? null : phys.value() - regionSpan.start().value();

        Long namespaceOffset = nsSpan == null ? null : phys.value() - nsSpan.start().value();
        Long dataOffset = null;
        boolean inMetadata = false;
        if (namespace != null) {
            Lookup<Span> data = dataSpan != null ? Lookup.found(dataSpan, List.of()) : dataSpan(namespace);
            if (data instanceof Lookup.Missing<Span> m) {
                unknown.addAll(m.needed());
            } else {
                assumptions.addAll(data.assumptions());
                long off = phys.value() - data.value().start().value();
                if (off < 0) {
                    inMetadata = true;
                } else {
                    dataOffset = off;
                }
            }
        }
        if (namespace == null && region != null) {
            unknown.add("the namespace holding " + phys + ": add `ndctl list -N` output and the namespaces' start"
                    + " addresses (`cat /sys/bus/nd/devices/namespace*/resource` or /proc/iomem) to the bundle");
        }

        String daxDevice = null;
        Long daxOffset = null;
        for (DaxDevice dax : state.daxDevices()) {
            for (Mapping m : dax.mappings()) {
                if (m.contains(phys)) {
                    daxDevice = dax.chardev();
                    long pageOffset = m.pageOffset() == null ? 0 : m.pageOffset().value();
                    daxOffset = pageOffset * pageSize.bytes() + (phys.value() - m.start().value());
                }
            }
        }

        List<Badblock> overlapping = new ArrayList<>();
        long last = phys.value() + bytes - 1;
        for (Badblock b : state.badblocks()) {
            Lookup<Extent> extent = physRange(b);
            if (extent.isFound()) {
                Extent e = extent.value();
                if (Long.compareUnsigned(e.start().value(), last) <= 0
                        && Long.compareUnsigned(phys.value(), e.end().value()) <= 0) {
                    overlapping.add(b);
                    assumptions.addAll(extent.assumptions());
                }
            }
        }
        return Lookup.found(new Location(phys, bytes, pageSize.pfn(phys), pageSize, region, regionOffset,
                regionOffset == null ? null : regionOffset / Badblock.SECTOR, namespace,
                ns == null ? null : ns.mode(), ns == null ? null : ns.blockdev(), namespaceOffset, dataOffset,
                dataOffset == null ? null : dataOffset / Badblock.SECTOR, inMetadata, daxDevice, daxOffset,
                overlapping, List.copyOf(assumptions), unknown.stream().distinct().toList()), List.copyOf(assumptions));
    }

    private String describeRanges() {
        List<String> known = new ArrayList<>();
        for (String name : knownRegions()) {
            regionSpan(name).optional().filter(s -> s.size() != null).ifPresent(s -> known.add(name + " " + s.start()
                    + "-" + new Hex(s.start().value() + s.size() - 1)));
        }
        return known.isEmpty() ? "" : " (" + String.join(", ", known) + ")";
    }
}
