package dev.daxray.families.crash;

import static dev.daxray.families.crash.ReportFormat.titled;

import java.util.List;

import dev.daxray.families.crash.ReportFormat.Kind;
import dev.daxray.families.crash.ReportFormat.Re;

/**
 * Reports that start with {@code BUG:}: the sanitisers (mm/kasan/report.c, mm/kmsan/report.c,
 * kernel/kcsan/report.c, mm/kfence/report.c), x86 page faults (arch/x86/mm/fault.c), lockups and
 * spinlock debugging, scheduler checks (kernel/sched/core.c, lib/smp_processor_id.c), old lockdep
 * forms, mm state checks and kmemleak reports.
 */
final class BugFormats {

    private BugFormats() {
    }

    private static final String FN = Re.FN;
    private static final String LATER = Re.LATER;
    /** The {@code at: func+0x…} of a lockdep held-lock line ({@code [<addr>]} before 4.16). */
    static final String LOCK_SITE = "(?:at: (?:" + Re.ADDR_MARK + " +)?|" + Re.ADDR_MARK + " +)" + FN;

    static final List<ReportFormat> BUG = List.of(
        titled("BUG: KASAN:")
            .report("BUG: KASAN: ([a-z-]+) in " + FN + LATER + "(Read|Write) (?:of size|at addr) \\p{XDigit}+")
            .stack(Stack.of(Stack.find("BUG: KASAN: [a-z-]+ in " + FN), Stack.CALL_TRACE, Stack.READ)
                .skipping("kernel_fault", "tag_check", "mem_abort", "^el1_", "^el1h_"))
            .as(Kind.KASAN, a -> "KASAN: " + a.group(1) + " " + a.group(3) + " in " + a.frame(0)),
        titled("BUG: KASAN:")
            .report("BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in " + FN)
            .stack(Stack.of(Stack.find("BUG: KASAN: [a-z -]+ in " + FN), Stack.CALL_TRACE, Stack.READ)
                .skipping("slab_", "kfree", "vunmap", "vfree"))
            .as(Kind.KASAN, a -> "KASAN: invalid-free in " + a.frame(0)),
        titled("BUG: KASAN: ([a-z-]+) on address" + LATER + "(Read|Write) of size (\\d+)")
            .as(Kind.KASAN, a -> "KASAN: " + a.group(1) + " " + a.group(2)),
        titled("BUG: KASAN: (.*)").corrupted()
            .as(Kind.KASAN, a -> "KASAN: " + a.group(1)),

        titled("BUG: KMSAN: kernel-usb-infoleak").report("BUG: KMSAN: kernel-usb-infoleak in " + FN).noStackTrace()
            .stack(kmsanStack().skipping("alloc_skb", "usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg",
                "usb_interrupt_msg", "usb_control_msg"))
            .as(Kind.KMSAN, a -> "KMSAN: kernel-usb-infoleak in " + a.frame(0)),
        titled("BUG: KMSAN:").report("BUG: KMSAN: ([a-z-]+) in " + FN).noStackTrace()
            .stack(kmsanStack().skipping("alloc_skb", "netlink_ack", "netlink_rcv_skb", "_encrypt$", "^crypto_",
                "^cipher_", "^drbg_", "^rng_"))
            .as(Kind.KMSAN, a -> "KMSAN: " + a.group(1) + " in " + a.frame(0)),
        titled("BUG: KCSAN:").report("BUG: KCSAN: (.*)").noStackTrace()
            .as(Kind.KCSAN, a -> "KCSAN: " + a.group(1)),

        titled("BUG: KFENCE: (use-after-free|out-of-bounds) (read|write) in " + FN).noStackTrace()
            .stack(Stack.of(Stack.find("BUG: KFENCE: [a-z -]+ in " + FN), Stack.READ))
            .as(Kind.KFENCE, a -> "KFENCE: " + a.group(1) + " " + a.group(2) + " in " + a.frame(0)),
        titled("BUG: KFENCE: invalid free in " + FN).noStackTrace()
            .stack(Stack.of(Stack.find("BUG: KFENCE: [a-z -]+ in " + FN), Stack.READ))
            .as(Kind.KFENCE, a -> "KFENCE: invalid free in " + a.frame(0)),
        titled("BUG: KFENCE: invalid (read|write) in " + FN).noStackTrace()
            .stack(Stack.of(Stack.find("BUG: KFENCE: [a-z -]+ in " + FN), Stack.READ))
            .as(Kind.KFENCE, a -> "KFENCE: invalid " + a.group(1) + " in " + a.frame(0)),
        titled("BUG: KFENCE: memory corruption in " + FN).noStackTrace()
            .stack(Stack.of(Stack.find("BUG: KFENCE: [a-z -]+ in " + FN), Stack.READ))
            .as(Kind.KFENCE, a -> "KFENCE: memory corruption in " + a.frame(0)),

        // x86: ≤ 5.1 "unable to handle kernel paging request at", 5.2+ "unable to handle page fault for address:",
        // powerpc "Unable to handle kernel data access"; the titles keep the ≤ 5.1 words
        titled("BUG: (?:unable to handle kernel paging request|unable to handle page fault for address"
                + "|Unable to handle kernel data access)")
            .stack(Stack.siteThenTrace())
            .as(Kind.OOPS, a -> "BUG: unable to handle kernel paging request in " + a.frame(0)),
        titled("BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference"
                + "|Kernel NULL pointer dereference)")
            .stack(Stack.siteThenTrace())
            .as(Kind.OOPS, a -> "BUG: unable to handle kernel NULL pointer dereference in " + a.frame(0)),
        // the header is printed by two printk calls; only the first half arrived
        titled("BUG: (?:unable to handle kernel|Unable to handle kernel)").corrupted()
            .as(Kind.OOPS, "BUG: unable to handle kernel"),

        titled("BUG: (spinlock|rwlock) (lockup suspected|already unlocked|recursion|cpu recursion|bad magic"
                + "|wrong owner|wrong CPU)")
            .stack(Stack.trace().skipping("spin_", "_lock", "_unlock"))
            .as(Kind.BUG, a -> "BUG: " + a.group(1) + " " + a.group(2) + " in " + a.frame(0)),
        titled("BUG: soft lockup")
            .stack(Stack.siteThenTrace().pickedBy(StallFrames::stall))
            .as(Kind.LOCKUP, a -> "BUG: soft lockup in " + a.frame(0)),

        // lockdep before 4.11 printed these as BUG:
        titled("BUG: .*still has locks held!").report("BUG: .*still has locks held!" + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "BUG: still has locks held in " + a.group(1)),
        titled("BUG: lock held when returning to user space").noStackTrace()
            .report("BUG: lock held when returning to user space" + LATER + "leaving the kernel with locks still held"
                + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "BUG: lock held when returning to user space in " + a.group(1)),
        titled("BUG: bad unlock balance detected!")
            .report("BUG: bad unlock balance detected!" + LATER + "is trying to release lock")
            .stack(Stack.of(Stack.find(Re.ADDR_MARK + " +" + FN), Stack.CALL_TRACE, Stack.READ))
            .as(Kind.LOCKDEP, a -> "BUG: bad unlock balance in " + a.frame(0)),
        // lockdep prints this one between brackets even in 6.x: "[ BUG: Invalid wait context ]"
        titled("BUG: Invalid wait context")
            .stack(Stack.trace().skipping("lock_sock", "release_sock"))
            .as(Kind.LOCKDEP, a -> "WARNING: locking bug in " + a.frame(0)),
        titled("BUG: held lock freed!").report("BUG: held lock freed!" + LATER + LOCK_SITE)
            .as(Kind.LOCKDEP, a -> "BUG: held lock freed in " + a.group(1)),

        // mm state checks (kernel/fork.c, mm/pgtable, fs/dcache.c, mm/page_alloc.c)
        titled("BUG: Bad rss-counter state").noStackTrace().as(Kind.BUG, "BUG: Bad rss-counter state"),
        titled("BUG: non-zero nr_ptes on freeing mm").noStackTrace().as(Kind.BUG, "BUG: non-zero nr_ptes on freeing mm"),
        titled("BUG: non-zero nr_pmds on freeing mm").noStackTrace().as(Kind.BUG, "BUG: non-zero nr_pmds on freeing mm"),
        titled("BUG: Dentry .* still in use \\([0-9]+\\) \\[(unmount) of ([^\\]]+)\\]")
            .as(Kind.BUG, a -> "BUG: Dentry still in use in " + a.group(1)),
        titled("BUG: Bad page (state|cache)")
            .stack(Stack.of(Stack.find("page last allocated"), Stack.READ)
                .skipping("free_page", "put_page", "get_page", "update_page", "release_page", "free_unref", "^folio",
                    "^_folio", "^__folio", "truncate_inode_pages", "page_frag_free", "alloc", "vmap", "page_owner"))
            .as(Kind.BUG, a -> "BUG: Bad page " + a.group(1) + " in " + a.frame(0)),
        titled("BUG: Bad page map").as(Kind.BUG, "BUG: Bad page map"),
        titled("BUG: workqueue lockup").noStackTrace().as(Kind.LOCKUP, "BUG: workqueue lockup"),

        titled("BUG: sleeping function called from invalid context at (.*)")
            .stack(Stack.trace())
            .as(Kind.BUG, a -> "BUG: sleeping function called from invalid context in " + a.frame(0)),
        titled("BUG: scheduling while atomic")
            .stack(Stack.trace().skipping("schedule"))
            .as(Kind.BUG, a -> "BUG: scheduling while atomic in " + a.frame(0)),
        titled("BUG: using ([a-z_]+)\\(\\) in preemptible")
            .stack(Stack.trace().skipping("dump_stack", "preemption", "preempt", "debug_", "processor_id", "this_cpu"))
            .as(Kind.BUG, a -> "BUG: using " + a.group(1) + "() in preemptible code in " + a.frame(0)),
        titled("BUG: workqueue leaked lock or atomic").noStackTrace()
            .report("BUG: workqueue leaked lock or atomic" + LATER + "last function: (\\w+)\\n")
            .as(Kind.BUG, a -> "BUG: workqueue leaked lock or atomic in " + a.group(1)),

        // kmemleak: syz-executor and the reader of /sys/kernel/debug/kmemleak print one leak under this header
        titled("BUG: memory leak")
            .stack(Stack.of(Stack.find("backtrace(?: \\(crc \\p{XDigit}*\\))?:"), Stack.READ)
                .skipping("kmemleak", "mmap", "kmem", "slab", "alloc", "create_object", "idr_get", "list_lru_init",
                    "kasprintf", "kvasprintf", "pcpu_create", "strdup", "strndup", "memdup"))
            .as(Kind.MEMORY_LEAK, a -> "memory leak in " + a.frame(0)),

        titled("BUG: .*stack guard page was hit at")
            .stack(Stack.siteThenTrace().pickedBy(StallFrames::stall))
            .as(Kind.BUG, a -> "BUG: stack guard page was hit in " + a.frame(0)),

        titled("BUG:\\s*(?:\\n|$)").corrupted().as(Kind.BUG, "BUG: corrupted"));

    /** KMSAN: the access stack (no {@code Call Trace:} line), then the origin stack. */
    private static Stack kmsanStack() {
        return Stack.of(Stack.READ, Stack.find("(?:Local variable .* created at:|Uninit was created at:)"), Stack.READ);
    }
}
