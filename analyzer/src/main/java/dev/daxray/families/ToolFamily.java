package dev.daxray.families;

/**
 * A family that reads a user-space RAS tool's output (mcelog, rasdaemon, ipmitool) rather than the
 * kernel's. A journal entry that the kernel did not write is offered only to these families: such
 * tools log through syslog under their own identifier, and other programs' messages are chatter.
 */
public interface ToolFamily extends Family {
}
