package dev.daxray.families.crash;

import static dev.daxray.families.crash.ReportFormat.titled;

import java.util.List;
import java.util.Map;

import dev.daxray.families.crash.ReportFormat.Kind;
import dev.daxray.families.crash.ReportFormat.Re;

/**
 * Traps and the other headers: x86 traps (arch/x86/kernel/traps.c), arm/arm64 faults
 * (arch/arm64/mm/fault.c, arch/arm64/kernel/traps.c, arch/arm/mm/fault.c), BUG() (lib/bug.c), panics
 * (kernel/panic.c), UBSAN (lib/ubsan.c), SLUB, netdev and VFS checks, trusty, and a kernel that boots
 * again with no report before.
 */
final class TrapFormats {

    private TrapFormats() {
    }

    static void addTo(Map<ReportHeader, List<ReportFormat>> formats) {
        formats.put(ReportHeader.ARM_FAULT, List.of(
            titled("Unable to handle kernel (paging request|NULL pointer dereference|access to user memory)")
                .stack(Stack.siteThenTrace())
                .as(Kind.OOPS, a -> "BUG: unable to handle kernel " + a.group(1) + " in " + a.frame(0))));
        formats.put(ReportHeader.GPF, List.of(
            titled("general protection fault.*:").stack(Stack.siteThenTrace())
                .as(Kind.GPF, a -> "general protection fault in " + a.frame(0))));
        formats.put(ReportHeader.STACK_SEGMENT, List.of(
            titled("stack segment: ").stack(Stack.siteThenTrace())
                .as(Kind.OOPS, a -> "stack segment fault in " + a.frame(0))));
        formats.put(ReportHeader.PANIC, PANICS);
        formats.put(ReportHeader.DOUBLE_FAULT, List.of(
            titled("PANIC: double fault").stack(Stack.of(Stack.SITE))
                .as(Kind.OOPS, a -> "PANIC: double fault in " + a.frame(0))));
        // rust/kernel/lib.rs: "rust_kernel: panicked at <file>:<line>:<col>:" and the panic message on the next line
        formats.put(ReportHeader.RUST_PANIC, List.of(
            titled("rust_kernel: panicked at").report("rust_kernel: panicked at [^\\n]*?\\n(.+?)\\n")
                .stack(Stack.trace().skipping("__rustc::rust_begin_unwind"))
                .as(Kind.BUG, a -> a.group(1) + " in " + a.frame(0))));
        formats.put(ReportHeader.KERNEL_BUG, List.of(
            titled("kernel BUG at mm/usercopy\\.c").stack(Stack.trace().skipping("usercopy", "__check"))
                .as(Kind.BUG, a -> "BUG: bad usercopy in " + a.frame(0)),
            titled("kernel BUG at lib/list_debug\\.c").stack(Stack.trace())
                .as(Kind.BUG, a -> "BUG: corrupted list in " + a.frame(0)),
            titled("kernel BUG at (.*)").stack(Stack.siteThenTrace().skipping("^skb_"))
                .as(Kind.BUG, a -> "kernel BUG in " + a.frame(0))));
        formats.put(ReportHeader.KERNEL_BUG_UNVERBOSE, List.of(
            titled("Kernel BUG (.*)").as(Kind.BUG, a -> "kernel BUG " + a.group(1))));
        formats.put(ReportHeader.SLUB, List.of(
            titled("BUG kmalloc-.*: Object already free").as(Kind.BUG, "BUG: Object already free")));
        formats.put(ReportHeader.DIVIDE_ERROR, List.of(
            titled("divide error: ").stack(Stack.of(Stack.SITE)).as(Kind.OOPS, a -> "divide error in " + a.frame(0))));
        formats.put(ReportHeader.DIVIDE_ERROR_5X, List.of(
            titled("divide_error: ").stack(Stack.of(Stack.SITE)).as(Kind.OOPS, a -> "divide error in " + a.frame(0))));
        formats.put(ReportHeader.INVALID_OPCODE, List.of(
            titled("invalid opcode: ").stack(Stack.of(Stack.SITE))
                .as(Kind.INVALID_OPCODE, a -> "invalid opcode in " + a.frame(0))));
        formats.put(ReportHeader.INT3, List.of(
            titled("int3: ").stack(Stack.siteThenTrace()).as(Kind.OOPS, a -> "int3 in " + a.frame(0))));
        formats.put(ReportHeader.UBSAN, UBSAN);
        formats.put(ReportHeader.NETDEV_WAIT, List.of(
            titled("unregister_netdevice: waiting for (?:.*) to become free").noStackTrace()
                .as(Kind.BUG, "unregister_netdevice: waiting for DEV to become free")));
        formats.put(ReportHeader.VFS_CLOSE, List.of(
            titled("VFS: Close: file count is 0").noStackTrace()
                .as(Kind.BUG, "VFS: Close: file count is zero (use-after-free)")));
        formats.put(ReportHeader.VFS_BUSY, List.of(
            titled("VFS: Busy inodes after unmount").noStackTrace()
                .as(Kind.BUG, "VFS: Busy inodes after unmount (use-after-free)")));
        formats.put(ReportHeader.ARM_INTERNAL, List.of(arm("Internal error:", "Internal error in ")));
        formats.put(ReportHeader.ARM_UNHANDLED, List.of(arm("Unhandled fault:", "Unhandled fault in ")));
        formats.put(ReportHeader.ARM_ALIGNMENT, List.of(arm("Alignment trap:", "Alignment trap in ")));
        formats.put(ReportHeader.TRUSTY, List.of(
            titled("trusty: panic \\(caller .*?\\): ASSERT FAILED at \\(.*?\\): (.*)").noStackTrace()
                .as(Kind.PANIC, a -> "trusty: ASSERT FAILED: " + a.group(1)),
            titled("trusty: panic \\(caller .*?\\): (.*)").noStackTrace()
                .as(Kind.PANIC, a -> "trusty: panic: " + a.group(1))));
        formats.put(ReportHeader.REBOOT, List.of(
            titled("Booting the kernel\\.").noStackTrace().as(Kind.REBOOT, "unexpected kernel reboot")));
    }

    private static ReportFormat arm(String header, String title) {
        return titled(header).stack(Stack.siteThenTrace()).as(Kind.OOPS, a -> title + a.frame(0));
    }

    /** kernel/panic.c: the reasons a panic gives, most specific first. */
    private static final List<ReportFormat> PANICS = List.of(
        titled("Kernel panic - not syncing: stack-protector:").noStackTrace()
            .report("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: " + Re.FN)
            .as(Kind.PANIC, a -> "kernel panic: stack is corrupted in " + a.group(1)),
        titled("Kernel panic - not syncing: stack-protector:")
            .report("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: \\p{XDigit}+")
            .stack(Stack.trace().skipping("stack_chk"))
            .as(Kind.PANIC, a -> "kernel panic: stack is corrupted in " + a.frame(0)),
        titled("Kernel panic - not syncing: corrupted stack end")
            .report("Kernel panic - not syncing: corrupted stack end detected inside scheduler")
            .stack(Stack.trace().skipping("schedule", "retint_kernel").pickedBy(StallFrames::stall))
            .as(Kind.PANIC, a -> "kernel panic: corrupted stack end in " + a.frame(0)),
        titled("Kernel panic - not syncing: kernel stack overflow")
            .stack(Stack.trace().skipping("bad_stack").pickedBy(StallFrames::stall))
            .as(Kind.PANIC, a -> "kernel stack overflow in " + a.frame(0)),
        titled("Kernel panic - not syncing: Attempted to kill init!")
            .as(Kind.PANIC, "kernel panic: Attempted to kill init!"),
        titled("Kernel panic - not syncing: Couldn't open N_TTY ldisc for [^ ]+ --- error -[0-9]+")
            .as(Kind.PANIC, "kernel panic: Couldn't open N_TTY ldisc"),
        // these follow a report whose header was lost
        titled("Kernel panic - not syncing: Fatal exception").corrupted()
            .as(Kind.PANIC, "kernel panic: Fatal exception"),
        titled("Kernel panic - not syncing: panic_on_warn set").corrupted()
            .as(Kind.PANIC, "kernel panic: panic_on_warn set"),
        titled("Kernel panic - not syncing: hung_task: blocked tasks").corrupted()
            .as(Kind.PANIC, "kernel panic: hung_task: blocked tasks"),
        titled("Kernel panic - not syncing: (.*)").as(Kind.PANIC, a -> "kernel panic: " + a.group(1)));

    /** lib/ubsan.c: the check that failed; the stack names the function (the header's file:line:col is not used). */
    private static final List<ReportFormat> UBSAN = List.of(
        titled("UBSAN:").report("UBSAN: Undefined behaviour in").stack(ubsanStack())
            .as(Kind.UBSAN, a -> "UBSAN: undefined-behaviour in " + a.frame(0)),
        titled("UBSAN:").report("UBSAN: array-index-out-of-bounds in").stack(ubsanStack())
            .as(Kind.UBSAN, a -> "UBSAN: array-index-out-of-bounds in " + a.frame(0)),
        titled("UBSAN:").report("UBSAN: (.*?) in").stack(ubsanStack())
            .as(Kind.UBSAN, a -> "UBSAN: " + a.group(1) + " in " + a.frame(0)));

    private static Stack ubsanStack() {
        return Stack.trace().skipping("ubsan", "overflow");
    }
}
