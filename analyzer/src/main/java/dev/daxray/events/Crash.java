package dev.daxray.events;

import java.util.List;

/**
 * An oops, BUG, WARNING, KASAN report or panic, joined from its block of lines.
 *
 * @param kind      {@code oops}, {@code bug}, {@code warning}, {@code kasan}, {@code panic}
 * @param title     normalised title: addresses, offsets and numbers masked, so equal crashes match
 * @param function  the faulting function (RIP, {@code WARNING at}, {@code IP:}), offsets stripped
 * @param callTrace the call trace's function names, in printed order, unreliable ({@code ?}) frames
 *                  left out
 */
@EventType(value = "crash", description = "kernel oops / BUG / WARNING / panic block")
public record Crash(Origin origin, String kind, String title, String function, String comm, Integer pid,
                    Integer cpu, String tainted, List<String> callTrace) implements Event {

    public Crash {
        callTrace = List.copyOf(callTrace);
    }
}
