package dev.daxray.families.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;
import dev.daxray.events.MemoryFailure;
import dev.daxray.families.edac.EdacFamily;
import dev.daxray.families.ghes.GhesFamily;
import dev.daxray.families.memoryfailure.MemoryFailureFamily;
import dev.daxray.records.LogRecord;

class VerifiedFastPathTest {

    private static final List<String> EDAC = List.of(
            "EDAC MC0: 1 CE memory read error on CPU_SrcID#0_MC#0_Chan#1_DIMM#0 (channel:1 slot:0 page:0x207b9e1"
                    + " offset:0x340 grain:32 syndrome:0x0 -  err_code:0x0000:0x009f)",
            "EDAC MC1: 5 CE memory read error on CPU_SrcID#2_Channel#2_DIMM#0 (channel:2 slot:0 page:0x2007e9ea"
                    + " offset:0x100 grain:32 syndrome:0x0 -  OVERFLOW area:DRAM err_code:0001:0092 socket:2)",
            "EDAC MC0: 1 CE single-bit ECC on Not Specified PROC 2 DIMM 4 (node:1 card:0 module:3 rank:1 bank:9"
                    + " device:5 row:11983 column:856 DIMM location: Not Specified PROC 2 DIMM 4 page:0x1b3e712"
                    + " offset:0x2c0 grain:1 syndrome:0x0 - APEI location: node:1 card:0 module:3 rank:1 bank:9"
                    + " device:5 row:11983 column:856 status(0x0000000000000400): Storage error in DRAM memory)",
            "EDAC MC0: 3 UE on unknown memory (page:0x10 offset:0x0 grain:64)",
            "EDAC MC2: 1 CE ie31200 CE on DIMM_A1 (channel:0 slot:0 page:0x3a2f offset:0x8 grain:8 syndrome:0x5a)",
            "EDAC MC0: 1 CE memory read error on DIMM_B2 (page:0x1 offset:0x80 grain:64 syndrome:0x0 - ");
    private static final List<String> MEMORY_FAILURE = List.of(
            "Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered",
            "Memory failure: 0x3c1b000: recovery action for dax page: Recovered",
            "Memory failure: 0x1fd60: recovery action for huge page: Failed",
            "Memory failure: 0x3c1b1ff: Sending SIGBUS to fsx:4242 due to hardware memory corruption",
            "Memory failure: 0x12: Sending SIGBUS to my prog: worker:17 due to hardware memory corruption");

    private static final List<String> GHES = List.of(
            "{7}[Hardware Error]: Hardware error from APEI Generic Hardware Error Source: 2",
            "{7}[Hardware Error]: It has been corrected by h/w and requires no further action",
            "{7}[Hardware Error]: event severity: corrected",
            "{7}[Hardware Error]:  Error 0, type: corrected",
            "{7}[Hardware Error]:   section_type: memory error",
            "{7}[Hardware Error]:   error_status: Storage error in DRAM memory (0x0000000000000400)",
            "{7}[Hardware Error]:   physical_address: 0x0000001b3e7122c0",
            "{7}[Hardware Error]:   node:1 card:0 module:3 rank:1 bank:9 device:5 row:11983 column:856 ",
            "{7}[Hardware Error]:   error_type: 2, single-bit ECC",
            "{7}[Hardware Error]:   DIMM location: Not Specified PROC 2 DIMM 4 ",
            "{123456}[Hardware Error]: event severity: fatal");

    @Test
    void theFastReadersClaimTheCommonShapesAndAgreeWithTheGrammar() {
        assertAgree(new EdacFamily().newFastPath(), EDAC);
        assertAgree(new MemoryFailureFamily().newFastPath(), MEMORY_FAILURE);
        assertAgree(new GhesFamily().newFastPath(), GHES);
    }

    @Test
    void theFastReadersDeclineWhatTheyDoNotKnow() {
        VerifiedFastPath<Event> edac = new EdacFamily().newFastPath();
        for (String line : List.of("EDAC MC0: 1 CE on x (page:0x0 offset:0x0 grain:64)",
                "EDAC MC0: 1 CE err on x (page:0x10 offset:0x1 grain:1 - SystemAddress:0x10001)",
                "EDAC MC0: 99999999999 CE err on x (page:0x10 offset:0x1 grain:1)",
                "EDAC MC0: 1 CE err on x (page:0x10000000000000000 offset:0x1 grain:1)",
                "EDAC MC0: 1 CE err on x\t(page:0x10 offset:0x1 grain:1)",
                "Kernel panic - not syncing: UE memory read error on DIMM_A1 (channel:0 slot:0 page:0x1 offset:0x0 grain:8)")) {
            assertNull(edac.fast().read(LogRecord.of("t", 1, line)), line);
        }
        VerifiedFastPath<Event> mf = new MemoryFailureFamily().newFastPath();
        for (String line : List.of("MCE 0x3a5876: recovery action for dirty LRU page: Recovered",
                "Memory failure: 0x8e13f: recovery action for clean LRU page: Recovered (again)",
                "Memory failure: 0x12: Sending SIGBUS to fsx:99999999999 due to hardware memory corruption",
                "Memory failure: 0x12: Killing fsx:4242 due to hardware memory corruption")) {
            assertNull(mf.fast().read(LogRecord.of("t", 1, line)), line);
        }
    }

    @Test
    void aShapeTheGrammarReadsOtherwiseGoesToTheGrammar() {
        VerifiedFastPath<Event> grammar = new MemoryFailureFamily().newFastPath();
        // A fast reader that gets the result wrong: the path must never hand out its events.
        VerifiedFastPath<Event> lying = new VerifiedFastPath<>(record -> {
            Event event = grammar.fast().read(record);
            return event instanceof MemoryFailure mf
                    ? new MemoryFailure(mf.origin(), mf.pfn(), mf.pageType(), "Ignored") : event;
        }, grammar.grammar());
        for (int i = 0; i < 3; i++) {
            LogRecord record = LogRecord.of("t", i + 1, "Memory failure: 0x" + (0x100 + i) + ": recovery action for dax page: Recovered");
            assertEquals(grammar.grammar().parse(record), lying.parse(record));
        }
        assertEquals(0, lying.fastReads());
    }

    @Test
    void linesOfATrustedShapeSkipTheGrammar() {
        VerifiedFastPath<Event> path = new MemoryFailureFamily().newFastPath();
        for (int i = 0; i < 5; i++) {
            LogRecord record = LogRecord.of("t", i + 1, "Memory failure: 0x" + Integer.toHexString(0x3c1b000 + i * 77)
                    + ": Sending SIGBUS to fsx:" + (4000 + i) + " due to hardware memory corruption");
            assertEquals(path.grammar().parse(record), path.parse(record));
        }
        assertEquals(4, path.fastReads());
    }

    @Test
    void numbersBetweenDelimitersAreBlankedOthersKept() {
        assertEquals(Shape.of("EDAC MC1: 7 CE x on DIMM#3 (page:0xabc offset:0x0 grain:32)"),
                Shape.of("EDAC MC1: 12 CE x on DIMM#3 (page:0x1 offset:0xfff0 grain:8)"));
        assertEquals(false, Shape.of("EDAC MC1: 7 CE x").equals(Shape.of("EDAC MC2: 7 CE x")));
        assertEquals(false, Shape.of("on DIMM#3 (").equals(Shape.of("on DIMM#4 (")));
        assertEquals(false, Shape.of("page:0x1g").equals(Shape.of("page:0x2g")));
        assertEquals(Shape.of("{1}[Hardware Error]: x"), Shape.of("{77}[Hardware Error]: x"));
    }

    private static void assertAgree(VerifiedFastPath<?> path, List<String> lines) {
        long line = 0;
        for (String text : lines) {
            LogRecord record = LogRecord.of("t", ++line, text);
            Object fast = path.fast().read(record);
            assertNotNull(fast, text);
            assertEquals(path.grammar().parse(record), Optional.of(fast), text);
        }
    }
}
