package dev.daxray.devices;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daxray.events.Hex;

/**
 * Converts ndctl's scalar spellings (reference §1.1): integers that may be negative int64 for a
 * u64, {@code "0x…"} strings under {@code -u}, and human size strings.
 */
final class Values {

    /** {@code "15.75 GiB (16.91 GB)"}; ndctl prints MiB/GiB/TiB, the others are accepted too. */
    private static final Pattern HUMAN = Pattern.compile(
            "\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTPE])iB(?:\\s*\\(\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTPE])B\\s*\\))?\\s*");

    private Values() {
    }

    /** A size: JSON integer, {@code "0x…"}, decimal string, or human string. */
    static Size size(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return Size.exact(asLong(number));
        }
        String text = value.toString().trim();
        if (isHex(text)) {
            return Size.exact(Hex.parse(text).value());
        }
        if (text.chars().allMatch(Character::isDigit) && !text.isEmpty()) {
            return Size.exact(Long.parseLong(text));
        }
        Matcher m = HUMAN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: [" + text + "]; expected an integer, 0x… or"
                    + " \"<n.nn> GiB (<n.nn> GB)\"");
        }
        long[] iec = interval(new BigDecimal(m.group(1)), BigInteger.ONE.shiftLeft(10 * power(m.group(2))));
        long low = iec[0];
        long high = iec[1];
        if (m.group(3) != null) {
            long[] si = interval(new BigDecimal(m.group(3)), BigInteger.TEN.pow(3 * power(m.group(4))));
            if (Math.max(low, si[0]) <= Math.min(high, si[1])) {
                low = Math.max(low, si[0]);
                high = Math.min(high, si[1]);
            }
        }
        return new Size(low + (high - low) / 2, low, high);
    }

    /** A hex field: integer (negative means u64 wrap-around), {@code "0x…"}, or {@code "0"}. */
    static Hex hex(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return new Hex(asLong(number));
        }
        String text = value.toString().trim();
        if (isHex(text)) {
            return Hex.parse(text);
        }
        if (text.startsWith("-")) {
            return new Hex(Long.parseLong(text));
        }
        return new Hex(Long.parseUnsignedLong(text));
    }

    static Long integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return asLong(number);
        }
        String text = value.toString().trim();
        return isHex(text) ? Hex.parse(text).value() : Long.parseLong(text);
    }

    static Integer int32(Object value) {
        Long l = integer(value);
        return l == null ? null : Math.toIntExact(l);
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return new BigDecimal(value.toString().trim());
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }

    static Boolean bool(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }

    private static boolean isHex(String text) {
        return text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"));
    }

    private static long asLong(Number number) {
        if (number instanceof BigInteger big) {
            return big.longValue(); // u64 above Long.MAX_VALUE: keep the bits
        }
        if (number instanceof BigDecimal d) {
            return d.longValueExact();
        }
        return number.longValue();
    }

    private static int power(String prefix) {
        return "KMGTPE".indexOf(prefix) + 1;
    }

    /** Values that round to {@code shown} at two decimals in {@code unit}: [shown−0.005, shown+0.005]. */
    private static long[] interval(BigDecimal shown, BigInteger unit) {
        BigDecimal u = new BigDecimal(unit);
        BigDecimal half = new BigDecimal("0.005");
        long low = shown.subtract(half).max(BigDecimal.ZERO).multiply(u).setScale(0, RoundingMode.CEILING)
                .longValueExact();
        long high = shown.add(half).multiply(u).setScale(0, RoundingMode.FLOOR).longValueExact();
        return new long[] {low, high};
    }
}
