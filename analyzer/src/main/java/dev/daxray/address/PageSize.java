package dev.daxray.address;

import dev.daxray.events.Hex;

/**
 * The kernel's page size, which turns a physical address into the pfn {@code memory_failure}
 * reports. 4 KiB on x86-64; arm64 and ppc64 kernels may use 16 or 64 KiB.
 */
public record PageSize(long bytes) {

    public static final PageSize FOUR_KIB = new PageSize(4096);
    public static final PageSize SIXTEEN_KIB = new PageSize(16384);
    public static final PageSize SIXTY_FOUR_KIB = new PageSize(65536);

    public PageSize {
        if (bytes < 512 || Long.bitCount(bytes) != 1) {
            throw new IllegalArgumentException("page size must be a power of two of at least 512: " + bytes);
        }
    }

    public int shift() {
        return Long.numberOfTrailingZeros(bytes);
    }

    public Hex pfn(Hex physAddr) {
        return physAddr.shiftRight(shift());
    }

    /** The first byte of page {@code pfn}. */
    public Hex address(Hex pfn) {
        return new Hex(pfn.value() << shift());
    }

    @Override
    public String toString() {
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " B";
    }
}
