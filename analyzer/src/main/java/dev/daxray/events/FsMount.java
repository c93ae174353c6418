package dev.daxray.events;

/**
 * A mount-time message: {@code Mounting V5 Filesystem}, and the DAX mount messages.
 *
 * @param dax {@code enabled}, {@code unsupported} (DAX turned off or refused) or null when the line
 *            says nothing about DAX
 */
@EventType(value = "fs-mount", description = "filesystem mount (including DAX mount messages)")
public record FsMount(Origin origin, String fs, String device, String dax, String uuid, String message)
        implements Event {
}
