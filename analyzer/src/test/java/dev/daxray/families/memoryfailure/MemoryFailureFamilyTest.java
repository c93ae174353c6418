package dev.daxray.families.memoryfailure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.AlreadyPoisoned;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.MemoryFailureNote;
import dev.daxray.events.PoisonInjected;
import dev.daxray.events.Sigbus;
import dev.daxray.events.SoftOffline;
import dev.daxray.events.Unpoison;
import dev.daxray.families.FamilyTester;

class MemoryFailureFamilyTest {

    private final MemoryFailureFamily family = new MemoryFailureFamily();

    /** The one event of {@code line}, which (being accepted) must carry one of the family's keywords. */
    private <E extends Event> E one(Class<E> type, String line) {
        assertTrue(family.keywords().stream().anyMatch(line::contains), () -> "no keyword in accepted line " + line);
        return FamilyTester.one(type, family, line);
    }

    private static Hex hex(String text) {
        return Hex.parse(text);
    }

    // --- recovery verdicts -------------------------------------------------------------------

    @Test
    void readsTheRecoveryVerdict() {
        MemoryFailure mf = one(MemoryFailure.class,
                "[ 1190.618980] Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered");
        assertEquals(hex("0x8e13f"), mf.pfn());
        assertEquals("clean LRU page", mf.pageType());
        assertEquals("Recovered", mf.result());
        assertEquals(1190618980L, mf.origin().micros());
        assertEquals(1L, mf.origin().line());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reserved kernel page", "high-order kernel page", "kernel slab page",
            "different compound page after locking", "huge page already hardware poisoned", "huge page",
            "free huge page", "non-pmd-sized huge page", "get hwpoison page", "unmapping failed page",
            "dirty swapcache page", "clean swapcache page", "dirty mlocked LRU page", "clean mlocked LRU page",
            "dirty unevictable LRU page", "clean unevictable LRU page", "dirty LRU page", "clean LRU page",
            "already truncated LRU page", "free buddy page", "free buddy page (2nd try)", "dax page",
            "unsplit thp", "already poisoned", "already poisoned page", "non struct page pfn", "unknown page"})
    void keepsEveryPageTypeOfEveryEraExactly(String pageType) {
        MemoryFailure mf = one(MemoryFailure.class,
                "[  402.117201] Memory failure: 0x2a3f11: recovery action for " + pageType + ": Ignored");
        assertEquals(hex("0x2a3f11"), mf.pfn());
        assertEquals(pageType, mf.pageType());
        assertEquals("Ignored", mf.result());
    }

    @Test
    void readsThe41To46Wording() {
        MemoryFailure mf = one(MemoryFailure.class,
                "[  120.551901] MCE 0x3a5876: recovery action for dirty LRU page: Recovered");
        assertEquals(hex("0x3a5876"), mf.pfn());
        assertEquals("dirty LRU page", mf.pageType());
        assertEquals("Recovered", mf.result());
    }

    @Test
    void readsThePre41WordingKeepingThePageTypeAsPrinted() {
        MemoryFailure mf = one(MemoryFailure.class, "[   95.300000] MCE 0x3a5876: dirty LRU page recovery: Recovered");
        assertEquals(hex("0x3a5876"), mf.pfn());
        assertEquals("dirty LRU", mf.pageType());
        assertEquals("Recovered", mf.result());

        MemoryFailure buddy = one(MemoryFailure.class,
                "[   95.300000] MCE 0x3a5877: free buddy, 2nd try page recovery: Delayed");
        assertEquals("free buddy, 2nd try", buddy.pageType());
        assertEquals("Delayed", buddy.result());
    }

    @Test
    void ignoresAnAuthorsAnnotationAfterATab() {
        MemoryFailure mf = one(MemoryFailure.class,
                "[29076.619447] Memory failure: 0x40a0602: recovery action for dax page: Recovered\t\t<== 1st poison  ");
        assertEquals(hex("0x40a0602"), mf.pfn());
        assertEquals("dax page", mf.pageType());
        assertEquals("Recovered", mf.result());
    }

    // --- signals and kills ---------------------------------------------------------------------

    @Test
    void readsSendingSigbus() {
        Sigbus s = one(Sigbus.class,
                "[ 5310.220417] Memory failure: 0x207b9e1: Sending SIGBUS to postgres:48211 due to hardware memory corruption");
        assertEquals(hex("0x207b9e1"), s.pfn());
        assertEquals("postgres", s.comm());
        assertEquals(48211, s.pid());
        assertEquals("sigbus", s.action());
        assertNull(s.address());
    }

    @Test
    void takesThePidAfterTheLastColonOfTheProcessName() {
        Sigbus s = one(Sigbus.class,
                "[ 5310.220417] Memory failure: 0x207b9e1: Sending SIGBUS to kworker/u8:2 my:app:48211 due to hardware memory corruption");
        assertEquals("kworker/u8:2 my:app", s.comm());
        assertEquals(48211, s.pid());
    }

    @Test
    void readsThePre53Killing() {
        Sigbus s = one(Sigbus.class,
                "[188988.765862] Memory failure: 0x1840200: Killing cellsrv:33395 due to hardware memory corruption");
        assertEquals(hex("0x1840200"), s.pfn());
        assertEquals("cellsrv", s.comm());
        assertEquals(33395, s.pid());
        assertEquals("kill", s.action());
        assertNull(s.address());

        Sigbus old = one(Sigbus.class, "[  100.000000] MCE 0x20cb00: Killing dax-pmd:5421 due to hardware memory corruption");
        assertEquals(hex("0x20cb00"), old.pfn());
        assertEquals("dax-pmd", old.comm());
        assertEquals(5421, old.pid());
        assertEquals("kill", old.action());
    }

    @Test
    void readsTheEarlyKill() {
        Sigbus s = one(Sigbus.class,
                "[  100.000000] MCE 0x20cb00: Killing dax pmd:5421 early due to hardware memory corruption");
        assertEquals(hex("0x20cb00"), s.pfn());
        assertEquals("dax pmd", s.comm());
        assertEquals(5421, s.pid());
        assertEquals("kill-early", s.action());
    }

    @Test
    void readsTheForcedKill() {
        Sigbus s = one(Sigbus.class,
                "[ 5310.220470] Memory failure: 0x207b9e1: forcibly killing postgres:48211 because of failure to unmap corrupted page");
        assertEquals(hex("0x207b9e1"), s.pfn());
        assertEquals("postgres", s.comm());
        assertEquals(48211, s.pid());
        assertEquals("force-kill", s.action());
    }

    @Test
    void readsTheFailedAdvisorySignal() {
        Sigbus s = one(Sigbus.class,
                "[ 5310.220470] Memory failure: 0x207b9e1: Cannot send advisory machine check signal to postgres:48211");
        assertEquals(hex("0x207b9e1"), s.pfn());
        assertEquals("postgres", s.comm());
        assertEquals(48211, s.pid());
        assertEquals("signal-failed", s.action());
    }

    @Test
    void readsTheSignalErrorWithoutPfn() {
        Sigbus s = one(Sigbus.class, "[ 5310.220470] Memory failure: Error sending signal to postgres:48211: -3");
        assertNull(s.pfn());
        assertEquals("postgres", s.comm());
        assertEquals(48211, s.pid());
        assertEquals("signal-failed", s.action());

        Sigbus old = one(Sigbus.class, "[ 5310.220470] MCE: Error sending signal to postgres:48211: -3");
        assertEquals("postgres", old.comm());
        assertEquals("signal-failed", old.action());
    }

    @Test
    void readsTheGhesSigbusWithoutPrefix() {
        Sigbus s = one(Sigbus.class,
                "[ 1430.305518][T54990] 0x1000093: Sending SIGBUS to devmem:54990 due to hardware memory corruption");
        assertEquals(hex("0x1000093"), s.pfn());
        assertEquals("devmem", s.comm());
        assertEquals(54990, s.pid());
        assertEquals("sigbus", s.action());
    }

    @Test
    void readsTheShortLivedMayNotRecoveredSigbus() {
        Sigbus s = one(Sigbus.class,
                "[ 9021.443350] mce: Memory error may not recovered: 0x3f4a2c1: Sending SIGBUS to stress-ng:4242 due to hardware memory corruption");
        assertEquals(hex("0x3f4a2c1"), s.pfn());
        assertEquals("stress-ng", s.comm());
        assertEquals(4242, s.pid());
        assertEquals("sigbus", s.action());
    }

    @Test
    void readsTheX86FaultPathKill() {
        Sigbus s = one(Sigbus.class,
                "[  423.666918] MCE: Killing testprog:4770 due to hardware memory corruption fault at 7f8eccf35000");
        assertNull(s.pfn());
        assertEquals("testprog", s.comm());
        assertEquals(4770, s.pid());
        assertEquals("fault-kill", s.action());
        assertEquals(hex("0x7f8eccf35000"), s.address());

        Sigbus digits = one(Sigbus.class,
                "[77187.055103] MCE: Killing uffd-unit-tests:1321817 due to hardware memory corruption fault at 4631e000");
        assertEquals("uffd-unit-tests", digits.comm());
        assertEquals(1321817, digits.pid());
        assertEquals(hex("0x4631e000"), digits.address());
    }

    // --- injection, already poisoned -----------------------------------------------------------

    @Test
    void readsMadviseInjection() {
        PoisonInjected p = one(PoisonInjected.class,
                "[ 1190.607278] Injecting memory failure for pfn 0x8e13f at process virtual address 0xffff8c8c0000");
        assertEquals(hex("0x8e13f"), p.pfn());
        assertEquals(hex("0xffff8c8c0000"), p.address());
        assertEquals("madvise", p.method());

        PoisonInjected old = one(PoisonInjected.class, "[   12.000000] Injecting memory failure for page 0x3a5876 at 0x20ffd000");
        assertEquals(hex("0x3a5876"), old.pfn());
        assertEquals(hex("0x20ffd000"), old.address());
        assertEquals("madvise", old.method());
    }

    @Test
    void readsHwpoisonInjectInjection() {
        PoisonInjected p = one(PoisonInjected.class, "[  200.000000] Injecting memory failure at pfn 0x3a5876");
        assertEquals(hex("0x3a5876"), p.pfn());
        assertNull(p.address());
        assertEquals("hwpoison-inject", p.method());
    }

    @Test
    void readsAlreadyPoisoned() {
        AlreadyPoisoned a = one(AlreadyPoisoned.class,
                "[ 1429.818080][ T9955] Memory failure: 0x1000093: already hardware poisoned");
        assertEquals(hex("0x1000093"), a.pfn());
        assertEquals(hex("0x121f08"), one(AlreadyPoisoned.class,
                "[ 1349.358753] Memory failure: 0x121f08: already hardware poisoned              ").pfn());
        assertEquals(hex("0x121f08"), one(AlreadyPoisoned.class, "[   10.000000] MCE 0x121f08: already hardware poisoned").pfn());
    }

    // --- soft offline and unpoison -------------------------------------------------------------

    @Test
    void readsMadviseSoftOffline() {
        SoftOffline s = one(SoftOffline.class,
                "[  300.000101] Soft offlining pfn 0x14850 at process virtual address 0x3fff883e0000");
        assertEquals(hex("0x14850"), s.pfn());
        assertEquals("madvise soft offline", s.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "soft offline: 0x14850 page already poisoned => page already poisoned",
            "soft offline: 0x14850: thp split failed => thp split failed",
            "soft_offline: 0x14850: invalidated => invalidated",
            "soft_offline_page: 0x14850 page already poisoned => page already poisoned",
            "soft offline: 0x14850 hugepage failed to isolate => hugepage failed to isolate",
            "soft offline: 0x14850: migration failed -16, type 17ffffc0000008 (uptodate) => migration failed -16, type 17ffffc0000008 (uptodate)",
            "Soft offline: 0x14850: page migration failed 1, type 0x17ffffc0020018(uptodate|dirty|lru) => page migration failed 1, type 0x17ffffc0020018(uptodate|dirty|lru)",
            "__get_any_page: 0x14850 free buddy page => free buddy page",
            "__get_any_page: 0x14850: unknown zero refcount page type 17ffffc0000000 => unknown zero refcount page type 17ffffc0000000"})
    void readsEverySoftOfflineSpelling(String lineAndMessage) {
        int bar = lineAndMessage.indexOf(" => ");
        SoftOffline s = one(SoftOffline.class, "[  300.000000] " + lineAndMessage.substring(0, bar));
        assertEquals(hex("0x14850"), s.pfn());
        assertEquals(lineAndMessage.substring(bar + 4), s.message());
    }

    @Test
    void readsSoftOfflineNoticesWithoutPfn() {
        SoftOffline s = one(SoftOffline.class, "[    5.000000] Soft offline: disabled by /proc/sys/vm/enable_soft_offline");
        assertNull(s.pfn());
        assertEquals("disabled by /proc/sys/vm/enable_soft_offline", s.message());
    }

    @Test
    void readsTheCecSoftOffline() {
        SoftOffline s = one(SoftOffline.class, "[ 1000.000000] RAS: Soft-offlining pfn: 0x17c08ac");
        assertEquals(hex("0x17c08ac"), s.pfn());
        assertEquals("cec soft offline", s.message());
    }

    @Test
    void readsUnpoisonWithThePfnLast() {
        Unpoison u = one(Unpoison.class, "[ 1352.436498] Unpoison: Software-unpoisoned page 0x121f08                      ");
        assertEquals(hex("0x121f08"), u.pfn());
        assertEquals("Software-unpoisoned page", u.message());

        Unpoison running = one(Unpoison.class, "[ 1352.436498] Unpoison: Memory failure is now running on 0x121f08");
        assertEquals(hex("0x121f08"), running.pfn());
        assertEquals("Memory failure is now running on", running.message());

        Unpoison old = one(Unpoison.class, "[ 1352.436498] MCE: Software-unpoisoned free page 0x121f08");
        assertEquals(hex("0x121f08"), old.pfn());
        assertEquals("Software-unpoisoned free page", old.message());
    }

    @Test
    void readsUnpoisonWithThePfnFirst() {
        Unpoison u = one(Unpoison.class, "[ 1352.436498] Unpoison: 0x121f08: page was already unpoisoned");
        assertEquals(hex("0x121f08"), u.pfn());
        assertEquals("page was already unpoisoned", u.message());
    }

    // --- other notes ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "Memory failure: 0xaf34214: reserved kernel page still referenced by 1 users => reserved kernel page still referenced by 1 users",
            "Memory failure: 0xaf34214: memory outside kernel control => memory outside kernel control",
            "Memory failure: 0xaf34214: unhandlable page. => unhandlable page.",
            "Memory failure: 0xaf34214: Unknown page state => Unknown page state",
            "Memory failure: 0xaf34214: Failed to punch page: -5 => Failed to punch page: -5",
            "Memory failure: 0xaf34214: corrupted page was clean: dropped without side effects => corrupted page was clean: dropped without side effects",
            "Memory failure: 0xaf34214: failed to unmap page (folio mapcount=2) => failed to unmap page (folio mapcount=2)",
            "Memory failure: 0xaf34214 cannot catch tail => cannot catch tail",
            "Memory Failure: 0xaf34214: thp split failed => thp split failed",
            "MCE 0xaf34214: Unknown page state => Unknown page state",
            "MCE 0xaf34214: can't handle KSM pages. => can't handle KSM pages.",
            "Memory failure: pfn=0xaf34214, invalid nid=3 => invalid nid=3",
            "Memory failure: buffer overflow when queuing memory failure at 0xaf34214 => buffer overflow when queuing memory failure",
            "Memory failure: Unable to find user space address af34214 in postgres => Unable to find user space address in postgres",
            "Kernel panic - not syncing: Memory failure on page af34214 => Memory failure on page",
            "Kernel panic - not syncing: Memory failure from trap 18 on page af34214 => Memory failure from trap 18 on page"})
    void readsOtherPerPfnMessages(String lineAndMessage) {
        int bar = lineAndMessage.indexOf(" => ");
        MemoryFailureNote note = one(MemoryFailureNote.class, "[  733.000000] " + lineAndMessage.substring(0, bar));
        assertEquals(hex("0xaf34214"), note.pfn());
        assertEquals(lineAndMessage.substring(bar + 4), note.message());
    }

    @Test
    void readsMessagesWithoutPfn() {
        MemoryFailureNote oom = one(MemoryFailureNote.class,
                "[  733.000000] Memory failure: Out of memory while machine check handling");
        assertNull(oom.pfn());
        assertEquals("Out of memory while machine check handling", oom.message());

        MemoryFailureNote old = one(MemoryFailureNote.class, "[  733.000000] MCE: Out of memory while machine check handling");
        assertNull(old.pfn());
        assertEquals("Out of memory while machine check handling", old.message());

        MemoryFailureNote warn = one(MemoryFailureNote.class,
                "[  733.000000] Memory failure: mf_result=3 is not properly handled");
        assertNull(warn.pfn());
        assertEquals("mf_result=3 is not properly handled", warn.message());
    }

    @Test
    void aLineWrappedMidMessageIsANoteThatKeepsThePfn() {
        // 008 as published: the mail client broke "Sending SIGBUS to <comm>:<pid> ..." after "to ".
        List<Event> events = FamilyTester.read(family,
                "[ 7003.482326] Memory failure: 0x1850600: Sending SIGBUS to ",
                "fsdax_poison_v1:4109 due to hardware memory corruption");
        assertEquals(1, events.size());
        MemoryFailureNote note = (MemoryFailureNote) events.get(0);
        assertEquals(hex("0x1850600"), note.pfn());
        assertEquals("Sending SIGBUS to", note.message());
    }

    // --- near misses ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 1354.101088] Triggering MCE exception on CPU 3",
            "[ 1354.101112] MCE exception done on CPU 3",
            "[    1.000000] MCE: In-kernel MCE decoding enabled.",
            "[ 2439.769949] mce: [Hardware Error]: Machine check events logged",
            "[ 2439.742296] mce: Uncorrected hardware memory error in user-access at 1850602400",
            "[ 2439.769985] Could not invalidate pfn=0x1850602 from 1:1 map",
            "[ 1354.101157] RAS: In fma_memory_offline_notify, ready to call notify chain to isolate page: 0x1252a7, notify type: FMA_MEM_OFFLINE_NOTIFY_SRAO",
            "[ 1354.101159] notify completed true! In Event: Event Number is 2 page is  0x1252a7",
            "[ 1430.305518] Sending SIGBUS to devmem:54990 due to hardware memory corruption",
            "[ 1430.305518] 0x1000093: Sending SIGBUS to devmem due to hardware memory corruption",
            "[ 1190.607278] Injecting memory failure for pfn 0xzz at process virtual address 0xffff8c8c0000",
            "[ 1190.607278] Injecting memory failure for pfn 0x8e13f",
            "[  300.000101] soft offline 0x14850 page already poisoned",
            "[  300.000101] Unpoison: ",
            "[  300.000101] Memory failure:",
            "[  300.000101] Memory failure on page",
            "[  423.666918] MCE: Killing testprog:4770 due to hardware memory corruption fault at zz",
            "[  423.666918] MCE: Killing testprog:4770 due to hardware memory corruption fault at 1234567890abcdef01"})
    void rejectsNearMisses(String line) {
        List<Event> events = FamilyTester.read(family, line);
        assertTrue(events.isEmpty(), () -> "expected nothing from " + line + " but got " + events);
    }

    @Test
    void everyAcceptedFormCarriesAKeyword() {
        // The prefilter offers a line only if it carries one of these; spot-check the prefix-less forms.
        for (String body : List.of("0x1000093: Sending SIGBUS to devmem:54990 due to hardware memory corruption",
                "Memory Failure: 0xaf34214: thp split failed", "__get_any_page: 0x14850 free buddy page",
                "Kernel panic - not syncing: Memory failure from trap 18 on page af34214",
                "RAS: Soft-offlining pfn: 0x17c08ac", "soft_offline: 0x14850: invalidated")) {
            assertEquals(1, FamilyTester.read(family, body).size(), body);
            assertTrue(family.keywords().stream().anyMatch(body::contains), body);
        }
    }
}
