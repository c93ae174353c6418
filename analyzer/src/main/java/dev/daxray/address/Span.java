package dev.daxray.address;

import dev.daxray.events.Hex;

/** A resolved start address, with its size when known, and where it was read. */
record Span(Hex start, Long size, String source) {

    boolean contains(Hex address) {
        return size != null && Long.compareUnsigned(address.value() - start.value(), size) < 0;
    }
}
