package dev.daxray.rules;

import java.math.BigDecimal;
import java.util.List;

import dev.daxray.events.Hex;

/** How rule conditions and keys compare field values. */
public final class Values {

    private Values() {
    }

    /** Keys compare as longs (hex pfn == shifted hex address), strings as themselves. */
    public static Object normalise(Object value) {
        if (value instanceof Hex h) {
            return h.value();
        }
        if (value instanceof Integer i) {
            return i.longValue();
        }
        return value;
    }

    /** Compares a numeric field value with a number literal; hex values compare unsigned. */
    static int compareNumber(Object value, long literal) {
        if (value instanceof Hex h) {
            return Long.compareUnsigned(h.value(), literal);
        }
        if (value instanceof BigDecimal d) {
            return d.compareTo(BigDecimal.valueOf(literal));
        }
        return Long.compare(((Number) value).longValue(), literal);
    }

    static boolean equalsLiteral(Object value, Object literal) {
        if (literal == null || value == null) {
            return value == literal;
        }
        if (literal instanceof Long l) {
            return (value instanceof Number || value instanceof Hex) && compareNumber(value, l) == 0;
        }
        if (value instanceof List<?> list) {
            return list.contains(literal);
        }
        return value.equals(literal);
    }
}
