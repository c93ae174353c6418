package dev.daxray.events;

/** x86/PAT {@code conflicting memory types}, seen when poison handling tries set_memory_uc(). */
@EventType(value = "pat-conflict", description = "x86/PAT conflicting memory types")
public record PatConflict(Origin origin, String comm, Integer pid, Hex start, Hex end, String message)
        implements Event {
}
