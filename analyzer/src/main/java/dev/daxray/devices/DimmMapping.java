package dev.daxray.devices;

import dev.daxray.events.Hex;

/** A region's {@code mappings} entry: which DIMM holds which DPA range of the interleave set. */
public record DimmMapping(String dimm, Hex offset, Hex length, Integer position) {
}
