package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.daxray.events.Crash;
import dev.daxray.events.Event;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.FamilyTester;
import dev.daxray.records.LogRecord;

/**
 * The real crashes of ../shared/corpus/real. Each row names the capture, which of its crash events it
 * checks, and next to our title the {@code crash_title} of its expected.json, so a difference is in
 * plain sight. The differences are on purpose:
 * Our titles are syzkaller's (kernel-report-kinds.md), the function column is the raw faulting function:
 * <ul>
 *   <li>009, 017: syzkaller names x86 5.2+ {@code unable to handle page fault} and arm64 {@code Unable to
 *       handle kernel paging request} both {@code BUG: unable to handle kernel paging request}; 017 is a
 *       trimmed paste without its {@code RIP:} line, so the guilty frame is the first reliable call-trace
 *       frame ({@code pmem_rw_page}; the {@code ? pmem_do_bvec} guess stays the raw function);</li>
 *   <li>018 (KASAN), 033: the faulting function is a helper a triager skips ({@code mutex_can_spin_on_owner},
 *       {@code lockdep_unregister_key}), so the title names the caller that owns the bug;</li>
 *   <li>010, 018: KASAN titles carry the access (Read / Write), as syzkaller's do;</li>
 *   <li>015, 039: panics are titled {@code kernel panic: <reason>} (syzkaller) rather than with the
 *       printed {@code Kernel panic - not syncing:}; in 015 the WARNING in handle_irq comes first and
 *       is its own event, the MCE-timeout panic a second one (it was not caused by the WARNING);</li>
 *   <li>018: the first report is a general protection fault in mod_node_page_state (as expected.json
 *       says); the KASAN report 7 minutes later is a second event.</li>
 * </ul>
 */
class CrashCorpusTest {

    @ParameterizedTest(name = "{0} #{2}: {4}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            007 | dmesg.log   | 0 | warning | WARNING in dax_insert_entry                                     | dax_insert_entry                  | init            | 1     | WARNING in dax_insert_entry
            009 | console.log | 0 | oops    | BUG: unable to handle kernel paging request in dax_disassociate_entry | dax_disassociate_entry     | init            | 1     | Unable to handle kernel paging request in dax_disassociate_entry
            010 | console.log | 0 | kasan   | KASAN: slab-use-after-free Read in nfit_handle_mce              | nfit_handle_mce                   | kworker/0:0     | 9     | KASAN: slab-use-after-free in nfit_handle_mce
            015 | dmesg.log   | 0 | warning | WARNING in handle_irq                                           | handle_irq                        | mca-recover     | 84946 | Kernel panic - not syncing: Timeout: Not all CPUs entered broadcast exception handler
            015 | dmesg.log   | 1 | panic   | kernel panic: Timeout: Not all CPUs entered broadcast exception handler | <null>                    | <null>          | <null> | Kernel panic - not syncing: Timeout: Not all CPUs entered broadcast exception handler
            017 | dmesg.log   | 0 | oops    | BUG: unable to handle kernel paging request in pmem_rw_page     | pmem_do_bvec                      | systemd-udevd   | 9606  | BUG: unable to handle page fault in pmem_do_bvec
            018 | dmesg.log   | 0 | gpf     | general protection fault in mod_node_page_state                 | mod_node_page_state               | ndctl           | 1868  | general protection fault in mod_node_page_state
            018 | dmesg.log   | 1 | kasan   | KASAN: slab-use-after-free Read in nd_device_notify             | mutex_can_spin_on_owner           | kworker/u192:1  | 1821  | general protection fault in mod_node_page_state
            030 | dmesg.log   | 0 | warning | WARNING in truncate_folio_batch_exceptionals                    | truncate_folio_batch_exceptionals | umount          | 4025  | WARNING in truncate_folio_batch_exceptionals
            033 | dmesg.log   | 0 | gpf     | general protection fault in pwq_release_workfn                  | lockdep_unregister_key            | pool_workqueue_ | 3     | general protection fault in lockdep_unregister_key
            039 | console.log | 0 | panic   | kernel panic: Attempted to kill init!                           | do_exit                           | systemd         | 1     | Kernel panic - not syncing: Attempted to kill init!
            """)
    void realCrash(String id, String file, int index, String kind, String title, String function, String comm,
                   Integer pid, String corpusTitle) throws IOException {
        Path dir = caseDir(id);
        assertEquals(corpusTitle, crashTitle(dir), "expected.json crash_title of " + id);
        List<Event> events = read(dir.resolve(file));
        Crash crash = (Crash) events.get(index);
        assertEquals(kind, crash.kind());
        assertEquals(title, crash.title());
        assertEquals(function, crash.function());
        assertEquals(comm, crash.comm());
        assertEquals(pid, crash.pid());
    }

    @ParameterizedTest(name = "{0} makes {2} crash events")
    @CsvSource(delimiter = '|', textBlock = """
            007 | dmesg.log   | 1
            009 | console.log | 1
            010 | console.log | 1
            015 | dmesg.log   | 2
            017 | dmesg.log   | 1
            018 | dmesg.log   | 2
            030 | dmesg.log   | 1
            033 | dmesg.log   | 1
            039 | console.log | 1
            """)
    void eventCount(String id, String file, int count) throws IOException {
        assertEquals(count, read(caseDir(id).resolve(file)).size());
    }

    @Test
    void arm64OopsKeepsThePanicItCaused() throws IOException {
        Crash crash = (Crash) read(caseDir("009").resolve("console.log")).get(0);
        assertEquals("Attempted to kill init!", crash.panic());
        assertEquals(11, crash.origin().line());
        assertEquals(58, crash.origin().endLine());
        assertEquals(List.of("dax_disassociate_entry", "dax_iomap_pte_fault", "dax_iomap_fault", "ext4_dax_huge_fault"),
                crash.callTrace().subList(0, 4));
    }

    @Test
    void gpfOf018EndsAfterItsRegisterSummaryAndKasanTakesTheRest() throws IOException {
        List<Event> events = read(caseDir("018").resolve("dmesg.log"));
        Crash gpf = (Crash) events.get(0);
        Crash kasan = (Crash) events.get(1);
        assertEquals(138, gpf.origin().endLine());
        assertEquals("Not tainted", gpf.tainted());
        assertEquals(List.of("section_deactivate", "__remove_pages", "arch_remove_memory"), gpf.callTrace().subList(0, 3));
        assertEquals(139, kasan.origin().line());
        assertEquals(295, kasan.origin().endLine());
        assertEquals("G      D", kasan.tainted());
        assertEquals("__mutex_lock", kasan.callTrace().get(5));
    }

    @Test
    void warningOf015TakesTheNmiStackAndLeavesThePanicAlone() throws IOException {
        List<Event> events = read(caseDir("015").resolve("dmesg.log"));
        Crash warning = (Crash) events.get(0);
        assertEquals("G   M       OE", warning.tainted());
        assertEquals(List.of("do_IRQ", "common_interrupt", "mce_timed_out", "do_machine_check", "raise_exception"),
                warning.callTrace().subList(0, 5));
        assertEquals(null, warning.panic());
        assertEquals(95, warning.origin().endLine());
    }

    @Test
    void linesThatStartABlockInTheCorpusCarryAKeyword() throws IOException {
        Path real = shared().resolve("corpus/real");
        CrashFamily family = new CrashFamily();
        int starts = 0;
        try (Stream<Path> files = Files.walk(real)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    FamilyReader fresh = family.newReader();
                    if (fresh.offer(LogRecord.of(file.toString(), 1, line.replaceFirst("^\\[[^\\]]*\\](\\[[^\\]]*\\])? ?", "")),
                            e -> { })) {
                        starts++;
                        assertTrue(family.keywords().stream().anyMatch(line::contains), "no keyword in start line: " + line);
                    }
                }
            }
        }
        assertTrue(starts >= 12, "only " + starts + " start lines found");
    }

    // ------------------------------------------------------------------ helpers

    private static List<Event> read(Path capture) throws IOException {
        return FamilyTester.read(new CrashFamily(), Files.readAllLines(capture).toArray(String[]::new));
    }

    private static String crashTitle(Path dir) throws IOException {
        Matcher m = Pattern.compile("\"crash_title\"\\s*:\\s*\"([^\"]*)\"").matcher(Files.readString(dir.resolve("expected.json")));
        return m.find() ? m.group(1) : null;
    }

    private static Path caseDir(String id) throws IOException {
        try (Stream<Path> dirs = Files.list(shared().resolve("corpus/real"))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(id + "-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no corpus case " + id));
        }
    }

    /** ../shared next to the reactor root, or two levels up from the module; skips when absent. */
    private static Path shared() {
        Path fromRoot = Path.of(System.getProperty("daxray.root", "."), "..", "shared").normalize();
        Path shared = Files.isDirectory(fromRoot) ? fromRoot : Path.of("..", "..", "shared").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(shared.resolve("corpus/real")), "shared corpus not present");
        return shared;
    }
}
