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
import dev.daxray.devices.Mapping;
import dev.daxray.devices.Namespace;
import dev.daxray.events.Hex;
import dev.daxray.events.Pmem;

/**
 * Translates between physical addresses, pfns, region offsets, namespace data offsets, 512-byte
 * badblock sectors and device-dax offsets (reference §1.7), from whatever the bundle has: ndctl /
 * daxctl JSON, sysfs {@code resource} dumps, {@code /proc/iomem}, and nfit {@code addr in SPA} ranges.
 * Answers say what they assumed; when a base address is missing they say which file would supply it.
 */
public final class AddressMap implements BadblockLocator {

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
    private final Bases bases;

    private AddressMap(Builder b) {
        this.state = b.state;
        this.pageSize = b.pageSize;
        this.iomem = List.copyOf(b.iomem);
        this.sysfs = List.copyOf(b.sysfs);
        this.spa = List.copyOf(b.spa);
        this.dataOffsets = Map.copyOf(b.dataOffsets);
        this.bases = new Bases(state, iomem, sysfs, spa, dataOffsets);
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
        return bases.region(region).map(Span::start);
    }

    public Lookup<Hex> namespaceStart(String namespace) {
        return bases.namespace(namespace).map(Span::start);
    }

    /** Where the namespace's data area begins: fsdax pfn / devdax dax resource, raw namespace start. */
    public Lookup<Hex> dataStart(String namespace) {
        return bases.data(namespace).map(Span::start);
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

    /** The namespace or region holding an address: its span, and for a namespace its data span when known. */
    private record Holder(String name, Span span, Span data) {
    }

    private Lookup<Location> locate(Hex phys, long bytes) {
        Set<String> assumptions = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Holder nsHolder = namespaceHolding(phys, assumptions);
        String namespace = nsHolder == null ? null : nsHolder.name();
        List<String> regionNeeds = new ArrayList<>();
        Holder regionHolder = regionHolding(phys, assumptions, regionNeeds);
        if (namespace == null && regionHolder == null) {
            List<String> needed = new ArrayList<>(regionNeeds);
            if (needed.isEmpty()) {
                needed.add(phys + " is outside every persistent-memory range the bundle lists"
                        + describeRanges());
            }
            return Lookup.missing("device location of " + phys, needed);
        }
        Namespace ns = namespace == null ? null : state.namespace(namespace).orElse(null);
        String region = regionHolder == null ? null : regionHolder.name();
        Span regionSpan = regionHolder == null ? null : regionHolder.span();
        if (region == null) {
            region = ns != null ? ns.region() : Namespace.regionOf(namespace);
            if (region != null) {
                Lookup<Span> span = bases.region(region);
                if (span.isFound()) {
                    regionSpan = span.value();
                    assumptions.addAll(span.assumptions());
                } else {
                    unknown.addAll(((Lookup.Missing<Span>) span).needed());
                }
            }
        }
        Long regionOffset = regionSpan == null ? null : phys.value() - regionSpan.start().value();
        Long namespaceOffset = nsHolder == null || nsHolder.span() == null ? null
                : phys.value() - nsHolder.span().start().value();
        Long dataOffset = null;
        boolean inMetadata = false;
        if (namespace != null) {
            Lookup<Span> data = nsHolder.data() != null ? Lookup.found(nsHolder.data(), List.of()) : bases.data(namespace);
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
        } else {
            unknown.add("the namespace holding " + phys + ": add `ndctl list -N` output and the namespaces' start"
                    + " addresses (`cat /sys/bus/nd/devices/namespace*/resource` or /proc/iomem) to the bundle");
        }
        Mapping mapping = null;
        String daxDevice = null;
        for (DaxDevice dax : state.daxDevices()) {
            for (Mapping m : dax.mappings()) {
                if (m.contains(phys)) {
                    daxDevice = dax.chardev();
                    mapping = m;
                }
            }
        }
        Long daxOffset = mapping == null ? null : (mapping.pageOffset() == null ? 0 : mapping.pageOffset().value())
                * pageSize.bytes() + (phys.value() - mapping.start().value());
        List<Badblock> overlapping = badblocksOverlapping(phys, bytes, assumptions);
        return Lookup.found(new Location(phys, bytes, pageSize.pfn(phys), pageSize, region, regionOffset,
                regionOffset == null ? null : regionOffset / Badblock.SECTOR, namespace,
                ns == null ? null : ns.mode(), ns == null ? null : ns.blockdev(), namespaceOffset, dataOffset,
                dataOffset == null ? null : dataOffset / Badblock.SECTOR, inMetadata, daxDevice, daxOffset,
                overlapping, List.copyOf(assumptions), unknown.stream().distinct().toList()), List.copyOf(assumptions));
    }

    /** The namespace whose span (or, failing that, whose data area) holds {@code phys}; the last listed wins. */
    private Holder namespaceHolding(Hex phys, Set<String> assumptions) {
        Holder found = null;
        for (String name : bases.knownNamespaces()) {
            Lookup<Span> span = bases.namespace(name);
            if (span.isFound() && span.value().size() == null) {
                // the namespace ends where its data area ends (end_trunc is 0 on current namespaces)
                Lookup<Span> data = bases.data(name);
                if (data.isFound() && data.value().size() != null) {
                    Span d = data.value();
                    span = Lookup.found(new Span(span.value().start(), d.start().value() + d.size()
                            - span.value().start().value(), span.value().source()), span.assumptions());
                }
            }
            if (span.isFound() && span.value().contains(phys)) {
                found = new Holder(name, span.value(), null);
                assumptions.addAll(span.assumptions());
            }
        }
        if (found != null) {
            return found;
        }
        for (Namespace ns : state.namespaces()) {
            Lookup<Span> span = bases.data(ns.dev());
            if (span.isFound() && span.value().contains(phys)) {
                found = new Holder(ns.dev(), bases.namespace(ns.dev()).optional().orElse(null), span.value());
                assumptions.addAll(span.assumptions());
            }
        }
        return found;
    }

    /** The region whose span holds {@code phys}; regions without a known base add what would give it to {@code needs}. */
    private Holder regionHolding(Hex phys, Set<String> assumptions, List<String> needs) {
        Holder found = null;
        for (String name : bases.knownRegions()) {
            Lookup<Span> span = bases.region(name);
            if (span instanceof Lookup.Missing<Span> m) {
                needs.addAll(m.needed());
            } else if (span.value().contains(phys)) {
                found = new Holder(name, span.value(), null);
                assumptions.addAll(span.assumptions());
            }
        }
        return found;
    }

    private List<Badblock> badblocksOverlapping(Hex phys, long bytes, Set<String> assumptions) {
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
        return overlapping;
    }

    private String describeRanges() {
        List<String> known = new ArrayList<>();
        for (String name : bases.knownRegions()) {
            bases.region(name).optional().filter(s -> s.size() != null).ifPresent(s -> known.add(name + " " + s.start()
                    + "-" + new Hex(s.start().value() + s.size() - 1)));
        }
        return known.isEmpty() ? "" : " (" + String.join(", ", known) + ")";
    }
}
