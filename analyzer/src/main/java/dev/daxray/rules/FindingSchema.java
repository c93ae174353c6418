package dev.daxray.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.daxray.events.EventSchema;
import dev.daxray.events.Hex;

/**
 * The fields a rule can read from another rule's finding ({@code finding <kind>}): what it is, and
 * the first value of the usual keys among its evidence, plus the common fields of its last event.
 */
public final class FindingSchema {

    private FindingSchema() {
    }

    public static final Map<String, Class<?>> FIELDS;

    /** Fields of {@code {incident.*}} references in templates: what the incident has gathered. */
    public static final List<String> INCIDENT_FIELDS =
            List.of("processes", "pfns", "pages", "devices", "filesystems", "findings", "evidence");

    static {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        for (EventSchema.Field common : EventSchema.COMMON) {
            fields.put(common.name(), common.valueType());
        }
        fields.put("kind", String.class);
        fields.put("rule", String.class);
        fields.put("severity", String.class);
        fields.put("pfn", Hex.class);
        fields.put("physAddr", Hex.class);
        fields.put("device", String.class);
        fields.put("fs", String.class);
        fields.put("comm", String.class);
        fields.put("pid", Integer.class);
        fields.put("count", Long.class);
        FIELDS = java.util.Collections.unmodifiableMap(fields);
    }

    static boolean numeric(Class<?> type) {
        return type == Long.class || type == Integer.class || type == Hex.class || type == BigDecimal.class;
    }
}
