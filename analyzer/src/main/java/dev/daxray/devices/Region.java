package dev.daxray.devices;

import java.util.List;

import dev.daxray.events.Hex;

/**
 * An ndctl region object. Namespaces nested in it are read into {@link DeviceState#namespaces()}
 * with {@link Namespace#region()} set.
 *
 * @param badblockCount sectors (not ranges) ndctl counted, null when not printed (zero)
 * @param badblocks     the {@code -M} list, empty when not printed
 */
public record Region(String file, long line, String dev, Size size, Size align, Size availableSize,
                     Size maxAvailableExtent, String type, Integer numaNode, Hex isetId,
                     List<DimmMapping> mappings, String state, Long badblockCount, List<Badblock> badblocks,
                     String persistenceDomain, String bus) {

    public Region {
        mappings = List.copyOf(mappings);
        badblocks = List.copyOf(badblocks);
    }
}
