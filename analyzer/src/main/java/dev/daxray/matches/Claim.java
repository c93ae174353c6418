package dev.daxray.matches;

/**
 * What incident building attaches to an event once it has placed it in an incident (see
 * {@link HeldEvent#claim()}): two findings that share an event then land in one incident, and the event
 * is counted once, without a table of every event seen.
 */
public interface Claim {
}
