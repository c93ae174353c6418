package dev.daxray.events;

/**
 * A corrected-error threshold a RAS daemon reported as exceeded: mcelog's page, DIMM or socket
 * accounting ({@code Corrected memory errors on page 3ffe4c1000 exceed threshold 2 in 24h}) and rasdaemon's
 * page isolation ({@code Corrected Errors at 0x3ffe4c1000 exceeded threshold}): a corrected-error storm
 * on one page or DIMM, which the daemon answers by offlining the page.
 *
 * @param source   {@code mcelog} or {@code rasdaemon}
 * @param scope    {@code page}, {@code dimm}, {@code socket} or {@code row}
 * @param pfn      the page, when the threshold is a page's
 * @param location the daemon's location text ({@code SOCKET:0 CHANNEL:1 DIMM:? []}), when printed
 * @param count    the threshold as printed ({@code 2 in 24h}), when printed
 */
@EventType(value = "ce-threshold", description = "corrected-error threshold exceeded (mcelog, rasdaemon page isolation)")
public record CeThreshold(Origin origin, String source, String scope, Hex pfn, String location, String count,
                          String message) implements Event {
}
