package dev.daxray.events;

/** Any other per-pfn line of memory_failure(), e.g. {@code still referenced by 1 users}. */
@EventType(value = "memory-failure-note", description = "other memory_failure() message about a pfn")
public record MemoryFailureNote(Origin origin, Hex pfn, String message) implements Event {
}
