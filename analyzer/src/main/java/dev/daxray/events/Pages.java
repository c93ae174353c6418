package dev.daxray.events;

import java.util.regex.Pattern;

/**
 * The page a physical address is on, for the kernel that printed it: the {@code pfn} of every event with an
 * address ({@link PageAddress}) is derived here and nowhere else. 4 KiB unless the capture says otherwise: an
 * arm64 or ppc64 kernel built for 16 or 64 KiB pages says so in its release ({@code 6.1.55-64k},
 * {@code 5.14.0-427.el9.aarch64+64k}, {@code 6.8.0-1010-nvidia-64k}); without a banner, 4 KiB.
 */
public final class Pages {

    /** The page shift when the kernel is unknown or says nothing: 4 KiB. */
    public static final int DEFAULT_SHIFT = 12;

    private static final Pattern LARGE = Pattern.compile("(?i)[-+_.](16|64)k(?![a-z0-9])");

    private Pages() {
    }

    /** The page shift of the kernel with this release (null: unknown). */
    public static int shift(String kernelRelease) {
        if (kernelRelease == null) {
            return DEFAULT_SHIFT;
        }
        var m = LARGE.matcher(kernelRelease);
        return !m.find() ? DEFAULT_SHIFT : m.group(1).equals("64") ? 16 : 14;
    }

    /** The page frame of {@code physAddr} on that kernel; null when there is no address. */
    public static Hex pfn(Hex physAddr, String kernelRelease) {
        return physAddr == null ? null : physAddr.shiftRight(shift(kernelRelease));
    }
}
