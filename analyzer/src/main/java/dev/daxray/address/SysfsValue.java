package dev.daxray.address;

import java.util.Optional;

import dev.daxray.events.Hex;

/**
 * One sysfs attribute value from a bundle, e.g. {@code /sys/bus/nd/devices/region0/resource} =
 * {@code 0x2080000000}.
 *
 * @param device    the directory above the attribute ({@code region0}, {@code pfn0.1}, {@code namespace0.0})
 * @param attribute the file name ({@code resource}, {@code size}, {@code holder}, …)
 */
public record SysfsValue(String path, String device, String attribute, String value, String file, long line) {

    /** The value as a number: {@code 0x…} hex, or decimal (sysfs {@code size} files print decimal). */
    public Optional<Hex> number() {
        String v = value.strip();
        try {
            if (v.startsWith("0x") || v.startsWith("0X")) {
                return Optional.of(Hex.parse(v));
            }
            return Optional.of(new Hex(Long.parseUnsignedLong(v)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String location() {
        return file + ":" + line;
    }
}
