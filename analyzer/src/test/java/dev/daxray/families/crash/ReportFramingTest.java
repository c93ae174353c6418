package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.Crash;
import dev.daxray.events.Event;
import dev.daxray.families.FamilyTester;

/** Which lines a report's title is read from: contexts, the next report, look-alikes, console artefacts. */
class ReportFramingTest {

    private static final CrashFamily FAMILY = new CrashFamily();

    @Test
    void interleavedTasksEachKeepTheirOwnReport() {
        List<Crash> crashes = crashes(
                "[  10.000000][ T100] WARNING: CPU: 1 PID: 100 at fs/dax.c:460 dax_insert_entry+0x36e/0x380",
                "[  10.000001][ T200] INFO: task umount:200 blocked for more than 143 seconds.",
                "[  10.000002][ T100] Modules linked in:",
                "[  10.000003][ T200] Call Trace:",
                "[  10.000004][ T100] Call Trace:",
                "[  10.000005][ T200]  __schedule+0xe61/0x3d20",
                "[  10.000006][ T100]  dax_fault_iter+0x2b1/0x6c0",
                "[  10.000007][ T200]  dax_layout_busy_page+0x3c/0x1a0",
                "[  10.000008][ T100] ---[ end trace 0000000000000000 ]---");
        assertEquals(List.of("WARNING in dax_fault_iter", "INFO: task hung in dax_layout_busy_page"),
                crashes.stream().map(Crash::title).toList());
    }

    @Test
    void anotherTasksHeaderDoesNotCompleteAReportThatHasNoneYet() {
        List<Crash> crashes = crashes(
                "[  11.000000][ T100] ------------[ cut here ]------------",
                "[  11.000001][ T200] BUG: kernel NULL pointer dereference, address: 0000000000000008",
                "[  11.000002][ T100] WARNING: CPU: 1 PID: 100 at fs/dax.c:460 dax_insert_entry+0x36e/0x380",
                "[  11.000003][ T200] RIP: 0010:pmem_submit_bio+0x12/0x80",
                "[  11.000004][ T100] RIP: 0010:dax_insert_entry+0x36e/0x380",
                "[  11.000005][ T200] Call Trace:",
                "[  11.000006][ T100] Call Trace:",
                "[  11.000007][ T200]  submit_bio_noacct+0x1f2/0x3c0",
                "[  11.000008][ T100]  dax_fault_iter+0x2b1/0x6c0");
        assertEquals(List.of("BUG: unable to handle kernel NULL pointer dereference in pmem_submit_bio",
                "WARNING in dax_insert_entry"), crashes.stream().map(Crash::title).toList());
    }

    @Test
    void withoutCallerIdsTheNextHeaderEndsTheTitlesText() {
        List<Crash> crashes = crashes(
                "[  20.0] general protection fault, probably for non-canonical address 0xdead000000000100: 0000 [#1] SMP",
                "[  20.1] RIP: 0010:memset_orig+0x33/0xb0",
                "[  20.2] BUG: kernel NULL pointer dereference, address: 0000000000000008",
                "[  20.3] RIP: 0010:pmem_submit_bio+0x12/0x80",
                "[  20.4] Call Trace:",
                "[  20.5]  submit_bio_noacct+0x1f2/0x3c0");
        // the GPF's only function is a helper; it must not take the NULL dereference's frames
        assertEquals(List.of("general protection fault in corrupted",
                "BUG: unable to handle kernel NULL pointer dereference in pmem_submit_bio"),
                crashes.stream().map(Crash::title).toList());
        assertTrue(crashes.get(0).corrupted());
    }

    @Test
    void everyReportIsAnEventInTheOrderTheyStarted() {
        List<Crash> crashes = crashes(
                "[  30.0] INFO: task kworker/1:2:61 blocked for more than 120 seconds.",
                "[  30.0] Call Trace:",
                "[  30.0]  __schedule+0xe61/0x3d20",
                "[  30.0]  nd_region_remove+0x3c/0x1a0",
                "[  30.1] INFO: task ndctl:62 blocked for more than 120 seconds.",
                "[  30.1] Call Trace:",
                "[  30.1]  __schedule+0xe61/0x3d20",
                "[  30.1]  wait_for_completion+0x1f/0x30",
                "[  30.1]  nd_bus_remove+0x3c/0x1a0");
        assertEquals(List.of("INFO: task hung in nd_region_remove", "INFO: task hung in nd_bus_remove"),
                crashes.stream().map(Crash::title).toList());
        assertEquals(List.of("kworker/1:2", "ndctl"), crashes.stream().map(Crash::comm).toList());
    }

    @Test
    void aKernelBootingAgainAfterItsLinesIsAnUnexpectedReboot() {
        assertEquals(List.of("unexpected kernel reboot"), crashes(
                "[ 500.7] EXT4-fs (pmem0): mounted filesystem",
                "SeaBIOS (version 1.16.0)",
                "Booting the kernel.").stream().map(Crash::title).toList());
        assertEquals(List.of(), crashes(
                "[ 500.7] reboot: Restarting system",
                "SeaBIOS (version 1.16.0)",
                "Booting the kernel."), "an orderly restart");
        assertEquals(List.of(), crashes(
                "Decompressing Linux... Parsing ELF... done.",
                "Booting the kernel."), "the capture starts with the boot");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[  40.0] ODEBUG: free active (active state 0) object: ffff88801c5e2a40 object type: timer_list",
        "[  40.0] traps: fio[4242] general protection fault ip:7f3c0 sp:7ffd error:0 in libc.so.6[7f3b000+16000]",
        "[  40.0] INFO: NMI handler (perf_event_nmi_handler) took too long to run: 1.356 msecs",
        "[  40.0] INFO: lockdep is turned off.",
        "[  40.0] Speculative Return Stack Overflow: WARNING: See https://kernel.org/doc/srso.html for mitigation options.",
        "[  40.0] XFS (pmem0): WARNING: Reset corrupted AGFL on AG 0. 1 blocks leaked.",
        "[  40.0] WARNING: stack recursion on stack type 6",
        "[  40.0] WARNING: Spectre v2 mitigation leaves CPU vulnerable to RETBleed attacks, data leaks possible!",
        "[  40.0] INFO: something the kernel wanted to say"})
    void noticesThatLookLikeReportsAreNotCrashes(String line) {
        assertEquals(List.of(), crashes(line, "[  40.1] EXT4-fs (pmem0): mounted filesystem"), line);
    }

    @Test
    void aNoticeIsNotMadeAReportByTheNextReportsStack() {
        assertEquals(List.of("WARNING in dax_insert_entry"), crashes(
                "[  42.0] RETBleed: WARNING: Spectre v2 mitigation leaves CPU vulnerable to RETBleed attacks!",
                "[  42.1] WARNING: CPU: 1 PID: 4242 at fs/dax.c:460 dax_insert_entry+0x36e/0x380",
                "[  42.2] RIP: 0010:dax_insert_entry+0x36e/0x380",
                "[  42.3] Call Trace:",
                "[  42.4]  dax_fault_iter+0x2b1/0x6c0").stream().map(Crash::title).toList());
    }

    @Test
    void aBugLineNoFormatKnowsIsAReportEvenWithoutAStack() {
        assertEquals(List.of("BUG: MAX_LOCKDEP_KEYS too low!"),
                crashes("[  41.0] BUG: MAX_LOCKDEP_KEYS too low!").stream().map(Crash::title).toList());
    }

    @Test
    void framesDecodedByDecodeStacktraceAreFrames() {
        Crash c = crashes(
                "[ 46.3][ T4025] WARNING: CPU: 7 PID: 4025 at mm/truncate.c:89 truncate_folio_batch_exceptionals "
                        + "(mm/truncate.c:89 (discriminator 1))",
                "[ 46.5][ T4025] RIP: 0010:truncate_folio_batch_exceptionals (mm/truncate.c:89 (discriminator 1))",
                "[ 46.6][ T4025] Call Trace:",
                "[ 46.6][ T4025]  truncate_inode_pages_range (mm/truncate.c:345)",
                "[ 46.7][ T4025] ---[ end trace 0000000000000000 ]---").get(0);
        assertEquals("WARNING in truncate_folio_batch_exceptionals", c.title());
    }

    @Test
    void aLoginPromptGluedToTheHeaderHidesNeitherItsContextNorItsText() {
        Crash c = crashes(
                "syzkaller login: [   16.305150] INFO: trying to register non-static key.",
                "[   16.305671] the code is fine but needs lockdep annotation.",
                "[   16.308571] Call Trace:",
                "[   16.308831]  dump_stack+0x194/0x257",
                "[   16.309657]  register_lock_class+0x55e/0x2c70",
                "[   16.332206]  tcp_fastopen_reset_cipher+0x194/0x580").get(0);
        assertEquals("INFO: trying to register non-static key in tcp_fastopen_reset_cipher", c.title());
    }

    @Test
    void aHeaderWrappedByAMailerIsJoinedBeforeItIsRead() {
        Crash c = crashes(
                "[T9] BUG: KASAN: slab-use-after-free in nfit_handle_mce ",
                "(drivers/acpi/nfit/mce.c:36 (discriminator 512))",
                "[T9] Read of size 8 at addr ffff88810aa99140 by task kworker/0:0/9",
                "[T9] Call Trace:",
                "[T9] nfit_handle_mce (drivers/acpi/nfit/mce.c:36 (discriminator 512))").get(0);
        assertEquals("KASAN: slab-use-after-free Read in nfit_handle_mce", c.title());
    }

    @Test
    void everyHeaderHasItsPrefilterKeywordAndTheFamilyListsIt() {
        for (ReportHeader header : ReportHeader.values()) {
            assertTrue(header.words().contains(header.keyword()), header.name());
            assertTrue(FAMILY.keywords().contains(header.keyword()), header.name());
        }
    }

    private static List<Crash> crashes(String... lines) {
        List<Event> events = FamilyTester.read(FAMILY, lines);
        return events.stream().map(Crash.class::cast).toList();
    }
}
