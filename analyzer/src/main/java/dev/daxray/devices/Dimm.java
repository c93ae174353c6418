package dev.daxray.devices;

import java.math.BigDecimal;
import java.util.List;

import dev.daxray.events.Hex;

/**
 * An ndctl DIMM object ({@code ndctl list -D}, {@code -H} adds {@link Health}).
 *
 * @param state  {@code disabled}, or null when enabled
 * @param flags  the {@code flag_*} keys that are true, without the prefix ({@code failed_arm}, {@code smart_event})
 * @param health the SMART health, or null when not listed
 * @param bus    the enclosing bus when nested, else null
 * @param endLine the line of its closing brace
 * @param text   the object on one line, as read
 */
public record Dimm(String file, long line, String dev, String id, Hex handle, Hex physId, String state,
                   String security, List<String> flags, Health health, String bus, long endLine, String text) {

    public Dimm {
        flags = List.copyOf(flags);
    }

    /**
     * The {@code health} object; every field is null when ndctl did not print it.
     *
     * @param state            {@code ok}, {@code non-critical}, {@code critical}, {@code fatal}, {@code unknown}
     * @param alarms           the {@code alarm_*} flags that are true, without the prefix
     *                         ({@code temperature}, {@code controller_temperature}, {@code spares});
     *                         {@code alarm_enabled_*} are settings, not alarms, and are not listed
     * @param shutdownState    {@code clean} or {@code dirty} (the last shutdown)
     * @param shutdownCount    ndctl's {@code shutdown_count}: the DIMM's count of unclean (dirty) shutdowns
     */
    public record Health(String state, BigDecimal temperature, BigDecimal controllerTemperature,
                         Integer sparesPercentage, Integer sparesThreshold, BigDecimal temperatureThreshold,
                         Integer lifeUsedPercentage, String shutdownState, Long shutdownCount,
                         List<String> alarms) {
        public Health {
            alarms = List.copyOf(alarms);
        }
    }
}
