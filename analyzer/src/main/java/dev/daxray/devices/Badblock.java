package dev.daxray.devices;

import java.util.List;

/**
 * One entry of an ndctl {@code badblocks} list: a media error range in 512-byte sectors.
 *
 * <p>What {@code offset} counts from depends on where the list was printed and on the namespace's
 * mode (reference §1.7); the address map (AddressMap) resolves it.
 *
 * @param device the namespace or region whose list holds it; null for an {@code inject-error
 *               --status} list whose namespace the capture does not name
 * @param scope  where it was listed
 * @param offset first sector
 * @param length sectors
 * @param dimms  the DIMMs ndctl attributed it to (empty when the bus cannot translate)
 * @param text   the object on one line, as read
 */
public record Badblock(String file, long line, String device, Scope scope, long offset, long length,
                       List<String> dimms, String text) {

    public static final int SECTOR = 512;

    public Badblock {
        dimms = List.copyOf(dimms);
        if (length < 0) {
            throw new IllegalArgumentException("negative badblock length " + length);
        }
    }

    /** Where a badblock list was printed. */
    public enum Scope {
        /** a region's list: offsets from the region start */
        REGION,
        /** a namespace's list (fsdax: from the pfn data start; raw: ndctl prints the region's list) */
        NAMESPACE,
        /** a devdax namespace's list: offsets from the dax data start */
        DAX,
        /** {@code ndctl inject-error --status}: injected errors, in the namespace's user-visible area */
        INJECTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Last sector, inclusive. */
    public long lastSector() {
        return offset + Math.max(length, 1) - 1;
    }

    public boolean overlaps(long firstSector, long lastSector) {
        return offset <= lastSector && firstSector <= lastSector();
    }
}
