package dev.daxray.address;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sysfs attribute dumps in the shapes bundles have them: {@code path:value} lines
 * ({@code grep . /sys/bus/nd/devices/}{@code *}{@code /resource}), {@code # cat path} followed by the
 * value (one value line per path for {@code cat a b c}), and {@code ==> path <==} headers
 * ({@code head}/{@code tail} of several files).
 */
public final class Sysfs {

    private static final Pattern PATH_VALUE = Pattern.compile("^\\s*(/sys/\\S+?)\\s*:\\s*(\\S.*?)\\s*$");
    private static final Pattern CAT = Pattern.compile("^.*?[#$]\\s*cat\\s+((?:/sys/\\S+\\s*)+)$");
    private static final Pattern HEAD = Pattern.compile("^==> (/sys/\\S+) <==\\s*$");

    private Sysfs() {
    }

    public static List<SysfsValue> parse(String file, String text, long firstLine) {
        List<SysfsValue> values = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            long lineNr = firstLine + i;
            Matcher m;
            if ((m = CAT.matcher(line)).matches()) {
                pending = new ArrayList<>(List.of(m.group(1).trim().split("\\s+")));
            } else if ((m = HEAD.matcher(line)).matches()) {
                pending = new ArrayList<>(List.of(m.group(1)));
            } else if ((m = PATH_VALUE.matcher(line)).matches()) {
                add(values, m.group(1), m.group(2), file, lineNr);
                pending.clear();
            } else if (!pending.isEmpty() && !line.isBlank()) {
                if (line.startsWith("#") || line.startsWith("$") || line.startsWith("cat:")) {
                    pending.clear();
                } else {
                    add(values, pending.remove(0), line.strip(), file, lineNr);
                }
            }
        }
        return values;
    }

    private static void add(List<SysfsValue> values, String path, String value, String file, long line) {
        String[] parts = path.split("/");
        if (parts.length < 3) {
            return;
        }
        values.add(new SysfsValue(path, parts[parts.length - 2], parts[parts.length - 1], value, file, line));
    }
}
