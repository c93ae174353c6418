package dev.daxray.families.crash;

import static dev.daxray.families.crash.BugFormats.LOCK_SITE;
import static dev.daxray.families.crash.ReportFormat.titled;

import java.util.List;

import dev.daxray.families.crash.ReportFormat.Kind;
import dev.daxray.families.crash.ReportFormat.Re;

/**
 * Reports that start with {@code WARNING:} (WARN() from kernel/panic.c {@code __warn}, and lockdep's
 * reports since 4.11) or {@code INFO:} (hung tasks, RCU stalls, lockdep before 4.11).
 *
 * <p>A WARN names the function that trapped ({@code RIP:}), or, without one, the call trace. WARNs of
 * generic checkers are named after what they check and the first caller that is not the checker:
 * {@code WARNING: refcount bug in foo_put} for lib/refcount.c, {@code WARNING: ODEBUG bug in} for
 * lib/debugobjects.c, and so on.
 */
final class WarningFormats {

    private WarningFormats() {
    }

    private static final String FN = Re.FN;
    private static final String SOURCE = Re.SOURCE;
    private static final String LATER = Re.LATER;

    static final List<ReportFormat> WARNING = List.of(
        checker("lib/debugobjects\\.c.* (?:debug_print|debug_check|at)", "WARNING: ODEBUG bug in ",
            "debug_", "rcu", "hrtimer_", "timer_", "work_", "percpu_", "vunmap", "vfree", "__free_", "debug_check",
            "kobject_"),
        checker("mm/usercopy\\.c.* (?:usercopy_warn|at)", "WARNING: bad usercopy in ", "usercopy", "__check"),
        checker("lib/kobject\\.c.* (?:kobject_|at)", "WARNING: kobject bug in ", "kobject_"),
        checker("fs/proc/generic\\.c.* (?:proc_register|at)", "WARNING: proc registration bug in ", "proc_"),
        checker("lib/refcount\\.c.* (?:refcount_|at)", "WARNING: refcount bug in ", "refcount", "kobject_"),
        titled("WARNING: .*kernel/locking/lockdep\\.c.*lock_")
            .stack(Stack.warning("lock_sock", "release_sock"))
            .as(Kind.LOCKDEP, a -> "WARNING: locking bug in " + a.frame(0)),
        titled("WARNING: .*still has locks held!").report("WARNING: .*still has locks held!" + LATER + "at: " + FN)
            .as(Kind.LOCKDEP, a -> "WARNING: still has locks held in " + a.group(1)),
        titled("WARNING: Nested lock was not taken").stack(Stack.warning())
            .as(Kind.LOCKDEP, a -> "WARNING: nested lock was not taken in " + a.frame(0)),
        titled("WARNING: lock held when returning to user space").noStackTrace()
            .report("WARNING: lock held when returning to user space" + LATER
                + "leaving the kernel with locks still held" + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "WARNING: lock held when returning to user space in " + a.group(1)),
        checker("mm/.*\\.c.* k?\\S?malloc", "WARNING: kmalloc bug in ", "kmalloc", "krealloc", "slab", "kmem"),
        checker("mm/vmalloc\\.c.*__vmalloc_node", "WARNING: zero-size vmalloc in "),
        titled("WARNING: .* usb_submit_urb")
            .stack(Stack.warning("usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg", "usb_interrupt_msg",
                "usb_control_msg"))
            .as(Kind.WARNING, a -> "WARNING in " + a.frame(0) + "/usb_submit_urb"),

        // WARN() headers: ≤ 6.18 "WARNING: CPU: %d PID: %d at %s:%d %pS"; 6.19 "WARNING: %s:%d at %pS, CPU#%d: %s/%d",
        // with CONFIG_DEBUG_BUGVERBOSE_DETAILED the condition first: "WARNING: [cond] %s:%d at %pS"
        titled("WARNING: " + SOURCE + " at 0x\\d+, CPU#\\d+").stack(Stack.warning())
            .as(Kind.WARNING, a -> "WARNING in " + a.frame(0)),
        titled("WARNING: .* at " + SOURCE + " " + FN).stack(Stack.warning())
            .as(Kind.WARNING, a -> "WARNING in " + a.frame(0)),
        titled("WARNING: " + SOURCE + " at " + FN).stack(Stack.warning())
            .as(Kind.WARNING, a -> "WARNING in " + a.frame(0)),
        titled("WARNING: \\[.*\\] " + SOURCE + " at " + FN + ".*").stack(Stack.warning())
            .as(Kind.WARNING, a -> "WARNING in " + a.frame(0)),

        // lockdep (kernel/locking/lockdep.c), 4.11+
        titled("WARNING: possible circular locking dependency detected")
            .report("WARNING: possible circular locking dependency detected" + LATER + "is trying to acquire lock")
            .stack(Stack.of(Stack.find("is trying to acquire lock"), Stack.find(LOCK_SITE), Stack.find(LOCK_SITE),
                Stack.READ).skipping("process_one_work", "flush_workqueue", "drain_workqueue", "destroy_workqueue"))
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.frame(0)),
        titled("WARNING: possible irq lock inversion dependency detected")
            .report("WARNING: possible irq lock inversion dependency detected" + LATER
                + "just changed the state of lock" + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        // the lock that became irq-safe is taken in interrupt context: its stack names the owner
        titled("WARNING: .*-safe -> .*-unsafe lock order detected")
            .stack(Stack.of(Stack.find("which became \\S+-irq-safe at:"), Stack.READ))
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.frame(0)),
        titled("WARNING: possible recursive locking detected")
            .report("WARNING: possible recursive locking detected" + LATER + "is trying to acquire lock" + LATER
                + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        titled("WARNING: inconsistent lock state")
            .report("WARNING: inconsistent lock state" + LATER + "takes" + LATER + LOCK_SITE)
            .stack(Stack.trace())
            .as(Kind.LOCKDEP, a -> "inconsistent lock state in " + a.frame(0)),
        titled("WARNING: suspicious RCU usage")
            .stack(Stack.trace().skipping("rcu", "kmem", "slab"))
            .as(Kind.LOCKDEP, a -> "WARNING: suspicious RCU usage in " + a.frame(0)),
        titled("WARNING: kernel stack regs at \\p{XDigit}+ in [^ ]* has bad '([^']+)' value").noStackTrace()
            .as(Kind.WARNING, a -> "WARNING: kernel stack regs has bad '" + a.group(1) + "' value"),
        titled("WARNING: kernel stack frame pointer at \\p{XDigit}+ in [^ ]* has bad value").noStackTrace()
            .as(Kind.WARNING, "WARNING: kernel stack frame pointer has bad value"),
        titled("WARNING: bad unlock balance detected!")
            .report("WARNING: bad unlock balance detected!" + LATER + "is trying to release lock")
            .stack(Stack.of(Stack.find(Re.ADDR_MARK + " +" + FN), Stack.CALL_TRACE, Stack.READ))
            .as(Kind.LOCKDEP, a -> "WARNING: bad unlock balance in " + a.frame(0)),
        titled("WARNING: held lock freed!").report("WARNING: held lock freed!" + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "WARNING: held lock freed in " + a.group(1)),
        titled("WARNING: kernel stack regs .* has bad 'bp' value").noStackTrace()
            .as(Kind.WARNING, "WARNING: kernel stack regs has bad value"),
        titled("WARNING: kernel stack frame pointer .* has bad value").noStackTrace()
            .as(Kind.WARNING, "WARNING: kernel stack regs has bad value"),
        titled("WARNING:\\s*(?:\\n|$)").corrupted().as(Kind.WARNING, "WARNING: corrupted"));

    /** Lockdep before 4.11 ({@code [ INFO: … ]}), RCU stalls (kernel/rcu/tree_stall.h), hung tasks (kernel/hung_task.c). */
    static final List<ReportFormat> INFO = List.of(
        titled("INFO: possible circular locking dependency detected")
            .report("INFO: possible circular locking dependency detected \\]" + LATER + "is trying to acquire lock"
                + LATER + "at: " + Re.ADDR_MARK + " +" + FN)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        titled("INFO: possible irq lock inversion dependency detected")
            .report("INFO: possible irq lock inversion dependency detected \\]" + LATER
                + "just changed the state of lock" + LATER + "at: " + Re.ADDR_MARK + " +" + FN)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        titled("INFO: .*-safe -> .*-unsafe lock order detected")
            .report("INFO: .*-safe -> .*-unsafe lock order detected \\]" + LATER + "is trying to acquire" + LATER
                + "at: " + Re.ADDR_MARK + " +" + FN)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        titled("INFO: possible recursive locking detected")
            .report("INFO: possible recursive locking detected \\]" + LATER + "is trying to acquire lock" + LATER
                + "at: " + Re.ADDR_MARK + " +" + FN)
            .as(Kind.LOCKDEP, a -> "possible deadlock in " + a.group(1)),
        titled("INFO: inconsistent lock state")
            .report("INFO: inconsistent lock state \\]" + LATER + "takes" + LATER + "at: " + Re.ADDR_MARK + " +" + FN)
            .as(Kind.LOCKDEP, a -> "inconsistent lock state in " + a.group(1)),
        titled("INFO: rcu_(?:preempt|sched|bh|tasks\\w*) (?:self-)?detected(?: expedited)? stall")
            .stack(Stack.of(Stack.find("apic_timer_interrupt"), Stack.SITE, Stack.READ)
                .orElse(Stack.find("(?:apic_timer_interrupt|Exception stack|el1h_64_irq)"), Stack.READ)
                .skipping("apic_timer_interrupt", "rcu")
                .pickedBy(StallFrames::stall))
            .as(Kind.RCU_STALL, a -> "INFO: rcu detected stall in " + a.frame(0)),
        titled("INFO: trying to register non-static key")
            .stack(Stack.trace().skipping("stack", "lock", "IRQ"))
            .as(Kind.LOCKDEP, a -> "INFO: trying to register non-static key in " + a.frame(0)),
        titled("INFO: suspicious RCU usage")
            .stack(Stack.trace().skipping("rcu", "kmem", "slab"))
            .as(Kind.LOCKDEP, a -> "INFO: suspicious RCU usage in " + a.frame(0)),
        // the task name may hold any byte, even a line break
        titled("INFO: task [\\s\\S]{0,100}? blocked (?:in I/O wait )?for more than \\d+ seconds")
            .stack(Stack.trace().pickedBy(StallFrames::hang))
            .as(Kind.HUNG_TASK, a -> "INFO: task hung in " + a.frame(0)),
        titled("INFO: task [\\s\\S]{0,100}? can't die for more than .*seconds")
            .stack(Stack.trace().skipping("schedule"))
            .as(Kind.HUNG_TASK, a -> "INFO: task can't die in " + a.frame(0)),
        // what is left of a 3.x KASAN report whose header was lost
        titled("INFO: (Freed|Allocated) in (.*)").corrupted()
            .as(Kind.KASAN, a -> "INFO: " + a.group(1) + " in " + a.group(2)),
        titled("INFO:\\s*(?:\\n|$)").corrupted().as(Kind.BUG, "INFO: corrupted"));

    /** A WARN in a generic checker (the file that warned), titled after the check and its first real caller. */
    private static ReportFormat checker(String whereRegex, String title, String... skips) {
        return titled("WARNING: .*" + whereRegex).stack(Stack.warning(skips)).as(Kind.WARNING, a -> title + a.frame(0));
    }
}
