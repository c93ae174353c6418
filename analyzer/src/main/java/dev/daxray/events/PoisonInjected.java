package dev.daxray.events;

/** Software poison injection: madvise(MADV_HWPOISON) or the hwpoison-inject debugfs file. */
@EventType(value = "poison-injected", description = "poison injected by software (madvise, hwpoison-inject)")
public record PoisonInjected(Origin origin, Hex pfn, Hex address, String method) implements Event {
}
