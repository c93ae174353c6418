package dev.daxray.address;

import java.util.List;

import dev.daxray.devices.Badblock;
import dev.daxray.events.Hex;

/**
 * Where a physical address (or page) sits on the persistent-memory devices. Parts the bundle cannot
 * answer are null, and {@link #unknown()} says what would answer them.
 *
 * @param physAddr        the first byte asked about
 * @param bytes           how many bytes (1 for an address, the page size for a pfn)
 * @param pfn             the page frame of {@code physAddr}
 * @param region          the region it lies in, when known
 * @param regionOffset    bytes from the region start
 * @param regionSector    512-byte sector in the region (what a region badblock list uses)
 * @param namespace       the namespace it lies in, when known
 * @param mode            the namespace's mode, when ndctl listed it
 * @param blockdev        the namespace's block device ({@code pmem0}), when listed
 * @param namespaceOffset bytes from the namespace start
 * @param dataOffset      bytes from the start of the namespace's data area (fsdax: the pfn device;
 *                        devdax: the dax device; raw: the namespace start); for fsdax this is the byte
 *                        offset on the block device
 * @param sector          {@code dataOffset / 512}: the sector the namespace's badblock list and the
 *                        block device use
 * @param inMetadata      true when the address is inside the namespace but before its data area (info
 *                        block, on-device memmap)
 * @param daxDevice       the device-dax instance mapping it, when daxctl mappings say
 * @param daxOffset       byte offset in that device (what {@code mmap} of the char device sees)
 * @param badblocks       listed badblocks that overlap these bytes
 * @param assumptions     what the answer rests on beyond the bundle's own numbers
 * @param unknown         what the bundle would need for the null parts
 */
public record Location(Hex physAddr, long bytes, Hex pfn, PageSize pageSize, String region, Long regionOffset,
                       Long regionSector, String namespace, String mode, String blockdev, Long namespaceOffset,
                       Long dataOffset, Long sector, boolean inMetadata, String daxDevice, Long daxOffset,
                       List<Badblock> badblocks, List<String> assumptions, List<String> unknown) {

    public Location {
        badblocks = List.copyOf(badblocks);
        assumptions = List.copyOf(assumptions);
        unknown = List.copyOf(unknown);
    }

    /** Sectors these bytes touch, counted from {@link #sector()}. */
    public long sectors() {
        long first = dataOffset == null ? 0 : dataOffset / Badblock.SECTOR;
        long last = dataOffset == null ? 0 : (dataOffset + bytes - 1) / Badblock.SECTOR;
        return last - first + 1;
    }

    /**
     * One sentence for an incident, e.g. {@code pfn 0x219c200 (phys 0x219c200000) is namespace0.0
     * sector 1048576 (region0 sector 9310208), listed as a media error: namespace0.0 badblock offset
     * 1048576 length 8 (list.json:52)}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("pfn ").append(pfn).append(" (phys ").append(physAddr).append(") is ");
        if (namespace != null) {
            s.append(namespace);
            if (sector != null) {
                s.append(" sector ").append(sector);
            } else if (inMetadata) {
                s.append(" metadata (before the data area)");
            } else if (namespaceOffset != null) {
                s.append(" offset ").append(hex(namespaceOffset));
            }
            if (region != null) {
                s.append(" (").append(region);
                if (regionSector != null) {
                    s.append(" sector ").append(regionSector);
                }
                s.append(')');
            }
        } else if (region != null) {
            s.append(region);
            if (regionSector != null) {
                s.append(" sector ").append(regionSector);
            }
        } else {
            s.append("persistent memory");
        }
        if (daxDevice != null) {
            s.append(", ").append(daxDevice).append(" offset ").append(hex(daxOffset));
        }
        if (badblocks.isEmpty()) {
            s.append(", not in any listed badblock");
        } else {
            s.append(", listed as a media error: ");
            for (int i = 0; i < badblocks.size(); i++) {
                Badblock b = badblocks.get(i);
                s.append(i == 0 ? "" : "; ").append(b.device()).append(" badblock offset ").append(b.offset())
                        .append(" length ").append(b.length()).append(" (").append(b.file()).append(':')
                        .append(b.line()).append(')');
            }
        }
        return s.toString();
    }

    private static String hex(Long value) {
        return value == null ? "?" : "0x" + Long.toHexString(value);
    }
}
