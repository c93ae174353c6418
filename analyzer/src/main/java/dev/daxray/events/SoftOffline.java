package dev.daxray.events;

/** Soft offline of a page (corrected-error retirement or MADV_SOFT_OFFLINE). */
@EventType(value = "soft-offline", description = "page soft-offlined (or soft offline failed)")
public record SoftOffline(Origin origin, Hex pfn, String message) implements Event {
}
