package dev.daxray.families.crash;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises the fields of a crash report's block into stable names: function names without
 * offsets, modules or compiler suffixes, taint flags, panic reasons without the numbers that vary, and
 * the die name of an oops whose header was lost. (Report titles are {@link ReportTitler}'s.)
 *
 * <p>Every method is a pure text function; {@link CrashBlock} decides which of them a report needs.
 */
public final class CrashTitles {

    private static final Pattern OFFSET = Pattern.compile("\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+");
    /** GCC / LLVM clone suffixes: {@code .constprop.0}, {@code .isra.0}, {@code .part.0}, {@code .cold}, {@code .llvm.123}. */
    private static final Pattern CLONE_SUFFIX = Pattern.compile(
            "(\\.(constprop|isra|part|cold|llvm|lto_priv|localalias|specialized)(\\.\\d+)?)+$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern TAINT_FLAGS = Pattern.compile("^\\s*([A-Z](?:[A-Z ]*[A-Z])?)(?=\\s|$)");
    private static final Pattern SYMBOL_WITH_OFFSET = Pattern.compile("([A-Za-z0-9_.$]+)\\+0x[0-9a-fA-F]+/0x[0-9a-fA-F]+");
    private static final Pattern HEX_ADDRESS = Pattern.compile("\\b(?:0x[0-9a-fA-F]+|[0-9a-fA-F]{8,})\\b");
    private static final Pattern NUMBER_IN_PARENS = Pattern.compile("\\s+\\([^)]*\\d[^)]*\\)");
    private static final Pattern STANDALONE_NUMBER = Pattern.compile("(?<=\\s)-?\\d+(?=\\s|$|[.,;!])");
    private static final Pattern DIE_CODE = Pattern.compile(":?\\s*[0-9a-fA-F]+\\s+\\[#\\d+\\].*$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /**
     * Frames that belong to the reporting machinery rather than to the bug: the fault, trap, WARN,
     * KASAN, UBSAN and panic paths. They are never taken as the faulting function.
     */
    private static final Set<String> REPORTING_FRAMES = Set.of(
            "dump_stack", "dump_stack_lvl", "__dump_stack", "show_stack", "show_trace_log_lvl", "dump_backtrace",
            "panic", "vpanic", "nmi_panic", "__warn", "__warn_printk", "warn_slowpath_fmt", "warn_slowpath_null",
            "report_bug", "handle_bug", "do_error_trap", "do_invalid_op", "invalid_op", "exc_invalid_op",
            "asm_exc_invalid_op", "die", "die_addr", "__die", "__die_body", "oops_end", "general_protection",
            "do_general_protection", "exc_general_protection", "asm_exc_general_protection", "page_fault_oops",
            "no_context", "__bad_area_nosemaphore", "bad_area_nosemaphore", "kernelmode_fixup_or_oops",
            "do_user_addr_fault", "do_kern_addr_fault", "exc_page_fault", "asm_exc_page_fault", "page_fault",
            "do_page_fault", "__do_page_fault", "die_kernel_fault", "__do_kernel_fault", "do_translation_fault",
            "do_mem_abort", "el1_abort", "el1_da", "el1h_64_sync_handler", "el1h_64_sync", "bug_handler",
            "brk_handler", "do_debug_exception", "el1_dbg", "print_report", "print_address_description",
            "kasan_report", "end_report", "kasan_report_invalid_free", "ubsan_epilogue", "bad_page", "dump_page");
    private static final String[] REPORTING_PREFIXES = {"__asan_", "__kasan_", "kasan_", "__ubsan_handle_", "__pfx_"};

    /** Panic reasons that are the consequence of the report just printed, not a crash of their own. */
    private static final String[] CONSEQUENCE_PANICS = {"Fatal exception", "Oops", "Attempted to kill",
        "Aiee, killing interrupt handler", "softlockup: hung tasks", "hardlockup: ", "Hard LOCKUP", "kasan.fault=panic",
        "kmsan.panic", "hung_task: blocked tasks", "RCU Stall"};

    private CrashTitles() {
    }

    /**
     * The bare function name of a printed symbol: {@code ? dax_disassociate_entry.constprop.0+0x20/0x50 [mod]}
     * becomes {@code dax_disassociate_entry}. Null when there is no symbol (a bare address).
     */
    public static String function(String symbol) {
        if (symbol == null) {
            return null;
        }
        String s = symbol.trim();
        if (s.startsWith("?")) {
            s = s.substring(1).trim();
        }
        int space = s.indexOf(' ');
        if (space >= 0) {
            s = s.substring(0, space);
        }
        s = OFFSET.matcher(s).replaceFirst("");
        s = CLONE_SUFFIX.matcher(s).replaceFirst("");
        return IDENTIFIER.matcher(s).matches() ? s : null;
    }

    /** True for frames of the reporting machinery (fault, trap, WARN, KASAN, UBSAN and panic paths). */
    public static boolean isReportingFrame(String function) {
        if (REPORTING_FRAMES.contains(function)) {
            return true;
        }
        for (String prefix : REPORTING_PREFIXES) {
            if (function.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The taint flags that follow {@code Tainted:} on the CPU line, as printed ({@code G   M}), without
     * the release and what follows it; null when none are printed.
     */
    public static String taintFlags(String afterTainted) {
        Matcher m = TAINT_FLAGS.matcher(afterTainted);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A panic reason without the numbers that vary: {@code Attempted to kill init! exitcode=0x0000000b}
     * becomes {@code Attempted to kill init!}, {@code Watchdog detected hard LOCKUP on cpu 3} becomes
     * {@code Watchdog detected hard LOCKUP on cpu}.
     */
    public static String panicReason(String message) {
        String s = message.replaceAll("\\s*exitcode=0x[0-9a-fA-F]+", "");
        return mask(s);
    }

    /** True when a panic with this reason is the consequence of the report before it (it joins that event). */
    public static boolean isConsequencePanic(String reason) {
        for (String prefix : CONSEQUENCE_PANICS) {
            if (reason.startsWith(prefix)) {
                return true;
            }
        }
        return reason.contains("panic_on_warn set") || reason.contains("panic_on_oops");
    }

    /**
     * The die string of an oops header: {@code 0000 [#1] SMP} and {@code Oops: 0000 [#1]} give
     * {@code Oops}, {@code double fault: 0000 [#1]} gives {@code double fault}, arm64
     * {@code Oops - BUG: 00000000f2000800 [#1] SMP} gives {@code Oops - BUG}.
     */
    public static String dieName(String message) {
        String s = message.trim();
        if (s.startsWith("Oops:")) {
            s = s.substring("Oops:".length()).trim();
        }
        s = DIE_CODE.matcher(s).replaceFirst("").trim();
        if (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s.isEmpty() ? "Oops" : mask(s);
    }

    /**
     * Masks what varies between hosts in free text: {@code func+0x1a/0x40} becomes {@code func},
     * hex addresses, parenthesised numbers and standalone numbers are dropped, white space collapses.
     */
    public static String mask(String text) {
        String s = SYMBOL_WITH_OFFSET.matcher(text).replaceAll("$1");
        s = HEX_ADDRESS.matcher(s).replaceAll("");
        s = NUMBER_IN_PARENS.matcher(s).replaceAll("");
        s = STANDALONE_NUMBER.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").trim();
        return s.replaceAll("\\s+([.,;!])", "$1");
    }

    /** {@code prefix in function}, or just the prefix when the function is unknown. */
    public static String in(String prefix, String function) {
        return function == null ? prefix : prefix + " in " + function;
    }
}
