package dev.daxray.events;

/** The {@code Linux version …} banner that starts a boot. */
@EventType(value = "boot", description = "kernel boot banner (Linux version ...)")
public record Boot(Origin origin, String release) implements Event {
}
