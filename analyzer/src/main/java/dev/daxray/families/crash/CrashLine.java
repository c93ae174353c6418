package dev.daxray.families.crash;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one line of a crash report is, as the {@code Crash} grammar classified it. The family decides
 * from these which block a line belongs to; {@link CrashBlock} reads the fields.
 */
sealed interface CrashLine {

    /** The printed form of a line that opens a report (reference §5). */
    enum Form {
        /** the KASAN / UBSAN {@code ====…====} separator (opens and closes their reports) */
        SEPARATOR,
        /** {@code ------------[ cut here ]------------} before a WARNING or kernel BUG */
        CUT_HERE,
        /** {@code BUG: KASAN: <what> in <func>} */
        KASAN,
        /** {@code BUG: unable to handle page fault for address: …} (5.2+) */
        PAGE_FAULT,
        /** {@code BUG: kernel NULL pointer dereference, address: …} (5.2+) */
        NULL_DEREF,
        /** {@code BUG: unable to handle kernel <what> at …} (≤ 5.1) */
        OLD_PAGE_FAULT,
        /** any other {@code BUG: …} (soft lockup, Bad page state, KFENCE, scheduling while atomic, …) */
        BUG,
        /** {@code [Oops: ]general protection fault…} */
        GPF,
        /** {@code [Oops: ]invalid opcode: 0000 [#1]} */
        INVALID_OPCODE,
        /** {@code [Oops: ]stack segment: 0000 [#1]} */
        STACK_SEGMENT,
        /** {@code [Oops: ]divide error: 0000 [#1]} */
        DIVIDE_ERROR,
        /** {@code Oops: 0000 [#1] …}, {@code Oops: Oops: 0000 [#1] …} (6.10+) and other die strings */
        OOPS,
        /** {@code kernel BUG at <file>:<line>!} */
        KERNEL_BUG,
        /** {@code WARNING: CPU: …}, {@code WARNING: at …} and the 6.19+ {@code WARNING: <file>:<line> at …, CPU#…} */
        WARNING,
        /** {@code Kernel panic - not syncing: <reason>} */
        PANIC,
        /** arm64 {@code Internal error: Oops: 96000006 [#1] SMP} */
        INTERNAL_ERROR,
        /** arm64 {@code Unable to handle kernel <what> at virtual address …} */
        ARM_FAULT,
        /** {@code UBSAN: <what> in <file>:<line>:<col>} */
        UBSAN,
        /**
         * any other report header ({@link ReportHeader}) the grammar does not break down: hung tasks, RCU
         * stalls, lockdep reports, {@code PANIC: double fault}, {@code Kernel BUG}, netdev and VFS checks …
         */
        REPORT;

        /** Lines that may open a report before its header: the separator, {@code cut here}, a bare {@code Oops:}. */
        boolean prelude() {
            return this == SEPARATOR || this == CUT_HERE || this == OOPS;
        }
    }

    /** What a body line that carries no data is for. */
    enum Role {
        CALL_TRACE, STACK_MARK, TASK_END, KASAN_STACK, END_TRACE, END_PANIC, MODULES, REGISTERS, CODE, TAIL,
        DETAIL, BLANK
    }

    /**
     * A line that opens a report.
     *
     * @param message the text after the fixed words (the panic reason, the BUG text, …), or ""
     * @param site    the symbol the header names ({@code WARNING … at}, {@code KASAN … in}), or null
     * @param file    the source file the header names ({@code kernel BUG at}, {@code WARNING … at}), or null
     */
    record Start(Form form, String message, String site, String file, Integer cpu, Integer pid, String comm)
            implements CrashLine {

        /** A header the grammar does not break down, with the task a hung-task header names. */
        static Start report(String message) {
            Matcher task = HUNG_TASK.matcher(message);
            return task.find()
                    ? new Start(Form.REPORT, message, null, null, null, Integer.valueOf(task.group(2)), task.group(1))
                    : new Start(Form.REPORT, message, null, null, null, null, null);
        }

        /** kernel/hung_task.c: {@code INFO: task %s:%d blocked for more than %ld seconds.} */
        private static final Pattern HUNG_TASK = Pattern.compile(
                "INFO: task (\\S.{0,63}?):(\\d{1,9}) (?:blocked|can't die)");
    }

    /** The {@code CPU: … PID: … Comm: …} line. */
    record Task(Integer cpu, Integer pid, String comm, String tainted) implements CrashLine {
    }

    /** {@code RIP:}, {@code IP:}, {@code pc :}: where the CPU was; symbol is null for user space or a bare address. */
    record Site(String symbol) implements CrashLine {
    }

    /** One stack frame; {@code reliable} is false for {@code ?} frames. Symbol is null for a bare address. */
    record Frame(String symbol, boolean reliable) implements CrashLine {
    }

    /** KASAN's {@code Read of size …} / {@code Write of size …} / {@code Free of addr …}: the access. */
    record Access(String access) implements CrashLine {
    }

    /** Any other recognised line. */
    record Mark(Role role) implements CrashLine {
    }
}
