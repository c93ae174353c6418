package dev.daxray.events;

import java.math.BigDecimal;
import java.util.List;

/**
 * One DIMM's SMART health as {@code ndctl list -DH} printed it.
 *
 * @param state             {@code ok}, {@code non-critical}, {@code critical}, {@code fatal}, {@code unknown}
 * @param uncleanShutdowns  ndctl's {@code shutdown_count}, the DIMM's dirty-shutdown counter
 * @param shutdownState     {@code clean} or {@code dirty}
 * @param spares            {@code spares_percentage}
 * @param alarms            tripped alarms ({@code temperature}, {@code controller_temperature},
 *                          {@code spares}) and failure flags ({@code failed_arm}, {@code smart_event}, …)
 * @param temperature       media temperature in °C
 */
@EventType(value = "dimm-health", description = "NVDIMM SMART health from ndctl list -H")
public record DimmHealth(Origin origin, String dimm, String state, Long uncleanShutdowns, String shutdownState,
                         Integer spares, Integer lifeUsed, List<String> alarms, BigDecimal temperature,
                         BigDecimal controllerTemperature) implements Event {

    public DimmHealth {
        alarms = alarms == null ? null : List.copyOf(alarms);
    }
}
