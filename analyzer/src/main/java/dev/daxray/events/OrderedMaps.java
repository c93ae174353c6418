package dev.daxray.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies of maps that keep their order (Map.copyOf does not), for fields printed as read. */
final class OrderedMaps {

    private OrderedMaps() {
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
