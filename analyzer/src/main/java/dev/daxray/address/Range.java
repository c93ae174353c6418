package dev.daxray.address;

import java.util.Objects;

import dev.daxray.events.Hex;
import dev.daxray.events.Pmem;

/**
 * A physical address range a bundle names, with where it was read.
 *
 * @param start  first byte
 * @param end    last byte, inclusive (the way /proc/iomem prints it)
 * @param name   what it is: {@code Persistent Memory}, {@code namespace0.0}, {@code SPA}
 * @param source {@code file:line} it came from
 */
public record Range(Hex start, Hex end, String name, String source) {

    public Range {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.compareTo(start) < 0) {
            throw new IllegalArgumentException("range end " + end + " before start " + start);
        }
    }

    public static Range sized(Hex start, long size, String name, String source) {
        return new Range(start, new Hex(start.value() + size - 1), name, source);
    }

    /** The range of a {@code pmem} event with start and size (nfit {@code addr in SPA}), or null. */
    public static Range of(Pmem event) {
        if (event.start() == null || event.size() == null || event.size().value() == 0) {
            return null;
        }
        return sized(event.start(), event.size().value(), "SPA", event.origin().location());
    }

    public long size() {
        return end.value() - start.value() + 1;
    }

    public boolean contains(Hex address) {
        return start.compareTo(address) <= 0 && address.compareTo(end) <= 0;
    }

    public boolean contains(Range other) {
        return contains(other.start) && contains(other.end);
    }

    @Override
    public String toString() {
        return name + " " + start + "-" + end;
    }
}
