package dev.daxray.events;

/**
 * An unsigned 64-bit value the kernel printed in hex: a pfn, a physical address, a status word.
 * It prints as lowercase hex with {@code 0x}, the form the JSONL contract uses.
 */
public record Hex(long value) implements Comparable<Hex> {

    /** Parses hex digits with or without {@code 0x}; at most 16 significant digits. */
    public static Hex parse(String text) {
        String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        return new Hex(Long.parseUnsignedLong(digits, 16));
    }

    public Hex shiftRight(int bits) {
        return new Hex(value >>> bits);
    }

    @Override
    public int compareTo(Hex other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(value);
    }
}
