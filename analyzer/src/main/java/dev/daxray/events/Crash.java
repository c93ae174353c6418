package dev.daxray.events;

import java.util.List;

/**
 * A kernel crash report: oops, BUG, WARNING, sanitiser report (KASAN, KMSAN, KCSAN, KFENCE, UBSAN), hung
 * task, RCU stall, lockup, lockdep report, memory leak or panic, joined from its block of lines.
 *
 * <p>Kinds:
 * <ul>
 *   <li>{@code kasan}, {@code kmsan}, {@code kcsan}, {@code kfence}, {@code ubsan}: sanitiser reports;</li>
 *   <li>{@code warning}: {@code WARNING: …} (WARN_ON and friends, also the named checks: refcount, ODEBUG,
 *       kobject, usercopy, kmalloc); the system keeps running;</li>
 *   <li>{@code lockdep}: lockdep's reports (possible deadlock, inconsistent lock state, bad unlock balance,
 *       held lock freed, suspicious RCU usage, non-static key, locking bug, …);</li>
 *   <li>{@code hung-task}: {@code INFO: task … blocked for more than N seconds} (and {@code can't die});</li>
 *   <li>{@code rcu-stall}: {@code INFO: rcu_* detected stall(s)};</li>
 *   <li>{@code lockup}: soft lockups and workqueue lockups;</li>
 *   <li>{@code memory-leak}: kmemleak's leak reports;</li>
 *   <li>{@code oops}: a kernel-mode fault or trap: x86 page faults and NULL dereferences, {@code stack
 *       segment}, {@code divide error}, double fault, arm/arm64 {@code Unable to handle kernel …},
 *       {@code Internal error}, {@code Unhandled fault}, a bare {@code Oops:} whose header was lost;</li>
 *   <li>{@code gpf}: {@code general protection fault} (x86);</li>
 *   <li>{@code invalid-opcode}: {@code invalid opcode} that is not the trap of a {@code kernel BUG at};</li>
 *   <li>{@code bug}: {@code kernel BUG at …} and the other {@code BUG: …} reports (Bad page state, sleeping
 *       function called from invalid context, scheduling while atomic, corrupted list, bad usercopy, …);</li>
 *   <li>{@code panic}: {@code Kernel panic - not syncing: …} that is a report of its own (MCE panics, init
 *       killed without an oops, stack corruption, …). A panic caused by the report just before it
 *       ({@code Fatal exception} after an oops, {@code panic_on_warn set} after a WARNING,
 *       {@code hung_task: blocked tasks} after a hung task) makes no event of its own: that report keeps
 *       its kind and title and gets {@code panic} set;</li>
 *   <li>{@code reboot}: a console shows the kernel booting again after it had printed lines, with no
 *       orderly restart in between.</li>
 * </ul>
 *
 * @param kind           one of the kinds above
 * @param title          the title syzkaller gives the report ({@code KASAN: slab-use-after-free Read in
 *                       nfit_handle_mce}, {@code INFO: task hung in dax_layout_busy_page}, {@code possible
 *                       deadlock in xfs_ilock}, {@code WARNING in dax_insert_entry}): no addresses, offsets,
 *                       pids or numbers, so the same bug has the same title on every host and in syzbot's
 *                       dashboard and bug trackers
 * @param function       the faulting function as printed (the symbol the header names, else the first
 *                       kernel {@code RIP:} / {@code IP:} / arm64 {@code pc :}, else the top of the call
 *                       trace), offsets, {@code [module]} and clone suffixes stripped; null when unknown
 * @param comm           the task's command from the {@code CPU:} line (or the WARNING line), or null
 * @param pid            its pid, or null
 * @param cpu            the CPU it ran on, or null
 * @param tainted        the taint as printed on the {@code CPU:} line: {@code Not tainted} or the flags
 *                       ({@code G   M}); null when the line does not say
 * @param callTrace      the call trace's function names, in printed order, unreliable ({@code ?}) frames
 *                       left out, names normalised like {@code function}; only the first trace of the report
 *                       (not KASAN's allocation / free stacks)
 * @param panic          the panic reason, normalised ({@code Fatal exception}, {@code Attempted to kill
 *                       init!}), when the report is or ended in a kernel panic; else null
 * @param guiltyFunction the function the title names: the first frame that is not a helper (locking,
 *                       allocation, printing, sanitiser, refcount, list and string code …); null when the
 *                       report names none
 * @param corrupted      the report is cut, interleaved with other output or lost its header, so its title
 *                       may not name the bug
 */
@EventType(value = "crash", description = "kernel crash report: oops / BUG / WARNING / sanitiser / hang / stall / "
        + "lockdep / leak / panic")
public record Crash(Origin origin, String kind, String title, String function, String comm, Integer pid,
                    Integer cpu, String tainted, List<String> callTrace, String panic, String guiltyFunction,
                    boolean corrupted) implements Event {

    public Crash {
        callTrace = List.copyOf(callTrace);
    }
}
