package dev.daxray.events;

/**
 * A record of a BMC's IPMI System Event Log as {@code ipmitool sel list}, {@code sel elist} or the verbose
 * {@code sel get} / {@code -v sel list} print it. Its time is the BMC's clock (wall-clock only, often
 * local time and skewed from the host's).
 *
 * @param record     the SEL record id as printed (hex, e.g. {@code 1a3})
 * @param sensorType the sensor type ({@code Memory}, {@code Processor}, {@code Event Logging Disabled}, ...)
 * @param sensor     the sensor as printed ({@code Memory #0x01}, {@code Memory DIMM_A1 ECC})
 * @param event      the event description ({@code Uncorrectable ECC}, {@code Correctable ECC logging limit reached})
 * @param state      {@code asserted} or {@code deasserted}
 * @param dimm       the DIMM the record names ({@code CPU 1 DIMM 2}, an OEM label such as {@code DIMMA1(CPU1)}), or null
 * @param severity   {@code corrected} or {@code uncorrected} for ECC events, else null
 */
@EventType(value = "ipmi-sel", description = "IPMI System Event Log record (ipmitool sel list / elist / get)")
public record IpmiSel(Origin origin, String record, String sensorType, String sensor, String event, String state,
                      String dimm, String severity) implements Event {
}
