package dev.daxray.events;

import java.util.List;

/**
 * An oops, BUG, WARNING, KASAN / UBSAN report or panic, joined from its block of lines.
 *
 * <p>Kinds:
 * <ul>
 *   <li>{@code oops}: a kernel-mode fault that killed the task: x86 page faults ({@code BUG: unable to
 *       handle page fault}, {@code BUG: kernel NULL pointer dereference}, ≤ 5.1 {@code BUG: unable to handle
 *       kernel …}), a bare {@code Oops:}, {@code stack segment}, {@code divide error}, arm64
 *       {@code Unable to handle kernel …} / {@code Internal error: …};</li>
 *   <li>{@code gpf}: {@code general protection fault} (x86);</li>
 *   <li>{@code invalid-opcode}: {@code invalid opcode} that is not the trap of a {@code kernel BUG at};</li>
 *   <li>{@code bug}: {@code kernel BUG at …} and the other {@code BUG: …} reports (soft lockup, Bad page
 *       state, KFENCE, sleeping function called from invalid context, …);</li>
 *   <li>{@code warning}: {@code WARNING: …} (WARN_ON and friends; the system keeps running);</li>
 *   <li>{@code kasan}: {@code BUG: KASAN: …} reports;</li>
 *   <li>{@code ubsan}: {@code UBSAN: …} reports;</li>
 *   <li>{@code panic}: {@code Kernel panic - not syncing: …} that is a report of its own (MCE panics,
 *       init killed without an oops, …). A panic caused by the report just before it (for example
 *       {@code Fatal exception} after an oops, {@code Attempted to kill init!} after init oopsed) does not
 *       make an event of its own: that report keeps its kind and gets {@code panic} set.</li>
 * </ul>
 *
 * @param kind      one of the kinds above
 * @param title     normalised title in the style of syzkaller's ({@code WARNING in dax_insert_entry},
 *                  {@code KASAN: slab-use-after-free Read in nfit_handle_mce}, {@code kernel panic: Fatal
 *                  machine check}): no addresses, offsets, pids or numbers, so equal crashes match
 * @param function  the faulting function ({@code WARNING … at}, {@code KASAN … in}, RIP, {@code IP:}, arm64
 *                  {@code pc :}; else the top of the call trace), offsets, {@code [module]} and compiler clone
 *                  suffixes ({@code .constprop.0}, {@code .isra.0}, …) stripped; null when unknown
 * @param comm      the task's command from the {@code CPU:} line (or the WARNING line), or null
 * @param pid       its pid, or null
 * @param cpu       the CPU it ran on, or null
 * @param tainted   the taint as printed on the {@code CPU:} line: {@code Not tainted} or the flags
 *                  ({@code G   M}); null when the line does not say
 * @param callTrace the call trace's function names, in printed order, unreliable ({@code ?}) frames
 *                  left out, names normalised like {@code function}; only the first trace of the report
 *                  (not KASAN's allocation / free stacks)
 * @param panic     the panic reason, normalised ({@code Fatal exception}, {@code Attempted to kill init!}),
 *                  when the report is or ended in a kernel panic; else null
 */
@EventType(value = "crash", description = "kernel oops / BUG / WARNING / KASAN / panic block")
public record Crash(Origin origin, String kind, String title, String function, String comm, Integer pid,
                    Integer cpu, String tainted, List<String> callTrace, String panic) implements Event {

    public Crash {
        callTrace = List.copyOf(callTrace);
    }
}
