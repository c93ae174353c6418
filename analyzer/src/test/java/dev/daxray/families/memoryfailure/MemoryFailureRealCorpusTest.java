package dev.daxray.families.memoryfailure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.daxray.events.AlreadyPoisoned;
import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.MemoryFailure;
import dev.daxray.events.Sigbus;
import dev.daxray.events.Unpoison;
import dev.daxray.families.RealCorpus;

/** The memory-failure lines of the real captures, with the pfns and processes their SOURCE.md names. */
class MemoryFailureRealCorpusTest {

    private final MemoryFailureFamily family = new MemoryFailureFamily();

    private static <E extends Event> List<E> only(Class<E> type, List<Event> events) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    @Test
    void fsdaxNotifyFailureFloodSignalsOneProcessPerPmdStep() {
        List<Event> events = RealCorpus.read(family, "008-xfs-notify-failure-v6-sigbus-flood-per-512B", "dmesg.log");
        List<Sigbus> sigbus = only(Sigbus.class, events);
        assertEquals(10, sigbus.size());
        assertEquals(events.size(), sigbus.size());
        assertEquals(Hex.parse("0x1850600"), sigbus.get(0).pfn());
        assertEquals(Hex.parse("0x1950400"), sigbus.get(9).pfn());
        assertTrue(sigbus.stream().allMatch(s -> s.comm().equals("fsdax_poison_v1") && s.pid() == 4109
                && s.action().equals("sigbus")));
    }

    @Test
    void phantomPoisonFirstEpisodeSignalsTheTestProgram() {
        List<Event> events = RealCorpus.read(family, "005-phantom-pmem-poison-ghes-after-clear", "dmesg.log");
        Sigbus sigbus = only(Sigbus.class, events).get(0);
        assertEquals(Hex.parse("0x1850602"), sigbus.pfn());
        assertEquals("fsdax_poison_v1", sigbus.comm());
        assertEquals(8457, sigbus.pid());
        assertEquals(List.of(Hex.parse("0x1850602"), Hex.parse("0x1850603")),
                only(MemoryFailure.class, events).stream().map(MemoryFailure::pfn).toList());
        assertTrue(only(MemoryFailure.class, events).stream().allMatch(m -> m.pageType().equals("dax page")
                && m.result().equals("Recovered")));
    }

    @Test
    void dcpmemGhesRecoveryIsReadDespiteAnnotations() {
        List<Event> events = RealCorpus.read(family, "004-dcpmem-ghes-dax-recovered-nfit-badrange-8-blocks", "dmesg.log");
        List<MemoryFailure> verdicts = only(MemoryFailure.class, events);
        assertEquals(2, verdicts.size());
        assertEquals(events.size(), verdicts.size());
        assertTrue(verdicts.stream().allMatch(m -> m.pfn().equals(Hex.parse("0x40a0602"))
                && m.pageType().equals("dax page") && m.result().equals("Recovered")));
    }

    @Test
    void arm64SeaStormEndsInSigbusToDevmem() {
        List<Event> events = RealCorpus.read(family, "011-arm64-ghes-sea-storm-devmem-free-buddy-page-sigbus", "console.log");
        MemoryFailure verdict = only(MemoryFailure.class, events).get(0);
        assertEquals(Hex.parse("0x1000093"), verdict.pfn());
        assertEquals("free buddy page", verdict.pageType());
        assertEquals(2, only(AlreadyPoisoned.class, events).size());
        Sigbus sigbus = only(Sigbus.class, events).get(0);
        assertEquals(Hex.parse("0x1000093"), sigbus.pfn());
        assertEquals("devmem", sigbus.comm());
        assertEquals(54990, sigbus.pid());
        assertEquals(4, events.size());
    }

    @Test
    void euleros418InjectionLoop() {
        List<Event> events = RealCorpus.read(family,
                "015-euleros-4.18-mce-inject-srao-loop-stack-overflow-mce_timed_out-panic", "dmesg.log");
        assertEquals(List.of(Hex.parse("0x121f08"), Hex.parse("0x1252a7")),
                only(AlreadyPoisoned.class, events).stream().map(AlreadyPoisoned::pfn).toList());
        assertEquals(List.of(Hex.parse("0x121f08"), Hex.parse("0x1252a7")),
                only(Unpoison.class, events).stream().map(Unpoison::pfn).toList());
        assertEquals("Software-unpoisoned page", only(Unpoison.class, events).get(0).message());
        List<Sigbus> kills = only(Sigbus.class, events);
        assertEquals(List.of(84546, 84946), kills.stream().map(Sigbus::pid).toList());
        assertTrue(kills.stream().allMatch(k -> k.comm().equals("mca-recover") && k.action().equals("fault-kill")));
        assertEquals(Hex.parse("0x7fb8f7e410dc"), kills.get(0).address());
        assertEquals(List.of(Hex.parse("0x1252a7"), Hex.parse("0x12573d")),
                only(MemoryFailure.class, events).stream().map(MemoryFailure::pfn).toList());
    }

    @Test
    void einjDirtyLruPageThenFaultKill() {
        List<Event> events = RealCorpus.read(family, "016-x86-einj-dirty-lru-page-testprog-killed-coredump", "dmesg.log");
        assertEquals(2, events.size());
        MemoryFailure verdict = (MemoryFailure) events.get(0);
        assertEquals(Hex.parse("0x89167f"), verdict.pfn());
        assertEquals("dirty LRU page", verdict.pageType());
        Sigbus kill = (Sigbus) events.get(1);
        assertEquals("testprog", kill.comm());
        assertEquals(4770, kill.pid());
        assertEquals(Hex.parse("0x7f8eccf35000"), kill.address());
    }

    @Test
    void aestAlreadyPoisonedPageFails() {
        List<Event> events = RealCorpus.read(family,
                "014-arm64-aest-kernel-first-qemu-free-buddy-then-already-poisoned-failed", "dmesg.log");
        List<MemoryFailure> verdicts = only(MemoryFailure.class, events);
        assertEquals(List.of("free buddy page", "already poisoned page"),
                verdicts.stream().map(MemoryFailure::pageType).toList());
        assertEquals(List.of("Recovered", "Failed"), verdicts.stream().map(MemoryFailure::result).toList());
        assertTrue(verdicts.stream().allMatch(m -> m.pfn().equals(Hex.parse("0x43344"))));
    }

    @Test
    void negativeCapturesHaveNoMemoryFailureEvents() {
        assertTrue(RealCorpus.read(family, "019-NEG-ghes-corrected-chipkill-ce-edac-ghes", "dmesg.log").isEmpty());
        assertTrue(RealCorpus.read(family, "020-NEG-amd-ryzen7000-corrected-dram-ecc-ce", "dmesg.log").isEmpty());
        assertTrue(RealCorpus.read(family, "012-amd-fam19h-deferred-ue-patrol-scrub-no-memory-failure", "dmesg.log")
                .isEmpty());
    }
}
