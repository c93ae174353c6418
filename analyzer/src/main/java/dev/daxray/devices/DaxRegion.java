package dev.daxray.devices;

/**
 * A dax region: {@code daxctl list -R}, or the {@code daxregion} of a devdax namespace.
 *
 * @param path      the sysfs path daxctl prints (absent when embedded in ndctl output)
 * @param namespace the devdax namespace it was listed in, else null
 */
public record DaxRegion(String file, long line, Integer id, Size size, Size availableSize, Long align, String path,
                        String namespace) {
}
