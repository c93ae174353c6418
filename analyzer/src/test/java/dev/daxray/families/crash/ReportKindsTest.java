package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Crash;
import dev.daxray.events.Event;
import dev.daxray.families.FamilyTester;

/**
 * One short report per kind the kernel prints (kernel-report-kinds.md §2), in the kernel's formats, and
 * the title, kind and guilty function syzkaller's rules give it. Function names are made up.
 */
class ReportKindsTest {

    private static final CrashFamily FAMILY = new CrashFamily();

    // ------------------------------------------------------------------ sanitisers

    @Test
    void kasanUseAfterFreeNamesTheFaultingFunction() {
        Crash c = one(
                "[   85.112235][ T5123] ==================================================================",
                "[   85.112240][ T5123] BUG: KASAN: slab-use-after-free in dax_flush_queue+0x1a2/0x3c0",
                "[   85.112248][ T5123] Read of size 8 at addr ffff88802a4b1c18 by task syz.1.23/5123",
                "[   85.112260][ T5123] CPU: 1 UID: 0 PID: 5123 Comm: syz.1.23 Not tainted 6.9.0 #1",
                "[   85.112270][ T5123] Call Trace:",
                "[   85.112272][ T5123]  <TASK>",
                "[   85.112275][ T5123]  dump_stack_lvl+0x116/0x1b0",
                "[   85.112280][ T5123]  print_report+0xc1/0x5e0",
                "[   85.112285][ T5123]  kasan_report+0xbd/0xf0",
                "[   85.112290][ T5123]  dax_flush_queue+0x1a2/0x3c0",
                "[   85.112295][ T5123]  dax_writeback_mapping_range+0x5c/0x90",
                "[   85.112300][ T5123]  </TASK>",
                "[   85.112400][ T5123] ==================================================================");
        expect(c, "kasan", "KASAN: slab-use-after-free Read in dax_flush_queue", "dax_flush_queue");
    }

    @Test
    void kasanInAStringHelperNamesItsCaller() {
        Crash c = one(
                "[   10.0] BUG: KASAN: slab-out-of-bounds in strlen+0x7a/0x90",
                "[   10.0] Write of size 1 at addr ffff888012345678 by task mount/77",
                "[   10.0] Call Trace:",
                "[   10.0]  dump_stack_lvl+0x116/0x1b0",
                "[   10.0]  kasan_report+0xbd/0xf0",
                "[   10.0]  strlen+0x7a/0x90",
                "[   10.0]  pmem_parse_name+0x44/0x120",
                "[   10.0]  pmem_attach_disk+0x3a1/0x9e0");
        expect(c, "kasan", "KASAN: slab-out-of-bounds Write in pmem_parse_name", "pmem_parse_name");
    }

    @Test
    void kasanDoubleFreeIsAnInvalidFree() {
        Crash c = one(
                "[   10.0] BUG: KASAN: double-free in dax_region_free+0x2c/0x60",
                "[   10.0] Free of addr ffff888012345600 by task ndctl/88",
                "[   10.0] Call Trace:",
                "[   10.0]  kasan_report_invalid_free+0x5d/0x80",
                "[   10.0]  kfree+0x107/0x350",
                "[   10.0]  dax_region_free+0x2c/0x60");
        expect(c, "kasan", "KASAN: invalid-free in dax_region_free", "dax_region_free");
    }

    @Test
    void kasanWildMemoryAccessOfTheOldestForm() {
        Crash c = one(
                "[   10.0] BUG: KASAN: wild-memory-access in pmem_rw_bytes+0x12/0x34 at addr dead000000000108",
                "[   10.0] Read of size 8 by task dd/900",
                "[   10.0] Call Trace:",
                "[   10.0]  [<ffffffff81a1b2c3>] dump_stack+0x4a/0x80",
                "[   10.0]  [<ffffffff81a1b2c4>] pmem_rw_bytes+0x12/0x34");
        expect(c, "kasan", "KASAN: wild-memory-access Read in pmem_rw_bytes", "pmem_rw_bytes");
    }

    @Test
    void kasanInvalidAccessOfHardwareTagsSkipsTheArm64FaultPath() {
        Crash c = one(
                "[   11.0] BUG: KASAN: invalid-access in __memcpy+0x60/0x160",
                "[   11.0] Read at addr f4ff000008e2c010 by task fio/4242",
                "[   11.0] Pointer tag: [f4], memory tag: [fe]",
                "[   11.0] Call trace:",
                "[   11.0]  dump_backtrace+0x0/0x1e0",
                "[   11.0]  kasan_report+0x150/0x1a4",
                "[   11.0]  do_tag_check_fault+0x78/0x90",
                "[   11.0]  do_mem_abort+0x44/0xb4",
                "[   11.0]  el1_abort+0x40/0x60",
                "[   11.0]  el1h_64_sync_handler+0xa4/0xd0",
                "[   11.0]  __memcpy+0x60/0x160",
                "[   11.0]  pmem_do_read+0x64/0x100");
        expect(c, "kasan", "KASAN: invalid-access Read in pmem_do_read", "pmem_do_read");
    }

    @Test
    void kmsanKernelInfoleak() {
        Crash c = one(
                "[   21.0] BUG: KMSAN: kernel-infoleak in instrument_copy_to_user+0x9c/0x110",
                "[   21.0]  instrument_copy_to_user+0x9c/0x110",
                "[   21.0]  _copy_to_user+0x5b/0xb0",
                "[   21.0]  nd_ioctl+0x2b1/0x6c0",
                "[   21.0] Uninit was created at:",
                "[   21.0]  __kmalloc+0x118/0x2a0",
                "[   21.0]  nd_cmd_alloc+0x3e/0x120");
        // user-copy helpers are skipped: the leak is the ioctl's
        expect(c, "kmsan", "KMSAN: kernel-infoleak in nd_ioctl", "nd_ioctl");
    }

    @Test
    void kmsanUninitValueSkipsTheHeaderAndNamesTheAccessStack() {
        Crash c = one(
                "[   20.0][ T300] =====================================================",
                "[   20.0][ T300] BUG: KMSAN: uninit-value in nd_decode_label+0x2ea/0x7c0",
                "[   20.0][ T300]  nd_decode_label+0x2ea/0x7c0",
                "[   20.0][ T300]  nd_label_validate+0x51/0x90",
                "[   20.0][ T300] ",
                "[   20.0][ T300] Uninit was created at:",
                "[   20.0][ T300]  slab_post_alloc_hook+0x12d/0xb60",
                "[   20.0][ T300]  nd_label_copy+0x88/0x1f0",
                "[   20.0][ T300] ",
                "[   20.0][ T300] CPU: 0 PID: 300 Comm: ndctl Not tainted 6.1.0 #1",
                "[   20.0][ T300] =====================================================");
        expect(c, "kmsan", "KMSAN: uninit-value in nd_decode_label", "nd_decode_label");
    }

    @Test
    void kcsanTitleIsTheRaceAsPrinted() {
        Crash c = one(
                "[   30.0] ==================================================================",
                "[   30.0] BUG: KCSAN: data-race in dax_update_stats / dax_read_stats",
                "[   30.0] ",
                "[   30.0] write to 0xffff888100001234 of 8 bytes by task 12 on cpu 1:",
                "[   30.0]  dax_update_stats+0x12/0x40",
                "[   30.0] ==================================================================");
        expect(c, "kcsan", "KCSAN: data-race in dax_update_stats / dax_read_stats", "dax_update_stats");
    }

    @Test
    void kfenceUseAfterFree() {
        Crash c = one(
                "[   40.0] ==================================================================",
                "[   40.0] BUG: KFENCE: use-after-free read in dax_lookup+0x3c/0x110",
                "[   40.0] ",
                "[   40.0] Use-after-free read at 0xffff88823bc8cf68 (in kfence-#69):",
                "[   40.0]  dax_lookup+0x3c/0x110",
                "[   40.0]  dax_iomap_fault+0x3a/0x50",
                "[   40.0] ==================================================================");
        expect(c, "kfence", "KFENCE: use-after-free read in dax_lookup", "dax_lookup");
    }

    @Test
    void ubsanNamesTheStackFrameNotTheFile() {
        Crash c = one(
                "[   50.0] ------------[ cut here ]------------",
                "[   50.0] UBSAN: shift-out-of-bounds in drivers/nvdimm/btt.c:1234:17",
                "[   50.0] shift exponent 64 is too large for 64-bit type 'long unsigned int'",
                "[   50.0] CPU: 2 PID: 77 Comm: mkfs Not tainted 6.6.0 #1",
                "[   50.0] Call Trace:",
                "[   50.0]  dump_stack_lvl+0x116/0x1b0",
                "[   50.0]  __ubsan_handle_shift_out_of_bounds+0x2f3/0x3a0",
                "[   50.0]  btt_map_read+0x8c/0x120",
                "[   50.0] ---[ end trace ]---");
        expect(c, "ubsan", "UBSAN: shift-out-of-bounds in btt_map_read", "btt_map_read");
    }

    // ------------------------------------------------------------------ WARN()

    @Test
    void warningOf619NewLayoutAndItsConditionForm() {
        for (String header : List.of(
                "WARNING: fs/dax.c:460 at dax_insert_entry+0x36e/0x380, CPU#1: fsx/4242",
                "WARNING: [!list_empty(&entry->list)] fs/dax.c:460 at dax_insert_entry+0x36e/0x380, CPU#1: fsx/4242",
                "WARNING: CPU: 1 PID: 4242 at fs/dax.c:460 dax_insert_entry+0x36e/0x380")) {
            Crash c = one(
                    "[   60.0] ------------[ cut here ]------------",
                    "[   60.0] " + header,
                    "[   60.0] RIP: 0010:dax_insert_entry+0x36e/0x380",
                    "[   60.0] Call Trace:",
                    "[   60.0]  dax_fault_iter+0x2b1/0x6c0",
                    "[   60.0] ---[ end trace 0000000000000000 ]---");
            expect(c, "warning", "WARNING in dax_insert_entry", "dax_insert_entry");
        }
    }

    @Test
    void refcountWarningNamesTheCallerOfTheRefcountHelper() {
        Crash c = one(
                "[   70.0] ------------[ cut here ]------------",
                "[   70.0] refcount_t: underflow; use-after-free.",
                "[   70.0] WARNING: CPU: 0 PID: 5100 at lib/refcount.c:28 refcount_warn_saturate+0x13e/0x1a0",
                "[   70.0] RIP: 0010:refcount_warn_saturate+0x13e/0x1a0",
                "[   70.0] Call Trace:",
                "[   70.0]  <TASK>",
                "[   70.0]  __refcount_sub_and_test+0x5a/0x90",
                "[   70.0]  dax_region_put+0x5a/0x90",
                "[   70.0]  dax_pmem_remove+0x21/0x40",
                "[   70.0]  </TASK>",
                "[   70.0] ---[ end trace 0000000000000000 ]---");
        expect(c, "warning", "WARNING: refcount bug in dax_region_put", "dax_region_put");
    }

    @Test
    void odebugWarningSkipsTheDebugObjectsAndTheFree() {
        Crash c = one(
                "[   71.0] ------------[ cut here ]------------",
                "[   71.0] ODEBUG: free active (active state 0) object: ffff88801c5e2a40 object type: timer_list hint: "
                        + "nd_timer_fn+0x0/0x90",
                "[   71.0] WARNING: CPU: 0 PID: 5100 at lib/debugobjects.c:514 debug_print_object+0x1a0/0x2a0",
                "[   71.0] RIP: 0010:debug_print_object+0x1a0/0x2a0",
                "[   71.0] Call Trace:",
                "[   71.0]  debug_check_no_obj_freed+0x3b2/0x4a0",
                "[   71.0]  kfree+0xff/0x3a0",
                "[   71.0]  nd_region_release+0x5a/0x90",
                "[   71.0] ---[ end trace 0000000000000000 ]---");
        expect(c, "warning", "WARNING: ODEBUG bug in nd_region_release", "nd_region_release");
    }

    @Test
    void suspiciousRcuUsageIsALockdepReport() {
        Crash c = one(
                "[   72.0] =============================",
                "[   72.0] WARNING: suspicious RCU usage",
                "[   72.0] 6.6.0 #1 Not tainted",
                "[   72.0] -----------------------------",
                "[   72.0] drivers/dax/bus.c:321 suspicious rcu_dereference_check() usage!",
                "[   72.0] stack backtrace:",
                "[   72.0] CPU: 1 PID: 55 Comm: daxctl Not tainted 6.6.0 #1",
                "[   72.0] Call Trace:",
                "[   72.0]  dump_stack_lvl+0x116/0x1b0",
                "[   72.0]  lockdep_rcu_suspicious+0x210/0x3c0",
                "[   72.0]  dax_bus_lookup+0x1a2/0x240",
                "[   72.0]  dax_bus_probe+0x31/0x90");
        expect(c, "lockdep", "WARNING: suspicious RCU usage in dax_bus_lookup", "dax_bus_lookup");
    }

    // ------------------------------------------------------------------ faults and traps

    @Test
    void nullPointerDereferenceOf52UsesTheOldWords() {
        Crash c = one(
                "[   80.0] BUG: kernel NULL pointer dereference, address: 0000000000000010",
                "[   80.0] #PF: supervisor read access in kernel mode",
                "[   80.0] #PF: error_code(0x0000) - not-present page",
                "[   80.0] Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI",
                "[   80.0] CPU: 3 PID: 61 Comm: umount Not tainted 6.12.0 #1",
                "[   80.0] RIP: 0010:dax_disassociate_entry+0x12/0x80",
                "[   80.0] Call Trace:",
                "[   80.0]  dax_delete_mapping_entry+0x44/0x90",
                "[   80.0] ---[ end trace 0000000000000000 ]---");
        expect(c, "oops", "BUG: unable to handle kernel NULL pointer dereference in dax_disassociate_entry",
                "dax_disassociate_entry");
    }

    @Test
    void arm64PagingRequest() {
        Crash c = one(
                "[   81.0] Unable to handle kernel paging request at virtual address fffffdffbf000008",
                "[   81.0] Internal error: Oops: 0000000096000006 [#1] PREEMPT SMP",
                "[   81.0] pc : dax_disassociate_entry+0x14/0x80",
                "[   81.0] lr : dax_insert_entry+0x44/0x120",
                "[   81.0] Call trace:",
                "[   81.0]  dax_disassociate_entry+0x14/0x80",
                "[   81.0]  dax_insert_entry+0x44/0x120");
        expect(c, "oops", "BUG: unable to handle kernel paging request in dax_disassociate_entry",
                "dax_disassociate_entry");
    }

    @Test
    void generalProtectionFaultAlsoSegmentRelated() {
        for (String header : List.of(
                "Oops: general protection fault, probably for non-canonical address 0xdffffc0000000003: 0000 [#1] "
                        + "PREEMPT SMP KASAN NOPTI",
                "segment-related general protection fault: 0000 [#1] SMP")) {
            Crash c = one(
                    "[   90.0] " + header,
                    "[   90.0] CPU: 0 PID: 1868 Comm: ndctl Not tainted 6.11.0 #1",
                    "[   90.0] RIP: 0010:section_deactivate+0x1a3/0x2f0",
                    "[   90.0] Call Trace:",
                    "[   90.0]  __remove_pages+0x5a/0x90",
                    "[   90.0] ---[ end trace 0000000000000000 ]---");
            expect(c, "gpf", "general protection fault in section_deactivate", "section_deactivate");
        }
    }

    @Test
    void divideErrorBothSpellings() {
        for (String header : List.of("divide error: 0000 [#1] PREEMPT SMP KASAN", "divide_error: 0000 [#1] SMP")) {
            Crash c = one(
                    "[   91.0] " + header,
                    "[   91.0] RIP: 0010:btt_log_group_index+0x1c/0x60",
                    "[   91.0] Call Trace:",
                    "[   91.0]  btt_init+0x5a/0x90",
                    "[   91.0] ---[ end trace 0000000000000000 ]---");
            expect(c, "oops", "divide error in btt_log_group_index", "btt_log_group_index");
        }
    }

    @Test
    void kernelBugNamesTheRipFunction() {
        Crash c = one(
                "[   92.0] ------------[ cut here ]------------",
                "[   92.0] kernel BUG at fs/dax.c:1203!",
                "[   92.0] Oops: invalid opcode: 0000 [#1] PREEMPT SMP KASAN NOPTI",
                "[   92.0] RIP: 0010:dax_evict_inode+0x6e1/0x6f0",
                "[   92.0] Call Trace:",
                "[   92.0]  evict+0x10/0x20",
                "[   92.0] ---[ end trace 0000000000000000 ]---");
        expect(c, "bug", "kernel BUG in dax_evict_inode", "dax_evict_inode");
    }

    @Test
    void sleepingFunctionCalledFromInvalidContext() {
        Crash c = one(
                "[   93.0] BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580",
                "[   93.0] in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 77, name: fio",
                "[   93.0] CPU: 0 PID: 77 Comm: fio Not tainted 6.6.0 #1",
                "[   93.0] Call Trace:",
                "[   93.0]  dump_stack_lvl+0x116/0x1b0",
                "[   93.0]  __might_resched+0x5a/0x90",
                "[   93.0]  __mutex_lock+0x5c8/0x9e0",
                "[   93.0]  pmem_update_cfg+0x21/0x40");
        expect(c, "bug", "BUG: sleeping function called from invalid context in pmem_update_cfg", "pmem_update_cfg");
    }

    // ------------------------------------------------------------------ hangs, stalls, lockdep, leaks

    @Test
    void hungTaskSkipsTheSchedulerAndLocks() {
        Crash c = one(
                "[  600.0][   T41] INFO: task umount:4242 blocked for more than 143 seconds.",
                "[  600.0][   T41]       Not tainted 6.9.0 #1",
                "[  600.0][   T41] \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
                "[  600.0][   T41] task:umount          state:D stack:26688 pid:4242  tgid:4242  ppid:4100   flags:0x00004006",
                "[  600.0][   T41] Call Trace:",
                "[  600.0][   T41]  <TASK>",
                "[  600.0][   T41]  __schedule+0xe61/0x3d20",
                "[  600.0][   T41]  schedule+0xe7/0x350",
                "[  600.0][   T41]  schedule_preempt_disabled+0x13/0x30",
                "[  600.0][   T41]  __mutex_lock+0x5c8/0x9e0",
                "[  600.0][   T41]  dax_layout_busy_page+0x3c/0x1a0",
                "[  600.0][   T41]  xfs_break_layouts+0x237/0x6a0",
                "[  600.0][   T41]  </TASK>",
                "[  600.0][   T41] Showing all locks held in the system:",
                "[  600.0][   T41] 1 lock held by khungtaskd/41:");
        expect(c, "hung-task", "INFO: task hung in dax_layout_busy_page", "dax_layout_busy_page");
        assertEquals("umount", c.comm());
        assertEquals(4242, c.pid());
    }

    @Test
    void hungTaskInIoWaitOfNewerKernels() {
        Crash c = one(
                "[  610.0] INFO: task fsync:77 blocked in I/O wait for more than 122 seconds.",
                "[  610.0] Call Trace:",
                "[  610.0]  __schedule+0xe61/0x3d20",
                "[  610.0]  io_schedule+0x46/0x70",
                "[  610.0]  folio_wait_bit_common+0x2f2/0x560",
                "[  610.0]  dax_writeback_one+0x21c/0x3a0");
        expect(c, "hung-task", "INFO: task hung in dax_writeback_one", "dax_writeback_one");
    }

    @Test
    void rcuStallNamesTheFunctionAboveTheSyscallEntry() {
        Crash c = one(
                "[  700.0] rcu: INFO: rcu_preempt self-detected stall on CPU",
                "[  700.0] rcu: \t0-....: (10500 ticks this GP) idle=b5c/1/0x4000000000000000",
                "[  700.0] NMI backtrace for cpu 0",
                "[  700.0] Call Trace:",
                "[  700.0]  <IRQ>",
                "[  700.0]  __sysvec_apic_timer_interrupt+0x10b/0x410",
                "[  700.0]  </IRQ>",
                "[  700.0]  <TASK>",
                "[  700.0]  asm_sysvec_apic_timer_interrupt+0x1a/0x20",
                "[  700.0] RIP: 0010:pmem_spin_wait+0x3a/0x90",
                "[  700.0]  pmem_wait_all+0x2d/0x70",
                "[  700.0]  pmem_ioctl+0x1b3/0x2c0",
                "[  700.0]  __x64_sys_ioctl+0x18e/0x210",
                "[  700.0]  do_syscall_64+0xd2/0x260");
        expect(c, "rcu-stall", "INFO: rcu detected stall in pmem_ioctl", "pmem_ioctl");
    }

    @Test
    void circularLockingNamesTheLockTaker() {
        Crash c = one(
                "[  800.0] ======================================================",
                "[  800.0] WARNING: possible circular locking dependency detected",
                "[  800.0] 6.9.0 #1 Not tainted",
                "[  800.0] ------------------------------------------------------",
                "[  800.0] umount/8123 is trying to acquire lock:",
                "[  800.0] ffff88807b2c4a10 (&ip->i_mmaplock){+.+.}-{3:3}, at: xfs_ilock+0x5e/0x4b0",
                "[  800.0] ",
                "[  800.0] but task is already holding lock:",
                "[  800.0] ffffffff8e3a1c68 (&mapping->invalidate_lock){+.+.}-{3:3}, at: dax_break_layout+0x31/0x120",
                "[  800.0] ",
                "[  800.0] which lock already depends on the new lock.",
                "[  800.0] stack backtrace:",
                "[  800.0] CPU: 0 PID: 8123 Comm: umount Not tainted 6.9.0 #1",
                "[  800.0] Call Trace:",
                "[  800.0]  dump_stack_lvl+0x116/0x1b0",
                "[  800.0]  xfs_ilock+0x5e/0x4b0");
        expect(c, "lockdep", "possible deadlock in xfs_ilock", "xfs_ilock");
    }

    @Test
    void nonStaticKeyAndInconsistentLockState() {
        Crash key = one(
                "[  801.0] INFO: trying to register non-static key.",
                "[  801.0] The code is fine but needs lockdep annotation, or maybe",
                "[  801.0] you didn't initialize this object before use?",
                "[  801.0] turning off the locking correctness validator.",
                "[  801.0] Call Trace:",
                "[  801.0]  dump_stack_lvl+0x116/0x1b0",
                "[  801.0]  register_lock_class+0x2c8/0x650",
                "[  801.0]  __lock_acquire+0xa9/0x1e10",
                "[  801.0]  lock_acquire+0xb6/0x280",
                "[  801.0]  _raw_spin_lock_irqsave+0x38/0x60",
                "[  801.0]  nd_device_notify+0x2b/0x80");
        expect(key, "lockdep", "INFO: trying to register non-static key in nd_device_notify", "nd_device_notify");
        Crash state = one(
                "[  802.0] ================================",
                "[  802.0] WARNING: inconsistent lock state",
                "[  802.0] 6.9.0 #1 Not tainted",
                "[  802.0] --------------------------------",
                "[  802.0] inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.",
                "[  802.0] fio/77 [HC0[0]:SC1[1]:HE1:SE0] takes:",
                "[  802.0] ffff888100001234 (&btt->lock){+.?.}-{2:2}, at: btt_write_pg+0x5a/0x300",
                "[  802.0] stack backtrace:",
                "[  802.0] Call Trace:",
                "[  802.0]  dump_stack_lvl+0x116/0x1b0",
                "[  802.0]  mark_lock+0x5a/0x90",
                "[  802.0]  btt_write_pg+0x5a/0x300");
        expect(state, "lockdep", "inconsistent lock state in btt_write_pg", "btt_write_pg");
    }

    @Test
    void memoryLeakSkipsTheAllocators() {
        Crash c = one(
                "BUG: memory leak",
                "unreferenced object 0xffff888112345600 (size 64):",
                "  comm \"ndctl\", pid 5010, jiffies 4294944000",
                "  backtrace (crc 5c1a2b3d):",
                "    [<ffffffff81a1b2c3>] kmemleak_alloc+0x4a/0x80",
                "    [<ffffffff81a2c3d4>] __kmalloc_cache_noprof+0x2ab/0x3c0",
                "    [<ffffffff83a4b5c6>] nd_alloc_ctx+0x3e/0x120",
                "    [<ffffffff83a4b7e8>] nd_ioctl+0x9c/0x2f0");
        expect(c, "memory-leak", "memory leak in nd_ioctl", "nd_ioctl");
    }

    // ------------------------------------------------------------------ panics

    @Test
    void aPanicAfterAReportTakesThatReportsTitle() {
        List<Event> events = FamilyTester.read(FAMILY,
                "[  900.0][  T41] INFO: task umount:4242 blocked for more than 143 seconds.",
                "[  900.0][  T41] Call Trace:",
                "[  900.0][  T41]  __schedule+0xe61/0x3d20",
                "[  900.0][  T41]  dax_layout_busy_page+0x3c/0x1a0",
                "[  900.0][  T41] Showing all locks held in the system:",
                "[  900.0][  T41] 1 lock held by khungtaskd/41:",
                "[  900.0][  T41]  #0: ffffffff8e737260 (rcu_read_lock){....}-{1:2}, at: debug_show_all_locks+0x3/0x170",
                "[  900.0][  T41] =============================================",
                "[  900.0][  T41] ",
                "[  900.0][  T41] Kernel panic - not syncing: hung_task: blocked tasks",
                "[  900.0][  T41] CPU: 1 PID: 41 Comm: khungtaskd Not tainted 6.9.0 #1");
        assertEquals(1, events.size(), events.toString());
        Crash c = (Crash) events.get(0);
        expect(c, "hung-task", "INFO: task hung in dax_layout_busy_page", "dax_layout_busy_page");
        assertEquals("hung_task: blocked tasks", c.panic());
    }

    @Test
    void aPanicAloneIsItsOwnReport() {
        Crash c = one("[  901.0] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
                "[  901.0] CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.6.0 #1",
                "[  901.0] Call Trace:",
                "[  901.0]  dump_stack_lvl+0x116/0x1b0",
                "[  901.0]  panic+0x34a/0x380",
                "[  901.0]  mount_block_root+0x2d0/0x2f0");
        assertEquals("panic", c.kind());
        assertEquals("kernel panic: VFS: Unable to mount root fs on unknown-block(NUM,NUM)", c.title());
        assertNull(c.guiltyFunction());
        assertFalse(c.corrupted());
    }

    @Test
    void aCutReportIsFlaggedNotMisTitled() {
        Crash c = one(
                "[  950.0] BUG: unable to handle page fault for address: ffffc90040000000",
                "[  950.0] #PF: supervisor read access in kernel mode",
                "[  950.0] Call Trace:");
        assertEquals("BUG: unable to handle kernel paging request in corrupted", c.title());
        assertTrue(c.corrupted());
        assertNull(c.guiltyFunction());
    }

    @Test
    void rustPanicIsTitledWithItsMessageAndTheDemangledRustFrame() {
        Crash c = one(
                "[   23.717039][  T298] rust_kernel: panicked at drivers/android/binder/node.rs:877:13:",
                "[   23.717039][  T298] attempt to subtract with overflow",
                "[   24.057562][  T298] Call Trace:",
                "[   24.060834][  T298]  <TASK>",
                "[   24.063751][  T298]  _RNvCscSpY9Juk0HT_7___rustc17rust_begin_unwind+0x15b/0x160",
                "[   24.128451][  T298]  _RNvNtCs9jEwPDbx20M_4core9panicking9panic_fmt+0x84/0x90",
                "[   24.163987][  T298]  _RNvMs3_NtCshgDM7dBCdno_11rust_binder7processNtB5_7Process10update_ref+0x17e5/0x1860",
                "[   24.649179][  T298]  __se_sys_ioctl+0x132/0x1b0",
                "[   24.750779][  T298]  </TASK>");
        expect(c, "bug", "attempt to subtract with overflow in <rust_binder::process::Process>::update_ref",
                "<rust_binder::process::Process>::update_ref");
    }

    // ------------------------------------------------------------------ helpers

    private static Crash one(String... lines) {
        return FamilyTester.one(Crash.class, FAMILY, lines);
    }

    private static void expect(Crash c, String kind, String title, String guilty) {
        assertEquals(kind, c.kind(), c.toString());
        assertEquals(title, c.title(), c.toString());
        assertEquals(guilty, c.guiltyFunction(), c.toString());
        assertFalse(c.corrupted(), c.toString());
    }
}
