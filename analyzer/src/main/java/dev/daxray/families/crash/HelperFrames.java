package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames a human reading a kernel stack skips to find the function that owns a bug: the
 * sanitiser, printing and trap machinery that produced the report, and the generic helpers (locking,
 * allocation, string and list code, refcounts, device teardown) that a buggy caller only passed
 * through. Naming the first frame that is none of these gives the same title for the same bug whatever
 * helper it tripped in.
 *
 * <p>A rule is a piece of a function name: {@code name} matches anywhere in it, {@code ^name} at its start,
 * {@code name$} at its end, {@code ^name$} the whole name. Matching anywhere is deliberate: {@code malloc}
 * covers kmalloc, kvmalloc, vmalloc and their {@code _node}/{@code _noprof} variants, as kernel helpers
 * come in families; the price is that a driver function with such a piece in its name is skipped too.
 */
final class HelperFrames {

    private final List<Rule> rules;

    private record Rule(String piece, boolean atStart, boolean atEnd) {
        boolean matches(String name) {
            if (atStart && atEnd) {
                return name.equals(piece);
            }
            if (atStart) {
                return name.startsWith(piece);
            }
            if (atEnd) {
                return name.endsWith(piece);
            }
            return name.contains(piece);
        }
    }

    private HelperFrames(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Rules in the syntax above. */
    static HelperFrames of(String... rules) {
        List<Rule> parsed = new ArrayList<>(rules.length);
        for (String rule : rules) {
            boolean start = rule.startsWith("^");
            boolean end = rule.endsWith("$");
            parsed.add(new Rule(rule.substring(start ? 1 : 0, rule.length() - (end ? 1 : 0)), start, end));
        }
        return new HelperFrames(parsed);
    }

    /** These rules and {@code more}'s. */
    HelperFrames and(HelperFrames more) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(more.rules);
        return new HelperFrames(all);
    }

    boolean skips(String function) {
        for (Rule rule : rules) {
            if (rule.matches(function)) {
                return true;
            }
        }
        return isCrcHelper(function);
    }

    /** lib/crc*: crc32_le, crc16, crc_itu_t … */
    private static boolean isCrcHelper(String function) {
        return function.startsWith("crc") && function.length() > 3 && Character.isDigit(function.charAt(3));
    }

    /** Frames skipped in every report. */
    static final HelperFrames COMMON = of(concat(
        // sanitiser runtimes (mm/kasan, mm/kmsan, kernel/kcsan, the compiler's instrumentation hooks)
        new String[] {"__sanitizer", "__asan", "kasan", "hwasan", "__msan", "kmsan", "kcsan_setup_watchpoint",
            "check_memory_region", "check_heap_object", "check_object", "read_word_at_a_time",
            "once_word_nocheck"},
        // printing the report and walking the stack (lib/dump_stack.c, kernel/printk, kernel/stacktrace.c)
        new String[] {"print_address_description", "print_report", "print_usage_bug", "print_unlock",
            "print_tainted", "show_stack", "dump_stack", "walk_stack", "dump_backtrace",
            "stack_trace_consume_entry", "arch_stack_walk", "stack_trace_save", "hex_dump_to_buffer",
            "print_hex_dump", "printk", "va_format", "dev_info", "dev_notice", "dev_warn", "dev_err", "dev_alert",
            "dev_crit", "dev_emerg", "^get_taint$", "__fortify_report"},
        // panic, trap and WARN/BUG machinery (kernel/panic.c, lib/bug.c, arch traps)
        new String[] {"panic", "invalid_op", "report_bug", "fixup_bug", "do_error", "_trap$", "do_trap",
            "warn_slowpath", "warn_alloc", "warn_bogus", "__warn", "program_check_exception",
            "program_check_common", "assertfail", "imbalance_bug"},
        // arm64 fault entry (arch/arm64/mm/fault.c, entry-common.c)
        new String[] {"do_kernel_fault", "do_translation_fault", "do_mem_abort", "el1_abort", "el1h_64_sync",
            "__phys_addr"},
        // allocators and page-cache lookups (mm/slub.c, mm/page_alloc.c, mm/vmalloc.c, mm/filemap.c)
        new String[] {"alloc_page", "malloc", "zalloc", "calloc", "krealloc", "kmem_cache", "allocate_slab",
            "__alloc_frozen_pages_noprof", "folio_alloc", "folio_unlock", "filemap_alloc_folio",
            "__filemap_get_folio", "find_or_create_page", "do_read_cache_folio", "read_cache_page",
            "pagecache_get_page", "grab_cache_page_write_begin", "slab_", "^kfree$", "^kvfree$", "kfree_skb",
            "^lock_page", "^unlock_page", "xas_start", "xas_load", "xas_find", "find_lock_entries",
            "truncate_inode_pages_range", "mark_buffer_dirty"},
        // debug-objects hooks (lib/debugobjects.c)
        new String[] {"debug_object", "timer_is_static_object", "work_is_static_object"},
        // locks and lockdep (kernel/locking)
        new String[] {"lockdep", "lock_acquire", "lock_release", "lock_class", "mark_lock", "reacquire_held_locks",
            "mark_held_locks", "raw_spin_rq", "spin_lock", "spin_trylock", "spin_unlock", "read_lock",
            "read_trylock", "write_lock", "write_trylock", "read_unlock", "write_unlock", "^down$", "down_read",
            "down_write", "down_trylock", "up_read", "up_write", "^mutex_", "^__mutex_", "^rt_mutex_",
            "owner_on_cpu", "osq_lock", "osq_unlock", "bh_enable", "bh_disable", "trace_hardirq",
            "trace_softirq", "seqprop_assert", "lock_timer_base"},
        // atomics, bit operations, reference counts (include/linux/atomic, lib/refcount.c, lib/ref_tracker.c)
        atomics(),
        new String[] {"set_bit", "clear_bit", "change_bit", "test_bit", "^refcount_", "^kref_", "ref_tracker"},
        // string and memory helpers (lib/string.c, lib/vsprintf.c, retpoline thunks)
        new String[] {"memcpy", "memcmp", "memset", "memchr", "memmove", "memdup", "strcmp", "strncmp", "strcpy",
            "strlcpy", "strncpy", "strscpy", "strlen", "strstr", "strnstr", "strnlen", "strchr", "strdup",
            "strndup", "string", "pointer", "snprintf", "scnprintf", "kasprintf", "kvasprintf",
            "_indirect_thunk_", "crc_itu_t"},
        // user copies and might-sleep checks (lib/usercopy.c, lib/iov_iter.c, kernel/sched/core.c)
        new String[] {"copy_to_user", "copy_from_user", "copy_to_iter", "copy_from_iter", "copy_page_to_iter",
            "copy_page_from_iter", "copy_folio_to_iter", "^copyin$", "^copyout$", "put_user", "get_user",
            "might_fault", "might_sleep", "__might_resched", "extract_user_to_sg", "extract_iter_to_sg"},
        // generic lists, trees and tables (lib/list_debug.c, lib/rbtree.c, lib/klist.c, lib/rhashtable.c, lib/idr.c)
        new String[] {"list_add", "list_del", "list_replace", "list_move", "list_splice", "^rb_", "^__rb_",
            "^klist_", "rhashtable_lookup", "ida_free"},
        // waiting, work queues and timers (kernel/sched/wait.c, kernel/workqueue.c, kernel/time/timer.c)
        new String[] {"__wake_up", "^complete$", "wait_for_completion", "finish_wait", "del_timer",
            "__timer_delete_sync", "sk_stop_timer_sync", "__mod_timer", "flush_work", "__cancel_work_timer",
            "cancel_work_sync", "try_to_grab_pending", "flush_workqueue", "drain_workqueue", "destroy_workqueue",
            "queue_work", "insert_work", "__queue_delayed_work", "queue_delayed_work_on", "kthread_stop",
            "cleanup_srcu_struct"},
        // device model and sysfs teardown (drivers/base, lib/kobject.c, fs/sysfs)
        new String[] {"kobject_", "add_uevent_var", "get_device_parent", "device_add", "device_del",
            "device_unregister", "device_destroy", "device_release", "devres_release_all", "^put_device$",
            "device_for_each_child", "device_remove_file", "sysfs_remove", "hwrng_unregister", "i2c_del_adapter",
            "__unregister_client", "tty_unregister_device", "rollback_registered", "unregister_netdev"},
        // USB request plumbing (drivers/usb/core)
        new String[] {"dummy_urb_enqueue", "usb_kill_urb", "usb_kill_anchored_urbs", "usb_control_msg",
            "usb_hcd_submit_urb", "usb_submit_urb"},
        // MMIO and port accessors
        new String[] {"readb$", "readw$", "readl$", "readq$", "writeb$", "writew$", "writel$", "writeq$",
            "logic_in", "logic_out"},
        // VFS reference drops (fs/inode.c, fs/dcache.c)
        new String[] {"^iput$", "^iput_final$", "^ihold$", "dput", "drop_nlink"},
        // tracepoint glue
        new String[] {"perf_trace"}));

    private static String[] atomics() {
        String[] ops = {"dec", "inc", "read", "set", "or", "xor", "and", "add", "sub", "fetch", "xchg", "cmpxchg",
            "try"};
        List<String> all = new ArrayList<>();
        for (String width : new String[] {"atomic_", "atomic64_"}) {
            for (String op : ops) {
                all.add(width + op);
            }
        }
        return all.toArray(String[]::new);
    }

    private static String[] concat(String[]... groups) {
        List<String> all = new ArrayList<>();
        for (String[] group : groups) {
            all.addAll(List.of(group));
        }
        return all.toArray(String[]::new);
    }
}
