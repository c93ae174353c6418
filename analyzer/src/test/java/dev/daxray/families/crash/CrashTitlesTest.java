package dev.daxray.families.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per printed form: what the kernel printed | what the normaliser makes of it. */
class CrashTitlesTest {

    @ParameterizedTest(name = "function({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "<null>", textBlock = """
            memcpy_orig+0x31/0x140                          | memcpy_orig
            dax_disassociate_entry.constprop.0+0x20/0x50    | dax_disassociate_entry
            ? pmem_do_bvec+0xf9/0x3a0                        | pmem_do_bvec
            raise_exception+0x47/0xb0 [mce_inject]          | raise_exception
            acpi_nfit_scrub+0x43/0x1f0 [nfit]               | acpi_nfit_scrub
            trace_irq_enable.constprop.0+0x151/0x1c0        | trace_irq_enable
            ext4_writepages.cold+0x12/0x40                  | ext4_writepages
            __split_huge_pmd.part.0.isra.0+0x3c/0x100       | __split_huge_pmd
            nfit_handle_mce                                 | nfit_handle_mce
            truncate_folio_batch_exceptionals (mm/truncate.c:89) | truncate_folio_batch_exceptionals
            0x7f31039389bd                                  | <null>
            <null>                                          | <null>
            """)
    void functionNames(String symbol, String expected) {
        assertEquals(expected, CrashTitles.function(symbol));
    }

    @ParameterizedTest(name = "taintFlags({0}) = {1}")
    @CsvSource(delimiter = '|', nullValues = "<null>", ignoreLeadingAndTrailingWhitespace = false, textBlock = """
             G   M               6.6.0 #1|G   M
             G   M       OE    --------- -  - 4.18.0-147.5.1.6.h429.eulerosv2r10.x86_64 #1|G   M       OE
             G M 7.0.0-rc4-00091-g8a30aeb0d1b4-dirty #56 PREEMPT(full)|G M
             G           O     N 6.6.0-rc6+ #1|G           O     N
             G    B              6.9.0+ #1|G    B
            |<null>
            """)
    void taintFlags(String afterTainted, String expected) {
        assertEquals(expected, CrashTitles.taintFlags(afterTainted == null ? "" : afterTainted));
    }

    @ParameterizedTest(name = "panicReason({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Attempted to kill init! exitcode=0x0000000b                  | Attempted to kill init!
            Fatal exception                                              | Fatal exception
            Fatal local machine check                                    | Fatal local machine check
            Timeout: Not all CPUs entered broadcast exception handler    | Timeout: Not all CPUs entered broadcast exception handler
            Watchdog detected hard LOCKUP on cpu 3                       | Watchdog detected hard LOCKUP on cpu
            stack-protector: Kernel stack is corrupted in: do_one+0x1a/0x40 | stack-protector: Kernel stack is corrupted in: do_one
            VFS: Unable to mount root fs on unknown-block(0,0)           | VFS: Unable to mount root fs on unknown-block(0,0)
            Requested init /sbin/init failed (error -2).                 | Requested init /sbin/init failed.
            """)
    void panicReasons(String message, String expected) {
        assertEquals(expected, CrashTitles.panicReason(message));
    }

    @ParameterizedTest(name = "dieName({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0000 [#1] PREEMPT SMP NOPTI                       | Oops
            Oops: 0000 [#1] PREEMPT SMP NOPTI                 | Oops
            0000000096000006 [#1]  SMP                        | Oops
            Oops: 0000000096000006 [#1]  SMP                  | Oops
            Oops - BUG: 00000000f2000800 [#1] SMP             | Oops - BUG
            double fault: 0000 [#1] SMP                       | double fault
            """)
    void dieNames(String message, String expected) {
        assertEquals(expected, CrashTitles.dieName(message));
    }

    @ParameterizedTest(name = "consequence({0}) = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Fatal exception                                              | true
            Fatal exception in interrupt                                 | true
            Attempted to kill init!                                      | true
            Oops - BUG: Fatal exception                                  | true
            kernel: panic_on_warn set ...                                | true
            Fatal machine check                                          | false
            Timeout: Not all CPUs entered broadcast exception handler    | false
            hung_task: blocked tasks                                     | true
            RCU Stall                                                    | true
            """)
    void consequencePanics(String reason, boolean consequence) {
        assertEquals(consequence, CrashTitles.isConsequencePanic(reason));
    }

    @ParameterizedTest(name = "reporting frame {0}")
    @CsvSource({"dump_stack_lvl", "__warn", "kasan_report", "__asan_load8", "__ubsan_handle_out_of_bounds",
        "asm_exc_page_fault", "die_addr"})
    void reportingFrames(String function) {
        assertTrue(CrashTitles.isReportingFrame(function));
    }

    @ParameterizedTest(name = "bug frame {0}")
    @CsvSource({"dax_insert_entry", "pmem_do_bvec", "nfit_handle_mce", "memcpy_orig"})
    void bugFramesAreNotReporting(String function) {
        assertFalse(CrashTitles.isReportingFrame(function));
    }
}
