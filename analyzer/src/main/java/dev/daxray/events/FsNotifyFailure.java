package dev.daxray.events;

/** A filesystem's notify_failure handler speaking (XFS {@code xfs_dax_notify_failure}). */
@EventType(value = "fs-notify-failure", description = "filesystem notify_failure() message")
public record FsNotifyFailure(Origin origin, String fs, String device, String message) implements Event {
}
