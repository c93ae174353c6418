package dev.daxray.events;

/**
 * x86/PAT {@code conflicting memory types}, seen when poison handling tries set_memory_uc(), and the
 * PAT complaints that go with it ({@code freeing invalid memtype}, {@code memtype_reserve failed}).
 *
 * @param comm  the task, when the line names one
 * @param start first byte of the physical range
 * @param end   end of the range, exclusive
 */
@EventType(value = "pat-conflict", description = "x86/PAT conflicting memory types")
public record PatConflict(Origin origin, String comm, Integer pid, Hex start, Hex end, String message)
        implements Event {
}
