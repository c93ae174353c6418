package dev.daxray.families.crash;

import java.util.List;

/**
 * Guilty frames of stalls and hangs, where the top of the stack is a victim, not the culprit.
 *
 * <p>A CPU that stalls (RCU stall, soft lockup, stack overflow) loops somewhere inside a call, so the top
 * frame is wherever the loop happened to be when the timer fired. The entry point the loop runs under
 * identifies the bug better: {@link #stall} walks down to the first dispatch function (syscall entry,
 * workqueue, softirq, timer, file or socket operation, page fault, task work) and names the frame just
 * above it, the first function that is not plumbing: for an ioctl that is the driver's handler.
 *
 * <p>A hung task waits in the scheduler for a lock, a completion or an RCU grace period: {@link #hang}
 * skips the waiting and names the first function that is not a wait, except that waits for the RTNL
 * lock and for RCU grace periods are grouped under {@code rtnl_lock} / {@code synchronize_rcu}, since
 * the holder, not the waiter, is the bug.
 */
final class StallFrames {

    private StallFrames() {
    }

    static String stall(List<String> frames) {
        String above = null;
        for (String frame : frames) {
            if (isDispatch(frame)) {
                if (frame.contains("smp_call_function")) {
                    return "smp_call_function";
                }
                return above != null ? above : frame;
            }
            above = frame;
        }
        return null;
    }

    static String hang(List<String> frames) {
        for (String frame : frames) {
            if (frame.contains("rtnl_lock")) {
                return "rtnl_lock";
            }
            for (String grace : RCU_GRACE_PERIOD_WAITS) {
                if (frame.contains(grace)) {
                    return "synchronize_rcu";
                }
            }
        }
        for (String frame : frames) {
            if (!containsAny(frame, WAITING)) {
                return frame;
            }
        }
        return null;
    }

    private static final String[] RCU_GRACE_PERIOD_WAITS = {"synchronize_rcu", "synchronize_srcu", "synchronize_net",
        "synchronize_sched"};

    /** Pieces of the names of scheduler, lock and wait functions a blocked task sits in. */
    private static final String[] WAITING = {"sched", "_lock", "_slowlock", "down", "rwsem", "completion", "kthread",
        "wait", "synchronize", "context_switch", "__switch_to", "cancel_delayed_work", "rcu_barrier"};

    /** Dispatch functions that run the code that stalls (names after {@link StackLines#unwrapSyscall}). */
    private static final String[] DISPATCH = {
        // work items, syscalls, softirqs, timers, kernel threads, CPU bring-up
        "process_one_work", "do_syscall_", "do_fast_syscall_", "sysenter_dispatch", "tracesys_phase2",
        "el0_svc_handler", "invoke_syscall", "ret_fast_syscall", "netif_receive_skb", "do_softirq",
        "call_timer_fn", "_run_timers", "run_timer_softirq", "hrtimer_run", "run_ksoftirqd", "smpboot_thread_fn",
        "start_secondary", "cpu_startup_entry", "ret_from_fork",
        // file operations
        "vfs_write", "vfs_read", "vfs_iter_read", "vfs_iter_write", "do_iter_read", "do_iter_write",
        "call_read_iter", "call_write_iter", "new_sync_read", "new_sync_write", "vfs_ioctl", "ksys_ioctl",
        "compat_ioctl", "compat_sys_ioctl", "blkdev_driver_ioctl", "blkdev_ioctl", "do_iter_readv_writev",
        "mmap_region", "do_mmap", "do_dentry_open", "vfs_open",
        // sockets
        "kernel_setsockopt", "sock_common_setsockopt", "kernel_listen", "sk_common_release", "kernel_accept",
        // faults and the return to user space
        "__do_fault", "do_page_fault", "__fput", "task_work_run", "exit_to_usermode", "smp_call_function",
        "tasklet_action", "tasklet_hi_action"};

    /** Dispatch functions recognised by how their names start. */
    private static final String[] DISPATCH_PREFIXES = {"call_mmap", "sock_sendmsg", "sock_recvmsg", "sock_release",
        "__sock_release", "sock_mmap", "sock_do_ioctl", "sock_ioctl", "compat_sock_ioctl", "nfnetlink_rcv_msg",
        "rtnetlink_rcv_msg", "netlink_dump", "socketpair", "connect", "ioctl", "sys_socketpair", "sys_connect",
        "sys_ioctl"};

    /** Dispatch functions recognised by their whole name. */
    private static final List<String> DISPATCH_NAMES = List.of("kthread", "page_fault", "setsockopt", "listen",
            "accept");

    static boolean isDispatch(String frame) {
        if (DISPATCH_NAMES.contains(frame) || containsAny(frame, DISPATCH)) {
            return true;
        }
        for (String prefix : DISPATCH_PREFIXES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String frame, String[] pieces) {
        for (String piece : pieces) {
            if (frame.contains(piece)) {
                return true;
            }
        }
        return false;
    }
}
