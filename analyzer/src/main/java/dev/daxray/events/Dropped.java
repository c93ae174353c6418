package dev.daxray.events;

/** {@code ** N printk messages dropped **}: the capture is missing lines here. */
@EventType(value = "printk-dropped", description = "printk dropped messages: the capture has a gap")
public record Dropped(Origin origin, long count) implements Event {
}
