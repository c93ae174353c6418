package dev.daxray.events;

import java.util.List;

/**
 * A media error range ndctl lists ({@code ndctl list -M}, {@code inject-error --status}).
 *
 * @param device   the namespace or region whose list holds it
 * @param scope    {@code region}, {@code namespace}, {@code dax} (a devdax namespace's list) or
 *                 {@code injected}
 * @param offset   first 512-byte sector, relative to the list's base (reference §1.7)
 * @param length   sectors
 * @param dimms    the DIMMs ndctl attributes it to
 * @param physAddr the first physical byte, when the bundle gives the base address; else null
 * @param size     bytes ({@code length} × 512)
 * @param pfnStart first page frame, when {@code physAddr} is known
 * @param pfnEnd   last page frame (inclusive), when {@code physAddr} is known
 */
@EventType(value = "badblock", description = "media error range listed by ndctl (512-byte sectors)")
public record Badblock(Origin origin, String device, String scope, Long offset, Long length, List<String> dimms,
                       Hex physAddr, Long size, Hex pfnStart, Hex pfnEnd) implements Event {

    public Badblock {
        dimms = dimms == null ? null : List.copyOf(dimms);
    }
}
