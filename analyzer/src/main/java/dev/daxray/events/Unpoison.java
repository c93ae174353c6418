package dev.daxray.events;

/** An unpoison_memory() message (debugfs unpoison-pfn). */
@EventType(value = "unpoison", description = "unpoison of a pfn")
public record Unpoison(Origin origin, Hex pfn, String message) implements Event {
}
