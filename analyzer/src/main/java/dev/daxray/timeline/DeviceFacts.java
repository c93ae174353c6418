package dev.daxray.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.daxray.address.IomemEntry;
import dev.daxray.address.SysfsValue;
import dev.daxray.devices.DeviceState;

/**
 * What the inputs of a run say about devices rather than events: ndctl / daxctl listings,
 * {@code /proc/iomem} ranges and sysfs {@code resource} values. The timeline turns them into an
 * address map and into badblock and DIMM-health events.
 */
public record DeviceFacts(DeviceState state, List<IomemEntry> iomem, List<SysfsValue> sysfs) {

    public static final DeviceFacts NONE = new DeviceFacts(DeviceState.EMPTY, List.of(), List.of());

    public DeviceFacts {
        iomem = List.copyOf(iomem);
        sysfs = List.copyOf(sysfs);
    }

    /** These facts followed by {@code later}'s (later listings win lookups). */
    public DeviceFacts merge(DeviceFacts later) {
        List<IomemEntry> ranges = new ArrayList<>(iomem);
        ranges.addAll(later.iomem);
        List<SysfsValue> values = new ArrayList<>(sysfs);
        values.addAll(later.sysfs);
        return new DeviceFacts(state.merge(later.state), ranges, values);
    }

    public boolean isEmpty() {
        return state.isEmpty() && iomem.isEmpty() && sysfs.isEmpty();
    }
}
