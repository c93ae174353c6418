package dev.daxray.events;

/**
 * An EDAC corrected (CE) or uncorrected (UE) memory error line.
 *
 * @param count    the error count the line reports, null for the {@code edac_mc_panic_on_ue} panic
 * @param message  the driver's error text, e.g. {@code memory read error}, null when empty
 * @param label    the DIMM label(s), or {@code unknown memory} / {@code any memory}
 * @param pfn      the page of {@code physAddr} (the printed {@code page:} unless a {@code SystemAddress} says
 *                 otherwise); null when the driver could not decode the address
 * @param physAddr the driver's {@code SystemAddress} when printed, else page * page size + offset; null when
 *                 page and offset are both 0 (the driver could not translate the address)
 * @param location the location before {@code page:}, e.g. {@code channel:2 slot:0}, null when empty
 */
@EventType(value = "edac", description = "EDAC memory controller CE/UE report")
public record Edac(Origin origin, Integer mc, String severity, Integer count, String message, String label,
                   Hex pfn, Hex offset, Integer grain, Hex physAddr, String detail, String location)
        implements Event {

    /**
     * {@code pfn} is always {@code physAddr}'s page ({@link Pages#pfn}), whatever page the caller passes: the
     * {@code SystemAddress} a driver decoded wins over its {@code page:}, and an undecoded
     * {@code page:0x0 offset:0x0} names no page.
     */
    public Edac {
        pfn = Pages.pfn(physAddr, origin.kernel());
    }

    /**
     * page * page size + offset, as the drivers print them (EDAC's pages are the kernel's); page 0 offset 0 is
     * their "could not decode".
     */
    public static Hex address(Hex page, Hex offset, String kernelRelease) {
        if (page.value() == 0 && offset.value() == 0) {
            return null;
        }
        return new Hex((page.value() << Pages.shift(kernelRelease)) + offset.value());
    }
}
