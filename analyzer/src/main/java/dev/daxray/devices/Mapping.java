package dev.daxray.devices;

import dev.daxray.events.Hex;

/**
 * A {@code daxctl list -M} mapping: physical range {@code start}..{@code end} (inclusive) backs the
 * device from page {@code pageOffset} on.
 */
public record Mapping(Hex pageOffset, Hex start, Hex end, Size size) {

    public boolean contains(Hex physAddr) {
        return start.compareTo(physAddr) <= 0 && physAddr.compareTo(end) <= 0;
    }
}
