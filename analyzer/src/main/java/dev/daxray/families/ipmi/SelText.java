package dev.daxray.families.ipmi;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the columns of a SEL record mean, whatever ipmitool's version, locale and vendor decode: its
 * date and time as ISO-8601, the sensor type within the sensor column, the DIMM it names and the
 * ECC severity of its description.
 */
final class SelText {

    /** IPMI 2.0 table 42-3 sensor type names as ipmitool prints them, longest first where one prefixes another. */
    private static final List<String> SENSOR_TYPES = List.of("System Firmware Progress", "System Firmware Error",
            "System Firmwares", "Event Logging Disabled", "Critical Interrupt", "System Event", "Memory", "Processor",
            "Power Supply", "Power Unit", "Cooling Device", "Physical Security", "Platform Security", "Temperature",
            "Voltage", "Current", "Fan", "Drive Slot (Bay)", "Drive Slot / Bay", "POST Memory Resize", "Watchdog1",
            "Watchdog2", "Watchdog", "Button", "Module / Board", "Module/Board", "Microcontroller", "Add-in Card",
            "Chassis", "Chip Set", "Other FRU", "Cable / Interconnect", "Terminator", "System Boot Initiated",
            "Boot Error", "OS Boot", "OS Critical Stop", "Slot / Connector", "System ACPI Power State",
            "Platform Alert", "Entity Presence", "Monitor ASIC", "LAN", "Management Subsys Health", "Battery",
            "Session Audit", "Version Change", "FRU State", "Other", "Unknown");
    private static final Pattern DATE = Pattern.compile(
            "^(?:(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})|(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})|(\\d{4})-(\\d\\d)-(\\d\\d))$");
    private static final Pattern TIME = Pattern.compile("^(\\d{1,2}):(\\d\\d):(\\d\\d)(?: ?([AP]M))?(?: \\S+)?$");
    private static final Pattern CPU_DIMM = Pattern.compile("CPU \\d{1,3} DIMM \\d{1,3}");
    private static final Pattern DIMM_TOKEN = Pattern.compile("\\S*DIMM\\S*");

    private SelText() {
    }

    /** {@code 01/15/2024} + {@code 10:22:31 AM UTC} as {@code 2024-01-15T10:22:31}; null when not a date and time. */
    static String wall(String date, String time) {
        Matcher d = DATE.matcher(date.strip());
        Matcher t = TIME.matcher(time.strip());
        if (!d.matches() || !t.matches()) {
            return null;
        }
        int year;
        int month;
        int day;
        if (d.group(1) != null) {
            month = Integer.parseInt(d.group(1));
            day = Integer.parseInt(d.group(2));
            year = Integer.parseInt(d.group(3));
            year += d.group(3).length() == 2 ? 2000 : 0;
        } else if (d.group(4) != null) {
            day = Integer.parseInt(d.group(4));
            month = Integer.parseInt(d.group(5));
            year = Integer.parseInt(d.group(6));
        } else {
            year = Integer.parseInt(d.group(7));
            month = Integer.parseInt(d.group(8));
            day = Integer.parseInt(d.group(9));
        }
        int hour = Integer.parseInt(t.group(1));
        if (t.group(4) != null) {
            hour = hour % 12 + (t.group(4).equals("PM") ? 12 : 0);
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23) {
            return null;
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%s:%s", year, month, day, hour, t.group(2), t.group(3));
    }

    /** A record id in one form, {@code 1a3}: {@code sel list} pads it with blanks, {@code sel get} with zeros. */
    static String record(String id) {
        return Integer.toHexString(Integer.parseInt(id.strip(), 16));
    }

    /** The sensor type the sensor column starts with ({@code Memory} of {@code Memory #0x01}). */
    static String sensorType(String sensor) {
        for (String type : SENSOR_TYPES) {
            if (sensor.startsWith(type) && (sensor.length() == type.length() || sensor.charAt(type.length()) == ' ')) {
                return type;
            }
        }
        return null;
    }

    /**
     * The DIMM a record names: ipmitool's {@code CPU 1 DIMM 2} column, an OEM decode in the description's
     * parentheses ({@code (@DIMMA1(CPU1))}, Quanta {@code (CPU0_G1)}, Dell {@code (Correctable ECC |  DIMMA1)}),
     * or a DIMM in the sensor's SDR name ({@code Memory CPU1_DIMM_A1}).
     */
    static String dimm(String extra, String description, String sensor) {
        if (extra != null) {
            Matcher m = CPU_DIMM.matcher(extra);
            if (m.find()) {
                return m.group();
            }
        }
        int open = description.indexOf('(');
        if (open >= 0 && description.endsWith(")")) {
            String inside = description.substring(open + 1, description.length() - 1);
            int bar = inside.lastIndexOf('|');
            inside = (bar >= 0 ? inside.substring(bar + 1) : inside).strip();
            if (inside.startsWith("@")) {
                inside = inside.substring(1);
            }
            if (!inside.isEmpty()) {
                return inside;
            }
        }
        Matcher m = DIMM_TOKEN.matcher(sensor);
        return m.find() ? m.group() : null;
    }

    /** {@code uncorrected} for uncorrectable ECC, parity and scrub failures, {@code corrected} for correctable ECC. */
    static String severity(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.startsWith("uncorrectable ecc") || d.startsWith("memory scrub failed") || d.startsWith("parity")) {
            return "uncorrected";
        }
        return d.startsWith("correctable ecc") || d.startsWith("correctable memory error") ? "corrected" : null;
    }
}
