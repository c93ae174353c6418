package dev.daxray.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Everything one bundle's ndctl / daxctl documents say about devices, in reading order. A device
 * listed twice (a before and an after snapshot) appears twice; the lookups return the last listing.
 *
 * @param orphanBadblocks badblocks whose enclosing region or namespace object was cut off by a
 *                        truncated capture, and {@code inject-error --status} lists
 */
public record DeviceState(List<Bus> buses, List<Dimm> dimms, List<Region> regions, List<Namespace> namespaces,
                          List<DaxRegion> daxRegions, List<DaxDevice> daxDevices, List<MonitorEvent> monitorEvents,
                          List<InfoBlock> infoBlocks, List<Badblock> orphanBadblocks) {

    public static final DeviceState EMPTY = new DeviceState(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    public DeviceState {
        buses = List.copyOf(buses);
        dimms = List.copyOf(dimms);
        regions = List.copyOf(regions);
        namespaces = List.copyOf(namespaces);
        daxRegions = List.copyOf(daxRegions);
        daxDevices = List.copyOf(daxDevices);
        monitorEvents = List.copyOf(monitorEvents);
        infoBlocks = List.copyOf(infoBlocks);
        orphanBadblocks = List.copyOf(orphanBadblocks);
    }

    /** This state followed by {@code later}'s (several files of one bundle). */
    public DeviceState merge(DeviceState later) {
        return new DeviceState(concat(buses, later.buses), concat(dimms, later.dimms),
                concat(regions, later.regions), concat(namespaces, later.namespaces),
                concat(daxRegions, later.daxRegions), concat(daxDevices, later.daxDevices),
                concat(monitorEvents, later.monitorEvents), concat(infoBlocks, later.infoBlocks),
                concat(orphanBadblocks, later.orphanBadblocks));
    }

    public boolean isEmpty() {
        return buses.isEmpty() && dimms.isEmpty() && regions.isEmpty() && namespaces.isEmpty()
                && daxRegions.isEmpty() && daxDevices.isEmpty() && monitorEvents.isEmpty() && infoBlocks.isEmpty()
                && orphanBadblocks.isEmpty();
    }

    /** Every badblock listed: regions', namespaces' and orphans, in reading order per kind. */
    public List<Badblock> badblocks() {
        return Stream.of(regions.stream().flatMap(r -> r.badblocks().stream()),
                        namespaces.stream().flatMap(n -> n.badblocks().stream()), orphanBadblocks.stream())
                .flatMap(Function.identity()).toList();
    }

    public Optional<Region> region(String dev) {
        return last(regions, r -> r.dev().equals(dev));
    }

    public Optional<Namespace> namespace(String dev) {
        return last(namespaces, n -> n.dev().equals(dev));
    }

    public Optional<Dimm> dimm(String dev) {
        return last(dimms, d -> d.dev().equals(dev));
    }

    public Optional<DaxDevice> daxDevice(String chardev) {
        return last(daxDevices, d -> chardev.equals(d.chardev()));
    }

    /** The names of all regions the state knows of: listed ones and those namespaces imply. */
    public List<String> regionNames() {
        List<String> names = new ArrayList<>();
        regions.forEach(r -> addOnce(names, r.dev()));
        namespaces.forEach(n -> addOnce(names, n.region()));
        return names;
    }

    /** The latest listing of each namespace in {@code region}. */
    public List<Namespace> namespacesIn(String region) {
        List<String> names = new ArrayList<>();
        namespaces.stream().filter(n -> region.equals(n.region())).forEach(n -> addOnce(names, n.dev()));
        return names.stream().map(n -> namespace(n).orElseThrow()).toList();
    }

    private static void addOnce(List<String> names, String name) {
        if (name != null && !names.contains(name)) {
            names.add(name);
        }
    }

    private static <T> Optional<T> last(List<T> list, java.util.function.Predicate<T> test) {
        for (int i = list.size() - 1; i >= 0; i--) {
            if (test.test(list.get(i))) {
                return Optional.of(list.get(i));
            }
        }
        return Optional.empty();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
