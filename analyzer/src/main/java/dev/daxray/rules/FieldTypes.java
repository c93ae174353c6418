package dev.daxray.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.daxray.events.Hex;

/** Field types in words, for rule error messages. */
final class FieldTypes {

    private FieldTypes() {
    }

    /** What a field of {@code type} is, in words, for error messages. */
    static String describe(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Hex.class) {
            return "a hex number";
        }
        if (type == BigDecimal.class) {
            return "a time in seconds";
        }
        if (type == List.class) {
            return "a list of text";
        }
        if (type == Map.class) {
            return "a map of names to values";
        }
        if (type == Boolean.class) {
            return "true/false";
        }
        if (type == Long.class || type == Integer.class) {
            return "a number";
        }
        throw new IllegalStateException("no words for field type " + type.getName());
    }

    /** What to write for a field of {@code type}, for error messages. */
    static String instead(Class<?> type) {
        if (type == Hex.class) {
            return "write a number such as 0x1850600";
        }
        if (type == BigDecimal.class) {
            return "write whole seconds such as 5";
        }
        if (type == List.class || type == String.class) {
            return "write a string such as \"text\"";
        }
        if (type == Boolean.class) {
            return "write true or false";
        }
        return "write a number such as 42";
    }
}
