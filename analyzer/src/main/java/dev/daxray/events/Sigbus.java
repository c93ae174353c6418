package dev.daxray.events;

/**
 * A process signalled or killed because of poisoned memory.
 *
 * @param action  {@code sigbus} (Sending SIGBUS), {@code kill} (Killing, pre-5.3), {@code kill-early},
 *                {@code force-kill} (forcibly killing), {@code signal-failed}, {@code fault-kill}
 *                (x86 page-fault path, {@code MCE: Killing ... fault at})
 * @param address the user virtual address, when printed (fault path)
 */
@EventType(value = "sigbus", description = "process signalled or killed for poisoned memory")
public record Sigbus(Origin origin, Hex pfn, String comm, Integer pid, String action, Hex address)
        implements Event {
}
