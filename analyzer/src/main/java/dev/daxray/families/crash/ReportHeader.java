package dev.daxray.families.crash;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The words that start a kernel report, in the order they are tried on a line (the first that occurs
 * in it, anywhere, and is not one of its look-alikes, wins), each with its look-alikes: messages that
 * contain the words but report nothing ({@code ODEBUG:} contains {@code BUG:}, a user-space
 * {@code general protection fault ip:… error:0 in libc.so}, distribution notices printed as
 * {@code WARNING: …}). The reports each header can start are its {@link #formats()}.
 */
enum ReportHeader {
    BUG("BUG:", "DEBUG:", "xlog_status:", "BUG: no syscalls can create resource"),
    WARNING("WARNING:",
            // user space and boot-time notices, not WARN() reports
            "WARNING: /etc/ssh/moduli does not exist", "WARNING: Unsupported flag value(s) of",
            "WARNING: workqueue cpumask: online intersect > possible intersect",
            "WARNING: the mand mount option", "WARNING: The mand mount option",
            "WARNING: Unprivileged eBPF is enabled", "missed to adjust virtual screen size",
            "WARNING: kernel not compiled with CPU_SRSO", "for mitigation options.",
            // arch/x86/kernel/dumpstack_64.c, printed once while unwinding: a notice, not a report
            "WARNING: stack recursion on stack type",
            // filesystems print their own warnings with the word
            "EXT4-fs", "EXT4-FS", "): WARNING"),
    INFO("INFO:", "INFO: lockdep is turned off", "INFO: Stall ended before state dump start", "INFO: NMI handler",
            "INFO: recovery required on readonly filesystem", "_INFO:", ":INFO:", "is not present in /proc/kallsyms",
            "INFO: no syscalls can create resource"),
    ARM_FAULT("Unable to handle kernel"),
    GPF("general protection fault"),
    STACK_SEGMENT("stack segment: "),
    PANIC("Kernel panic - not syncing:"),
    DOUBLE_FAULT("PANIC: double fault"),
    RUST_PANIC("rust_kernel: panicked"),
    KERNEL_BUG("kernel BUG"),
    KERNEL_BUG_UNVERBOSE("Kernel BUG"),
    SLUB("BUG kmalloc-"),
    DIVIDE_ERROR("divide error:"),
    DIVIDE_ERROR_5X("divide_error:"),
    INVALID_OPCODE("invalid opcode:"),
    INT3("int3:"),
    UBSAN("UBSAN:"),
    NETDEV_WAIT("unregister_netdevice: waiting for"),
    VFS_CLOSE("VFS: Close: file count is 0"),
    VFS_BUSY("VFS: Busy inodes after unmount"),
    ARM_INTERNAL("Internal error:"),
    ARM_UNHANDLED("Unhandled fault:"),
    ARM_ALIGNMENT("Alignment trap:"),
    TRUSTY("trusty: panic"),
    REBOOT("Booting the kernel.");

    /** A piece of every header's words, for the keyword prefilter (see {@link #keyword()}). */
    static final List<String> KEYWORDS = Arrays.stream(values()).map(ReportHeader::keyword).distinct().toList();

    private final String words;
    private final List<String> lookAlikes;

    ReportHeader(String words, String... lookAlikes) {
        this.words = words;
        this.lookAlikes = List.of(lookAlikes);
    }

    String words() {
        return words;
    }

    /**
     * The piece of the words the prefilter looks for: the words themselves, or for a few headers a piece
     * whose byte pairs are rarer in log chatter (the prefilter anchors on a keyword's rarest-looking pairs,
     * and {@code trap:}, {@code us}, {@code e_} are common), so that chatter rarely costs a keyword check.
     * Every line with the words has the piece.
     */
    String keyword() {
        return switch (this) {
            case STACK_SEGMENT -> "segment: ";
            case DIVIDE_ERROR, DIVIDE_ERROR_5X -> "divide";
            case ARM_INTERNAL -> "Internal error";
            case ARM_UNHANDLED -> "Unhandled fault";
            case ARM_ALIGNMENT -> "gnment trap";
            case TRUSTY -> "sty: panic";
            default -> words;
        };
    }

    /** The header a line starts a report with, or null. Most lines are rejected by {@code String.contains}. */
    static ReportHeader of(String line) {
        for (ReportHeader header : values()) {
            if (line.contains(header.words) && !header.lookAlike(line)) {
                return header;
            }
        }
        return null;
    }

    private boolean lookAlike(String line) {
        for (String text : lookAlikes) {
            if (line.contains(text)) {
                return true;
            }
        }
        return EXTRA_LOOK_ALIKES.getOrDefault(this, l -> false).test(line)
                || line.startsWith("---[ end ") // the panic's end marker names the panic again
                || this == REBOOT && !line.startsWith(words);
    }

    private static final Map<ReportHeader, Predicate<String>> EXTRA_LOOK_ALIKES = Map.of(
            // arch/x86/kernel/traps.c: a user-space #GP, "traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx in %s"
            GPF, Pattern.compile("general protection fault .*error:\\d+ in ").asPredicate(),
            // capability and wireless-extension notices: "warning: `%s' uses deprecated v2 capabilities …"
            WARNING, Pattern.compile("(?i)warning: .* uses (?:deprecated v2 capabilities|wireless extensions)").asPredicate(),
            // "perf: interrupt took too long", "INFO: NMI handler (…) took too long to run"
            INFO, Pattern.compile("(?:handler|interrupt).*took too long").asPredicate());

    /**
     * True for a line that may come inside another report without starting one, whatever header it has:
     * the trap line after {@code kernel BUG at}, the panic a report causes, a double fault while handling a
     * fault, arm64's {@code Internal error: Oops - BUG: …} after {@code kernel BUG at} or {@code Unable to
     * handle kernel …}, a netdev refcount wait.
     */
    static boolean continuesReport(String line) {
        return line.contains("invalid opcode: 0000") || line.contains("Kernel panic - not syncing")
                || line.contains("PANIC: double fault") || line.contains("Internal error:")
                || line.contains("unregister_netdevice: waiting for");
    }

    /**
     * Messages that are not reports but dump a stack into the console: met inside a report, they mean
     * the lines that follow are not the report's.
     */
    static boolean interruptsReport(String line) {
        return line.contains("vmalloc: allocation failure:") || line.contains("FAULT_INJECTION: forcing a failure")
                || line.contains("FAULT_FLAG_ALLOW_RETRY missing");
    }

    /** The formats a report that starts with this header may have, in the order they are tried. */
    List<ReportFormat> formats() {
        return LinuxFormats.of(this);
    }
}
