package dev.daxray.events;

/** {@code already hardware poisoned} (kernels before about 6.10). */
@EventType(value = "already-poisoned", description = "pfn was already hardware poisoned")
public record AlreadyPoisoned(Origin origin, Hex pfn) implements Event {
}
