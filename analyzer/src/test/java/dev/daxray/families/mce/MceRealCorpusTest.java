package dev.daxray.families.mce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Mce;
import dev.daxray.families.RealCorpus;

/** The MCE lines of the real captures, with what their SOURCE.md says happened. */
class MceRealCorpusTest {

    private final MceFamily family = new MceFamily();

    private List<Mce> read(String caseDir, String file) {
        return RealCorpus.read(family, caseDir, file).stream().map(Mce.class::cast).toList();
    }

    @Test
    void phantomPoisonUserAccessThenMirroredDump() {
        List<Mce> events = read("005-phantom-pmem-poison-ghes-after-clear", "dmesg.log");
        assertEquals(List.of("Uncorrected hardware memory error in user-access", "Machine check events logged",
                "Machine check events logged", "Machine Check Event"), events.stream().map(Mce::message).toList());
        assertEquals(Hex.parse("0x1850602400"), events.get(0).physAddr());
        assertEquals("recoverable", events.get(0).severity());
        Mce mirror = events.get(3);
        assertEquals(Hex.parse("0x1850603200"), mirror.physAddr());
        assertEquals(Hex.parse("0xbc0000000000009f"), mirror.status());
        assertEquals(255, mirror.bank());
        assertEquals("uncorrected", mirror.severity());
        assertEquals(mirror.origin().line() + 4, mirror.origin().endLine());
    }

    @Test
    void eventsLoggedInEveryCaptureThatHasThem() {
        assertEquals(2, read("004-dcpmem-ghes-dax-recovered-nfit-badrange-8-blocks", "dmesg.log").size());
        assertEquals(1, read("016-x86-einj-dirty-lru-page-testprog-killed-coredump", "dmesg.log").size());
        List<Mce> amdDeferred = read("013-amd-fam19h-deferred-ue-memory-failure-wrong-address", "dmesg.log");
        assertEquals("Machine check events logged", amdDeferred.get(0).message());
        List<Mce> amdCorrected = read("020-NEG-amd-ryzen7000-corrected-dram-ecc-ce", "dmesg.log");
        assertEquals("Machine check events logged", amdCorrected.get(0).message());
    }

    @Test
    void vendorKernelPrefixIsRead() {
        List<Mce> events = read("015-euleros-4.18-mce-inject-srao-loop-stack-overflow-mce_timed_out-panic", "dmesg.log");
        assertEquals(2, events.size());
        assertTrue(events.stream().allMatch(e -> e.message().equals("Machine check events logged")));
        assertTrue(events.get(0).origin().text().contains("core: [Hardware Error]"));
    }

    @Test
    void amdDecoderBlockIsOneMceWithItsAddress() {
        List<Event> events = RealCorpus.read(family, "012-amd-fam19h-deferred-ue-patrol-scrub-no-memory-failure",
                "dmesg.log");
        // "Machine check events logged", then the decoder block; "mce: umc_normaddr_to_sysaddr" is no event
        assertEquals(2, events.size());
        Mce deferred = (Mce) events.get(1);
        assertEquals("Deferred error, no action required.", deferred.message());
        assertEquals("uncorrected", deferred.severity());
        assertEquals(Hex.parse("0x6350a00"), deferred.physAddr());
        assertEquals(Hex.parse("0x942031000400011b"), deferred.status());
        assertEquals(21, deferred.bank());
        assertTrue(deferred.origin().endLine() > deferred.origin().line(), "joined from several lines");
        List<Mce> corrected = read("020-NEG-amd-ryzen7000-corrected-dram-ecc-ce", "dmesg.log");
        assertEquals("corrected", corrected.get(1).severity());
        assertTrue(RealCorpus.read(family, "019-NEG-ghes-corrected-chipkill-ce-edac-ghes", "dmesg.log").isEmpty());
        assertTrue(RealCorpus.read(family, "008-xfs-notify-failure-v6-sigbus-flood-per-512B", "dmesg.log").isEmpty());
    }
}
