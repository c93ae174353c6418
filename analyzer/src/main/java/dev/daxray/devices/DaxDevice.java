package dev.daxray.devices;

import java.util.List;

/**
 * A device-dax instance ({@code daxctl list}, or a {@code daxregion}'s {@code devices} entry).
 *
 * @param mode      {@code devdax} or {@code system-ram}
 * @param mappings  the {@code -M} physical ranges, empty when not listed
 * @param namespace the devdax namespace it was listed in, else null
 */
public record DaxDevice(String file, long line, String chardev, Size size, Integer targetNode, Long align,
                        String mode, Integer onlineMemblocks, Integer totalMemblocks, Boolean movable,
                        String state, List<Mapping> mappings, String namespace) {

    public DaxDevice {
        mappings = List.copyOf(mappings);
    }

    /** {@code dax1.0} → 1 (the dax region id), else null. */
    public Integer regionId() {
        if (chardev == null || !chardev.startsWith("dax")) {
            return null;
        }
        int dot = chardev.indexOf('.');
        try {
            return Integer.valueOf(chardev.substring(3, dot < 0 ? chardev.length() : dot));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
