package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Crash;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.FamilyTester;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.LogRecord;

/** The report forms of reference §5 (all eras) and how blocks end. */
class CrashFamilyTest {

    private static final CrashFamily FAMILY = new CrashFamily();

    // ------------------------------------------------------------------ reference §5 forms

    @Test
    void x86PageFault66() {
        Crash crash = one(
                "[ 2211.901234] BUG: unable to handle page fault for address: ffffc90040000000",
                "[ 2211.901240] #PF: supervisor read access in kernel mode",
                "[ 2211.901242] #PF: error_code(0x0000) - not-present page",
                "[ 2211.901244] PGD 100000067 P4D 100000067 PUD 0",
                "[ 2211.901247] Oops: 0000 [#1] PREEMPT SMP NOPTI",
                "[ 2211.901250] CPU: 7 PID: 3121 Comm: fio Tainted: G   M               6.6.0 #1",
                "[ 2211.901255] RIP: 0010:memcpy_orig+0x31/0x140",
                "[ 2211.901300] Call Trace:",
                "[ 2211.901301]  <TASK>",
                "[ 2211.901305]  ? dax_iomap_iter+0x2a/0x3c0",
                "[ 2211.901310]  dax_iomap_rw+0x1f2/0x3c0",
                "[ 2211.901315]  xfs_file_dax_read+0x9c/0x120 [xfs]",
                "[ 2211.901320]  </TASK>",
                "[ 2211.901330] CR2: ffffc90040000000",
                "[ 2211.901331] ---[ end trace 0000000000000000 ]---");
        assertEquals("oops", crash.kind());
        // syzkaller's words for the 5.2+ header; memcpy is a helper, the guilty frame is its caller
        assertEquals("BUG: unable to handle kernel paging request in dax_iomap_rw", crash.title());
        assertEquals("memcpy_orig", crash.function());
        assertEquals("dax_iomap_rw", crash.guiltyFunction());
        assertFalse(crash.corrupted());
        assertEquals("fio", crash.comm());
        assertEquals(3121, crash.pid());
        assertEquals(7, crash.cpu());
        assertEquals("G   M", crash.tainted());
        assertEquals(List.of("dax_iomap_rw", "xfs_file_dax_read"), crash.callTrace());
        assertEquals(1, crash.origin().line());
        assertEquals(15, crash.origin().endLine());
        assertNull(crash.panic());
    }

    @Test
    void warningWithCutHere() {
        Crash crash = one(
                "[    3.199999] ------------[ cut here ]------------",
                "[    3.200000] WARNING: CPU: 0 PID: 123 at fs/dax.c:226 get_unlocked_entry+0xf7/0x120",
                "[    3.200010] Modules linked in: nd_pmem dax_pmem",
                "[    3.200020] CPU: 0 UID: 0 PID: 123 Comm: fsstress Not tainted 6.12.0 #1",
                "[    3.200030] Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)",
                "[    3.200040] RIP: 0010:get_unlocked_entry+0xf7/0x120",
                "[    3.200050] Code: 0f 0b e9 <0f> 0b 90",
                "[    3.200060] RSP: 0018:ffffc90000abbc48 EFLAGS: 00010246",
                "[    3.200070] RAX: 0000000000000000 RBX: ffff888100a3c000 RCX: 0000000000000001",
                "[    3.200080] Call Trace:",
                "[    3.200090]  <TASK>",
                "[    3.200100]  ? __warn+0x81/0x130",
                "[    3.200110]  dax_iomap_pte_fault+0x1d4/0x6a0",
                "[    3.200120]  dax_iomap_fault+0x3a/0x50",
                "[    3.200130]  </TASK>",
                "[    3.200140] ---[ end trace 0000000000000000 ]---");
        assertEquals("warning", crash.kind());
        assertEquals("WARNING in get_unlocked_entry", crash.title());
        assertEquals("get_unlocked_entry", crash.function());
        assertEquals("fsstress", crash.comm());
        assertEquals(123, crash.pid());
        assertEquals(0, crash.cpu());
        assertEquals("Not tainted", crash.tainted());
        assertEquals(List.of("dax_iomap_pte_fault", "dax_iomap_fault"), crash.callTrace());
        assertEquals(16, crash.origin().endLine());
    }

    @Test
    void warningOf619TakesCommAndPidFromTheWarningLine() {
        Crash crash = one(
                "[   12.000000] ------------[ cut here ]------------",
                "[   12.000001] WARNING: fs/dax.c:460 at dax_insert_entry+0x36e/0x380, CPU#2: init/1",
                "[   12.000002] Modules linked in:",
                "[   12.000003] RIP: 0010:dax_insert_entry+0x36e/0x380",
                "[   12.000004] ---[ end trace 0000000000000000 ]---");
        assertEquals("WARNING in dax_insert_entry", crash.title());
        assertEquals("init", crash.comm());
        assertEquals(1, crash.pid());
        assertEquals(2, crash.cpu());
    }

    @Test
    void kernelBugWithInvalidOpcodeIsOneBugReport() {
        Crash crash = one(
                "[  100.000001] ------------[ cut here ]------------",
                "[  100.000002] kernel BUG at fs/xfs/xfs_message.c:102!",
                "[  100.000003] invalid opcode: 0000 [#1] PREEMPT SMP NOPTI",
                "[  100.000004] CPU: 3 PID: 4242 Comm: xfs_io Tainted: G        W          6.1.0 #1",
                "[  100.000005] Hardware name: Dell Inc. PowerEdge R750/0PJ80M, BIOS 1.5.4 12/17/2021",
                "[  100.000006] RIP: 0010:assfail+0x3c/0x40 [xfs]",
                "[  100.000007] Code: 48 c7 c7 <0f> 0b",
                "[  100.000008] RSP: 0018:ffffc90001b4fb88 EFLAGS: 00010246",
                "[  100.000009] Call Trace:",
                "[  100.000010]  <TASK>",
                "[  100.000011]  xfs_dax_notify_failure+0x1f0/0x2a0 [xfs]",
                "[  100.000012]  ? dax_holder_notify_failure+0x5a/0x80",
                "[  100.000013]  memory_failure+0x2b1/0x6c0",
                "[  100.000014]  </TASK>",
                "[  100.000015] ---[ end trace 0000000000000000 ]---");
        assertEquals("bug", crash.kind());
        assertEquals("kernel BUG in assfail", crash.title());
        assertEquals("assfail", crash.function());
        assertEquals("xfs_io", crash.comm());
        assertEquals("G        W", crash.tainted());
        assertEquals(List.of("xfs_dax_notify_failure", "memory_failure"), crash.callTrace());
    }

    @Test
    void generalProtectionFault() {
        Crash crash = one(
                "[  812.330001] general protection fault, probably for non-canonical address 0xdead000000000116: 0000 [#1] PTI",
                "[  812.330010] CPU: 12 PID: 5120 Comm: daxctl Tainted: G   M        6.5.0 #1",
                "[  812.330020] RIP: 0010:section_deactivate+0x1a3/0x2f0",
                "[  812.330030] Call Trace:",
                "[  812.330040]  <TASK>",
                "[  812.330050]  ? die_addr+0x3d/0xa0",
                "[  812.330060]  __remove_pages+0x6c/0xa0",
                "[  812.330070]  arch_remove_memory+0x1a/0x70",
                "[  812.330080]  </TASK>",
                "[  812.330090] ---[ end trace 0000000000000000 ]---");
        assertEquals("gpf", crash.kind());
        assertEquals("general protection fault in section_deactivate", crash.title());
        assertEquals("section_deactivate", crash.function());
        assertEquals(12, crash.cpu());
        assertEquals(List.of("__remove_pages", "arch_remove_memory"), crash.callTrace());
    }

    @Test
    void oopsOops610AndPreemptWordOf616() {
        Crash crash = one(
                "[  55.100000] BUG: kernel NULL pointer dereference, address: 0000000000000008",
                "[  55.100001] #PF: supervisor read access in kernel mode",
                "[  55.100002] #PF: error_code(0x0000) - not-present page",
                "[  55.100003] PGD 0 P4D 0",
                "[  55.100004] Oops: Oops: 0000 [#1] SMP NOPTI",
                "[  55.100005] CPU: 1 UID: 0 PID: 77 Comm: kworker/1:2 Not tainted 6.16.0 #1 PREEMPT(voluntary)",
                "[  55.100006] Tainted: [M]=MACHINE_CHECK, [O]=OOT_MODULE",
                "[  55.100007] Workqueue: events dev_dax_kmem_remove",
                "[  55.100008] RIP: 0010:dax_region_put+0x12/0x40 [device_dax]",
                "[  55.100009] Call Trace:",
                "[  55.100010]  <TASK>",
                "[  55.100011]  unregister_dev_dax+0x56/0x90 [device_dax]",
                "[  55.100012]  </TASK>",
                "[  55.100013] ---[ end trace 0000000000000000 ]---",
                "[  55.100014] RIP: 0010:dax_region_put+0x12/0x40 [device_dax]",
                "[  55.100015] RSP: 0018:ffffc90000a4fd28 EFLAGS: 00010246",
                "[  55.100016] Kernel panic - not syncing: Fatal exception",
                "[  55.100017] Kernel Offset: disabled",
                "[  55.100018] ---[ end Kernel panic - not syncing: Fatal exception ]---");
        assertEquals("oops", crash.kind());
        assertEquals("BUG: unable to handle kernel NULL pointer dereference in dax_region_put", crash.title());
        assertEquals("dax_region_put", crash.function());
        assertEquals("kworker/1:2", crash.comm());
        assertEquals(77, crash.pid());
        assertEquals(List.of("unregister_dev_dax"), crash.callTrace());
        assertEquals("Fatal exception", crash.panic());
        assertEquals(19, crash.origin().endLine());
    }

    @Test
    void oopsOopsAloneIsTitledOops() {
        Crash crash = one(
                "[  55.100004] Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI",
                "[  55.100005] CPU: 1 UID: 0 PID: 77 Comm: kworker/1:2 Not tainted 6.10.0 #1",
                "[  55.100008] RIP: 0010:dax_region_put+0x12/0x40 [device_dax]");
        assertEquals("oops", crash.kind());
        assertEquals("Oops in dax_region_put", crash.title());
    }

    @Test
    void oldRipForms4x() {
        Crash crash = one(
                "[  512.123456] BUG: unable to handle kernel NULL pointer dereference at 0000000000000008",
                "[  512.123480] IP: [<ffffffffa01b2c3d>] pmem_rw_bytes+0x2d/0x90 [nd_pmem]",
                "[  512.123500] PGD 0",
                "[  512.123510] Oops: 0000 [#1] SMP",
                "[  512.123520] Modules linked in: nd_pmem nd_btt libnvdimm",
                "[  512.123530] CPU: 5 PID: 2210 Comm: dd Not tainted 4.4.0-21-generic #37-Ubuntu",
                "[  512.123540] Hardware name: Supermicro X10DRi/X10DRi, BIOS 2.0 12/17/2015",
                "[  512.123550] task: ffff88003a6c8000 ti: ffff88003a6c4000 task.ti: ffff88003a6c4000",
                "[  512.123560] RIP: 0010:[<ffffffffa01b2c3d>]  [<ffffffffa01b2c3d>] pmem_rw_bytes+0x2d/0x90 [nd_pmem]",
                "[  512.123570] RSP: 0018:ffff88003a6c7b48  EFLAGS: 00010246",
                "[  512.123590] Stack:",
                "[  512.123600]  ffff88003a6c7b98 ffffffffa01b2d40 0000000000000200 ffff88007b5e1000",
                "[  512.123610] Call Trace:",
                "[  512.123620]  [<ffffffffa01b2d40>] ? pmem_do_bvec+0x80/0x120 [nd_pmem]",
                "[  512.123630]  [<ffffffff813c7b2a>] generic_make_request+0xfa/0x2a0",
                "[  512.123640]  [<ffffffff813c7d35>] submit_bio+0x65/0x150",
                "[  512.123650] Code: 48 89 e5 41 54 <48> 8b 47 08",
                "[  512.123660] RIP  [<ffffffffa01b2c3d>] pmem_rw_bytes+0x2d/0x90 [nd_pmem]",
                "[  512.123670]  RSP <ffff88003a6c7b48>",
                "[  512.123680] CR2: 0000000000000008",
                "[  512.123690] ---[ end trace 4d2bf0fa1a9b2a5c ]---");
        assertEquals("oops", crash.kind());
        assertEquals("BUG: unable to handle kernel NULL pointer dereference in pmem_rw_bytes", crash.title());
        assertEquals("pmem_rw_bytes", crash.function());
        assertEquals("dd", crash.comm());
        assertEquals(2210, crash.pid());
        assertEquals(5, crash.cpu());
        assertEquals(List.of("generic_make_request", "submit_bio"), crash.callTrace());
        assertEquals(21, crash.origin().endLine());
    }

    @Test
    void oldGpfWithOldRipLine3x() {
        Crash crash = one(
                "[ 1034.411234] general protection fault: 0000 [#1] SMP",
                "[ 1034.411250] CPU: 2 PID: 914 Comm: kworker/2:1 Not tainted 3.19.0 #1",
                "[ 1034.411260] RIP: 0010:[<ffffffff811c3f6e>]  [<ffffffff811c3f6e>] kmem_cache_alloc+0x2e/0x90",
                "[ 1034.411270] Call Trace:",
                "[ 1034.411280]  [<ffffffff811a7d45>] ? __alloc_percpu+0x15/0x20",
                "[ 1034.411290]  [<ffffffffa0123456>] nd_region_probe+0x40/0x130 [libnvdimm]",
                "[ 1034.411300] ---[ end trace 1f2e3d4c5b6a7988 ]---");
        assertEquals("gpf", crash.kind());
        // the RIP is in the allocator, a helper: the guilty frame is its caller
        assertEquals("general protection fault in nd_region_probe", crash.title());
        assertEquals("kmem_cache_alloc", crash.function());
        assertEquals("nd_region_probe", crash.guiltyFunction());
        assertEquals(List.of("nd_region_probe"), crash.callTrace());
    }

    @Test
    void invalidOpcodeOf610WithoutKernelBug() {
        Crash crash = one(
                "[   9.000000] Oops: invalid opcode: 0000 [#1] SMP NOPTI",
                "[   9.000001] CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.11.0 #1",
                "[   9.000002] RIP: 0010:pmem_attach_disk+0x5e1/0x600 [nd_pmem]");
        assertEquals("invalid-opcode", crash.kind());
        assertEquals("invalid opcode in pmem_attach_disk", crash.title());
        assertEquals("swapper/0", crash.comm());
    }

    @Test
    void softLockupWithWatchdogPrefixAndItsPanic() {
        Crash crash = one(
                "[  300.000000] watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [fio:4321]",
                "[  300.000001] Modules linked in: nd_pmem",
                "[  300.000002] CPU: 3 PID: 4321 Comm: fio Tainted: G             L     6.6.0 #1",
                "[  300.000003] RIP: 0010:dax_iomap_iter+0x1c2/0x5a0",
                "[  300.000004] Call Trace:",
                "[  300.000005]  <TASK>",
                "[  300.000006]  dax_iomap_rw+0x1f2/0x3c0",
                "[  300.000007]  xfs_file_dax_read+0x9c/0x120 [xfs]",
                "[  300.000008]  vfs_read+0x1d3/0x2f0",
                "[  300.000009]  ksys_read+0x6f/0xf0",
                "[  300.000010]  do_syscall_64+0x5b/0x80",
                "[  300.000011]  </TASK>",
                "[  300.000012] Kernel panic - not syncing: softlockup: hung tasks");
        assertEquals("lockup", crash.kind());
        // a stall is named after the code the entry point (here vfs_read) ran, not where the CPU happened to be
        assertEquals("BUG: soft lockup in xfs_file_dax_read", crash.title());
        assertEquals("dax_iomap_iter", crash.function());
        assertEquals("softlockup: hung tasks", crash.panic());
        assertEquals("G             L", crash.tainted());
    }

    @Test
    void mcePanicIsAPanicOfItsOwn() {
        List<Event> events = FamilyTester.read(FAMILY,
                "[  611.902150] mce: [Hardware Error]: Machine check: Data load in unrecoverable area of kernel",
                "[  611.902151] Kernel panic - not syncing: Fatal local machine check",
                "[  611.902160] Kernel Offset: disabled",
                "[  611.902170] ---[ end Kernel panic - not syncing: Fatal local machine check ]---");
        assertEquals(1, events.size());
        Crash crash = (Crash) events.get(0);
        assertEquals("panic", crash.kind());
        assertEquals("kernel panic: Fatal local machine check", crash.title());
        assertEquals("Fatal local machine check", crash.panic());
        assertEquals(2, crash.origin().line());
        assertEquals(4, crash.origin().endLine());
    }

    @Test
    void ubsanReport() {
        Crash crash = one(
                "[   7.000000] ================================================================================",
                "[   7.000001] UBSAN: array-index-out-of-bounds in drivers/acpi/nfit/core.c:1234:5",
                "[   7.000002] index 5 is out of range for type 'u32 [4]'",
                "[   7.000003] CPU: 4 PID: 321 Comm: ndctl Not tainted 6.8.0 #1",
                "[   7.000004] Call Trace:",
                "[   7.000005]  <TASK>",
                "[   7.000006]  dump_stack_lvl+0x48/0x70",
                "[   7.000007]  ubsan_epilogue+0x5/0x30",
                "[   7.000008]  __ubsan_handle_out_of_bounds+0x8f/0xb0",
                "[   7.000009]  acpi_nfit_ctl+0x7a1/0x8d0 [nfit]",
                "[   7.000010]  </TASK>",
                "[   7.000011] ================================================================================");
        assertEquals("ubsan", crash.kind());
        assertEquals("UBSAN: array-index-out-of-bounds in acpi_nfit_ctl", crash.title());
        assertEquals("acpi_nfit_ctl", crash.function());
        assertEquals(12, crash.origin().endLine());
    }

    @Test
    void arm64InternalErrorAfterKernelBug() {
        Crash crash = one(
                "[  40.000000] ------------[ cut here ]------------",
                "[  40.000001] kernel BUG at mm/memory-failure.c:1422!",
                "[  40.000002] Internal error: Oops - BUG: 00000000f2000800 [#1] PREEMPT SMP",
                "[  40.000003] CPU: 3 PID: 600 Comm: einj_mem_uc Not tainted 6.6.0 #1",
                "[  40.000004] pc : try_to_split_thp_page+0x8c/0x90",
                "[  40.000005] lr : memory_failure+0x1e4/0x8a0",
                "[  40.000006] sp : ffff80008a8b3b70",
                "[  40.000007] x29: ffff80008a8b3b70 x28: 0000000000000000 x27: 0000000000000000",
                "[  40.000008] x9 : 0000000000000000 x8 : 0000000000000000 x7 : 0000000000000000",
                "[  40.000009] Call trace:",
                "[  40.000010]  try_to_split_thp_page+0x8c/0x90",
                "[  40.000011]  memory_failure+0x1e4/0x8a0",
                "[  40.000012] Code: d65f03c0 d4210000 (d4210000) d503201f",
                "[  40.000013] ---[ end trace 0000000000000000 ]---");
        assertEquals("bug", crash.kind());
        // "Internal error: Oops - BUG:" has a BUG: header but is the trap of the kernel BUG, not a second report
        assertEquals("kernel BUG in try_to_split_thp_page", crash.title());
        assertEquals("try_to_split_thp_page", crash.function());
        assertEquals(List.of("try_to_split_thp_page", "memory_failure"), crash.callTrace());
    }

    // ------------------------------------------------------------------ how blocks end

    @Test
    void endMarkerClosesAndTheNextLineIsNotTaken() {
        Run run = run(
                "[   1.0] WARNING: CPU: 0 PID: 1 at fs/dax.c:226 get_unlocked_entry+0xf7/0x120",
                "[   1.1] RIP: 0010:get_unlocked_entry+0xf7/0x120",
                "[   1.2] ---[ end trace 0000000000000000 ]---",
                "[   1.3] Call Trace:",
                "[   1.4] XFS (pmem0): Mounting V5 Filesystem");
        assertEquals(List.of(true, true, true, false, false), run.taken);
        Crash crash = (Crash) run.events.get(0);
        assertEquals(3, crash.origin().endLine());
        assertTrue(crash.callTrace().isEmpty());
    }

    @Test
    void unrelatedLinesEndAnOpenBlock() {
        Run run = run(
                "[   1.0] BUG: unable to handle page fault for address: ffffc90040000000",
                "[   1.1] CPU: 7 PID: 3121 Comm: fio Not tainted 6.6.0 #1",
                "[   1.2] RIP: 0010:memcpy_orig+0x31/0x140",
                "[   1.3] Memory failure: 0x12345: recovery action for dax page: Recovered",
                "[   1.4] XFS (pmem0): Unmounting Filesystem",
                "[   1.5] XFS (pmem0): Mounting V5 Filesystem",
                "[   1.6]  dax_iomap_rw+0x1f2/0x3c0");
        assertEquals(List.of(true, true, true, false, false, false, false), run.taken);
        assertEquals(1, run.events.size());
        assertEquals(3, run.events.get(0).origin().endLine());
    }

    @Test
    void oneInterleavedLineDoesNotEndTheBlock() {
        Run run = run(
                "[   1.0] Oops: general protection fault, probably for non-canonical address 0xe0a6bc240000ad1e: 0000 [#1] PREEMPT SMP KASAN NOPTI",
                "[   1.1] RIP: 0010:lockdep_unregister_key+0x92/0x240",
                "[   1.2] XFS (pmem0): EXPERIMENTAL online scrub feature in use. Use at your own risk!",
                "[   1.3] RSP: 0018:ffa000000013fe00 EFLAGS: 00010007",
                "[   1.4] Call Trace:",
                "[   1.5]  pwq_release_workfn+0x464/0x930",
                "[   1.6] ---[ end trace 0000000000000000 ]---");
        assertEquals(List.of(true, true, false, true, true, true, true), run.taken);
        Crash crash = (Crash) run.events.get(0);
        assertEquals(List.of("pwq_release_workfn"), crash.callTrace());
        assertEquals(7, crash.origin().endLine());
    }

    @Test
    void linesOfAnotherCallerArePassedOver() {
        Run run = run(
                "[   46.394237][ T4025] ------------[ cut here ]------------",
                "[   46.399593][ T4025] WARNING: CPU: 7 PID: 4025 at mm/truncate.c:89 truncate_folio_batch_exceptionals+0x1/0x2",
                "[   46.400000][ T4025] Call Trace:",
                "[   46.400001][  T331] LKP: stdout: 302: HOSTNAME lkp-skl-d01",
                "[   46.400002][  T333] 512+0 records in",
                "[   46.400003][  T333] 512+0 records out",
                "[   46.400004][ T4025]  evict+0x10/0x20",
                "[   46.400005][ T4025] ---[ end trace 0000000000000000 ]---");
        assertEquals(List.of(true, true, true, false, false, false, true, true), run.taken);
        Crash crash = (Crash) run.events.get(0);
        assertEquals(List.of("evict"), crash.callTrace());
        assertEquals(8, crash.origin().endLine());
    }

    @Test
    void twoBackToBackWarningsAreTwoEvents() {
        List<Event> events = FamilyTester.read(FAMILY,
                "[   5.0] ------------[ cut here ]------------",
                "[   5.1] WARNING: CPU: 1 PID: 10 at fs/dax.c:460 dax_insert_entry+0x36e/0x380",
                "[   5.2] RIP: 0010:dax_insert_entry+0x36e/0x380",
                "[   5.3] ------------[ cut here ]------------",
                "[   5.4] WARNING: CPU: 1 PID: 10 at fs/dax.c:226 get_unlocked_entry+0xf7/0x120",
                "[   5.5] RIP: 0010:get_unlocked_entry+0xf7/0x120",
                "[   5.6] ---[ end trace 0000000000000000 ]---");
        assertEquals(2, events.size());
        Crash first = (Crash) events.get(0);
        Crash second = (Crash) events.get(1);
        assertEquals("WARNING in dax_insert_entry", first.title());
        assertEquals(3, first.origin().endLine());
        assertEquals("WARNING in get_unlocked_entry", second.title());
        assertEquals(4, second.origin().line());
        assertEquals(7, second.origin().endLine());
    }

    @Test
    void aNewBugAfterTheEndMarkerIsANewReport() {
        List<Event> events = FamilyTester.read(FAMILY,
                "[   5.0] BUG: unable to handle page fault for address: ffffc90040000000",
                "[   5.1] Oops: 0000 [#1] PREEMPT SMP NOPTI",
                "[   5.2] RIP: 0010:memcpy_orig+0x31/0x140",
                "[   5.3] ---[ end trace 0000000000000000 ]---",
                "[   5.4] BUG: unable to handle page fault for address: ffffc90040001000",
                "[   5.5] Oops: 0000 [#2] PREEMPT SMP NOPTI",
                "[   5.6] RIP: 0010:pmem_do_read+0x31/0x140 [nd_pmem]");
        // the first report's only function is a helper (memcpy) and it has no call trace: corrupted
        assertEquals(List.of("BUG: unable to handle kernel paging request in corrupted",
                "BUG: unable to handle kernel paging request in pmem_do_read"),
                events.stream().map(e -> ((Crash) e).title()).toList());
        assertTrue(((Crash) events.get(0)).corrupted());
    }

    @Test
    void aBlockIsCappedAt400Lines() {
        List<String> lines = new ArrayList<>();
        lines.add("[   9.0] WARNING: CPU: 0 PID: 1 at fs/dax.c:226 get_unlocked_entry+0xf7/0x120");
        lines.add("[   9.0] Call Trace:");
        IntStream.range(0, 500).forEach(i -> lines.add("[   9.1]  frame_" + i + "+0x1/0x10"));
        Run run = run(lines.toArray(String[]::new));
        assertEquals(1, run.events.size());
        Crash crash = (Crash) run.events.get(0);
        assertEquals(CrashFamily.MAX_LINES, crash.origin().endLine());
        assertEquals(CrashFamily.MAX_LINES - 2, crash.callTrace().size());
        assertEquals(CrashFamily.MAX_LINES, run.taken.stream().filter(t -> t).count());
    }

    @Test
    void wrappedLinesAreJoinedBeforeTheyAreRead() {
        Crash crash = one(
                "[ 1851.504826] ==================================================================",
                "[ 1851.512060] BUG: KASAN: slab-use-after-free in",
                "mutex_can_spin_on_owner+0x192/0x1c0",
                "[ 1851.519640] Read of size 4 at addr ffff88855e790034 by task",
                "kworker/u192:1/1821",
                "",
                "[ 1851.528446] CPU: 41 UID: 0 PID: 1821 Comm: kworker/u192:1 Tainted:",
                "G      D            6.11.0-rc1 #1",
                "[ 1851.552840] Call Trace:",
                "[ 1851.561073]  dump_stack_lvl+0x7e/0xc0",
                "[ 1851.592388]  mutex_can_spin_on_owner+0x192/0x1c0",
                "[ 1851.597012]  __mutex_lock+0x256/0x14a0",
                "[ 1851.601310]  nd_device_notify+0x2b/0x80 [libnvdimm]",
                "[ 1851.774138]  </TASK>",
                "",
                "[ 1851.777833] Allocated by task 1830:",
                "[ 1851.781326]  kasan_save_stack+0x20/0x40",
                "[ 1851.981448] The buggy address belongs to the object at ffff88855e790000",
                "                which belongs to the cache task_struct of size 15752",
                "[ 1852.116466] >ffff88855e790000: fa fb fb fb fb fb fb fb fb fb fb fb",
                "fb fb fb fb",
                "[ 1852.123683]                                      ^",
                "[ 1852.142913] ==================================================================",
                "[ 1852.142920] Disabling lock debugging due to kernel taint");
        assertEquals("kasan", crash.kind());
        // the header and the access line are wrapped; mutex_ functions are helpers, the guilty frame is the caller
        assertEquals("KASAN: slab-use-after-free Read in nd_device_notify", crash.title());
        assertEquals("mutex_can_spin_on_owner", crash.function());
        assertEquals("G      D", crash.tainted());
        assertEquals(41, crash.cpu());
        assertEquals(List.of("dump_stack_lvl", "mutex_can_spin_on_owner", "__mutex_lock", "nd_device_notify"),
                crash.callTrace());
        assertEquals(24, crash.origin().endLine());
    }

    @Test
    void aLoneSeparatorMakesNoEvent() {
        Run run = run(
                "[ 1353.830712] Begin to register:",
                "[ 1353.830713] ====================================================================",
                "[ 1354.101088] Triggering MCE exception on CPU 3");
        assertEquals(List.of(false, true, false), run.taken);
        assertTrue(run.events.isEmpty());
    }

    @Test
    void shortVendorSeparatorsAndLookalikesStartNothing() {
        Run run = run(
                "[ 1353.830713] ==============================",
                "[ 1360.755011] WARNING: stack recursion on stack type 6",
                "[   10.000000] traps: systemd[1] general protection fault ip:7f3c0 sp:7ffd error:0 in libc.so.6",
                "[   10.000001] Code: Unable to access opcode bytes at 0xffffffffffffffd6.");
        assertEquals(List.of(false, false, false, false), run.taken);
        assertTrue(run.events.isEmpty());
    }

    // ------------------------------------------------------------------ the keyword contract

    /** One line per start alternative of the grammar, each era's spelling. */
    @ParameterizedTest
    @ValueSource(strings = {
        "==================================================================",
        "================================================================================",
        "------------[ cut here ]------------",
        "BUG: KASAN: slab-use-after-free in nfit_handle_mce+0x1a/0x40",
        "BUG: unable to handle page fault for address: ffffc90040000000",
        "BUG: kernel NULL pointer dereference, address: 0000000000000008",
        "BUG: unable to handle kernel paging request at ffffc90040000000",
        "BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:123]",
        "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/3:1:123]",
        "Oops: 0000 [#1] SMP PTI",
        "Oops: Oops: 0000 [#1] PREEMPT SMP NOPTI",
        "Oops: general protection fault, probably for non-canonical address 0x74656d2f74696750: 0000 [#1] SMP",
        "general protection fault: 0000 [#1] SMP",
        "invalid opcode: 0000 [#1] SMP",
        "Oops: invalid opcode: 0000 [#1] SMP NOPTI",
        "stack segment: 0000 [#1] SMP",
        "divide error: 0000 [#1] SMP",
        "kernel BUG at fs/xfs/xfs_message.c:102!",
        "WARNING: CPU: 0 PID: 123 at fs/dax.c:226 get_unlocked_entry+0xf7/0x120",
        "WARNING: CPU: 0 PID: 123 at get_unlocked_entry+0xf7/0x120",
        "WARNING: at fs/dax.c:226 get_unlocked_entry+0xf7/0x120()",
        "WARNING: fs/dax.c:460 at dax_insert_entry+0x36e/0x380, CPU#0: init/1",
        "WARNING: at dax_insert_entry+0x36e/0x380, CPU#0: init/1",
        "Kernel panic - not syncing: Fatal machine check",
        "Internal error: Oops: 0000000096000006 [#1]  SMP",
        "Unable to handle kernel paging request at virtual address fffffdffbf000008",
        "UBSAN: shift-out-of-bounds in fs/dax.c:99:17",
        "INFO: task umount:4242 blocked for more than 120 seconds.",
        "INFO: task umount:4242 blocked in I/O wait for more than 120 seconds.",
        "rcu: INFO: rcu_preempt self-detected stall on CPU",
        "INFO: rcu_sched detected stalls on CPUs/tasks:",
        "WARNING: possible circular locking dependency detected",
        "[ BUG: Invalid wait context ]",
        "BUG: memory leak",
        "BUG: KMSAN: uninit-value in nd_decode_label+0x2ea/0x7c0",
        "BUG: KCSAN: data-race in dax_update_stats / dax_read_stats",
        "Kernel BUG at dax_insert_entry+0x36e/0x380 [verbose debug info unavailable]",
        "PANIC: double fault, error_code: 0x0",
        "divide_error: 0000 [#1] SMP",
        "int3: 0000 [#1] SMP",
        "BUG kmalloc-64 (Not tainted): Object already free",
        "unregister_netdevice: waiting for lo to become free. Usage count = 2",
        "Unhandled fault: page domain fault (0x81b) at 0x00001044",
        "Alignment trap: not handling instruction e1953f9f at [<c0123456>]"})
    void everyStartLineOpensABlockAndCarriesAKeyword(String body) {
        FamilyReader reader = FAMILY.newReader();
        assertTrue(reader.offer(LogRecord.of("t", 1, body), e -> { }), body);
        assertTrue(reader.inBlock(), body);
        assertTrue(FAMILY.keywords().stream().anyMatch(body::contains), "no keyword in: " + body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CPU: 7 PID: 3121 Comm: fio Tainted: G   M               6.6.0 #1",
        "RIP: 0010:memcpy_orig+0x31/0x140",
        " dax_iomap_rw+0x1f2/0x3c0",
        "Call Trace:",
        "---[ end trace 0000000000000000 ]---",
        "KASAN: null-ptr-deref in range [0x0000000000000008-0x000000000000000f]",
        "Memory failure: 0x12345: recovery action for dax page: Recovered",
        ""})
    void bodyAndOtherLinesOpenNothing(String body) {
        FamilyReader reader = FAMILY.newReader();
        assertFalse(reader.offer(LogRecord.of("t", 1, body), e -> { }), body);
        assertFalse(reader.inBlock());
    }

    // ------------------------------------------------------------------ helpers

    private static Crash one(String... lines) {
        return FamilyTester.one(Crash.class, FAMILY, lines);
    }

    private record Run(List<Boolean> taken, List<Event> events) {
    }

    /** Like {@link FamilyTester#read} but keeps what each offer returned. */
    private static Run run(String... lines) {
        EnvelopeParser envelopes = new EnvelopeParser();
        FamilyReader reader = FAMILY.newReader();
        List<Boolean> taken = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Envelope envelope = envelopes.parse(lines[i]);
            Origin origin = new Origin("test.log", 0, i + 1, i + 1, lines[i], envelope.micros(),
                    envelope.micros() == null ? 0 : envelope.micros(), envelope.wall(), 0, envelope.host(), null);
            taken.add(reader.offer(new LogRecord(origin, envelope, lines[i].substring(envelope.bodyStart())),
                    events::add));
        }
        reader.finish(events::add);
        return new Run(taken, events);
    }
}
