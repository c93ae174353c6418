package dev.daxray.devices;

import java.util.List;

/**
 * An ndctl namespace object.
 *
 * @param mode       {@code fsdax}, {@code devdax}, {@code sector} or {@code raw}; ndctl &lt; v59's
 *                   {@code memory} and {@code dax} are normalised to fsdax and devdax
 * @param rawMode    the mode as printed
 * @param size       fsdax/devdax: the usable data size, not the namespace size (reference §1.6)
 * @param align      raw integer, never human
 * @param daxRegion  the {@code daxregion} object ({@code -X}), or null
 * @param region     the enclosing region, or the one the name implies ({@code namespace1.0} → {@code region1})
 */
public record Namespace(String file, long line, String dev, String mode, String rawMode, String map, Size size,
                        String uuid, String rawUuid, Integer sectorSize, Long align, String blockdev,
                        String chardev, String state, String name, Integer numaNode, Long badblockCount,
                        List<Badblock> badblocks, DaxRegion daxRegion, String region, String bus) {

    public Namespace {
        badblocks = List.copyOf(badblocks);
    }

    /** {@code namespaceX.Y} → {@code regionX}; null for other names. */
    public static String regionOf(String namespace) {
        if (namespace == null || !namespace.startsWith("namespace")) {
            return null;
        }
        int dot = namespace.indexOf('.');
        String id = namespace.substring("namespace".length(), dot < 0 ? namespace.length() : dot);
        return id.isEmpty() || !id.chars().allMatch(Character::isDigit) ? null : "region" + id;
    }

    public static String normaliseMode(String mode) {
        if (mode == null) {
            return null;
        }
        return switch (mode) {
            case "memory" -> "fsdax";
            case "dax" -> "devdax";
            default -> mode;
        };
    }
}
