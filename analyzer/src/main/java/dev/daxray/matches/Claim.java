package dev.daxray.matches;

/**
 * What incident building attaches to an event once a kept finding holds it (see {@link HeldEvent#claim()}),
 * above all the incident that placed it: two findings that share an event then land in one incident, and
 * the event is counted once, without a table of every event seen.
 */
public interface Claim {
}
