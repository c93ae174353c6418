package dev.daxray.events;

/** The memory_failure() verdict: {@code recovery action for <pageType>: <result>}. */
@EventType(value = "memory-failure", description = "memory_failure() verdict for a pfn")
public record MemoryFailure(Origin origin, Hex pfn, String pageType, String result) implements Event {
}
