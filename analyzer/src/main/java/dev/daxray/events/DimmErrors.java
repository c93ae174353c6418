package dev.daxray.events;

/**
 * A DIMM's error counts as a RAS tool summarised them: {@code mcelog --client}, {@code ras-mc-ctl --summary}
 * and {@code --error-count}. A summary has no time of its own; it says a DIMM has been failing.
 *
 * @param source      {@code mcelog} or {@code ras-mc-ctl}
 * @param dimm        the DIMM's label or the tool's name for it ({@code CPU_SrcID#0_MC#0_Chan#1_DIMM#0},
 *                    {@code SOCKET 0 CHANNEL 1 DIMM any})
 * @param location    the tool's location ({@code 0:1:0:-1}, {@code SOCKET:0 CHANNEL:1 DIMM:any}), when given
 * @param corrected   corrected errors counted, when given
 * @param uncorrected uncorrected errors counted, when given
 */
@EventType(value = "dimm-errors", description = "per-DIMM error counts (mcelog --client, ras-mc-ctl --summary / --error-count)")
public record DimmErrors(Origin origin, String source, String dimm, String location, Long corrected,
                         Long uncorrected, String message) implements Event {
}
