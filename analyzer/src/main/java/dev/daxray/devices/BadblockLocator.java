package dev.daxray.devices;

import java.util.Optional;

import dev.daxray.events.Hex;

/**
 * Where a listed badblock sits in physical memory, when the bundle says. Implemented by
 * the address map (AddressMap); {@link #NONE} knows no base addresses.
 */
@FunctionalInterface
public interface BadblockLocator {

    BadblockLocator NONE = badblock -> Optional.empty();

    Optional<Extent> extent(Badblock badblock);

    /** A physical byte range and the page frames it touches (both ends inclusive). */
    record Extent(Hex start, long bytes, Hex pfnStart, Hex pfnEnd) {
        public Hex end() {
            return new Hex(start.value() + bytes - 1);
        }
    }
}
