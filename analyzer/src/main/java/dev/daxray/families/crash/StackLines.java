package dev.daxray.families.crash;

import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel's stack dumps look like, line by line, as plain text functions: frame lines, the
 * line that names where the CPU was ({@code RIP:}, {@code IP:}, arm64 {@code pc :}, powerpc
 * {@code NIP}), and the lines that start a stack. Used on report text with the log prefix removed.
 *
 * <p>Frames are written by {@code %pS} as {@code name+0xoff/0xsize} (optionally {@code [module]}),
 * by 3.x/4.x x86 after one or two {@code [<address>]} marks, by 32-bit arm as
 * {@code [<pc>] (callee) from [<lr>] (caller+0x…)}. A function name ends at the first {@code .} or
 * {@code +}: compiler clones ({@code .isra.0}, {@code .constprop.0}, {@code .cold}) name the function
 * they were cloned from. A symbolizer's {@code name file.c:12 [inline]} line has neither and is not a
 * frame, so raw and symbolized logs give the same frames.
 */
final class StackLines {

    private StackLines() {
    }

    /** The functions a frame line names (one, or two for an arm {@code (callee) from (caller)} line); empty if none. */
    static List<String> frames(String line) {
        int i = skipSpaces(line, 0);
        int afterMarks = i;
        for (int mark = 0; mark < 2; mark++) {
            int end = addressMark(line, afterMarks);
            if (end < 0) {
                break;
            }
            if (mark == 0) {
                List<String> arm = armFrames(line, end);
                if (!arm.isEmpty()) {
                    return arm;
                }
            }
            if (end >= line.length() || line.charAt(end) != ' ') {
                return List.of();
            }
            afterMarks = end + 1;
        }
        String name = functionAt(line, afterMarks);
        return name == null ? List.of() : List.of(name);
    }

    /** The first function of a frame line, or null. */
    static String frame(String line) {
        List<String> frames = frames(line);
        return frames.isEmpty() ? null : frames.get(0);
    }

    /** What a line says about where the CPU was. */
    sealed interface Site {
    }

    /** A kernel function ({@code RIP: 0010:foo+0x1/0x2}). */
    record InFunction(String function) implements Site {
    }

    /** A site without a symbol: a bare or user-space address, or {@code (null)}. */
    record NoSymbol() implements Site {
    }

    /**
     * The site a line names, or null when it names none. Recognised after {@code IP}, {@code NIP},
     * {@code pc } or {@code PC is at} (so also {@code RIP:} and {@code EIP:}), an optional colon and a
     * space: an optional segment ({@code 0010:}), up to two {@code [<address>]} marks, then a function;
     * or a bare {@code 0x…} address; or {@code (null)}.
     */
    static Site site(String line) {
        for (String key : new String[] {"IP", "pc ", "PC is at"}) {
            for (int at = line.indexOf(key); at >= 0; at = line.indexOf(key, at + 1)) {
                Site site = siteAfter(line, at + key.length());
                if (site != null) {
                    return site;
                }
            }
        }
        return null;
    }

    /** The function of a {@link #site} line, or null. */
    static String siteFunction(String line) {
        return site(line) instanceof InFunction f ? f.function() : null;
    }

    /**
     * True for a line that starts a stack: {@code Call Trace:} / arm64 {@code Call trace:}, arm
     * {@code Backtrace:}, KASAN's {@code Allocated by task N:} / {@code Freed by task N:} (and the old
     * {@code Allocated:} / {@code Freed:}), kmemleak's {@code backtrace:} / {@code backtrace (crc …):}
     * (not lockdep's {@code stack backtrace:}), KMSAN's {@code Uninit was stored to memory at:}.
     */
    static boolean startsStack(String line) {
        return line.contains("Call Trace") || line.contains("Call trace")
                || line.contains("Backtrace:")
                || line.contains("Allocated:") || line.contains("Freed:")
                || byTask(line, "Allocated by task ") || byTask(line, "Freed by task ")
                || kmemleakBacktrace(line)
                || line.contains("Uninit was stored to memory at");
    }

    /**
     * The name a syscall's wrappers hide: {@code __do_sys_foo}, {@code __se_sys_foo} give {@code foo},
     * {@code __x64_sys_foo} gives {@code sys_foo}, {@code ksys_write} gives {@code write}, {@code SyS_foo} and
     * {@code SYSC_foo} (≤ 4.16) give {@code foo}. One wrapper prefix is removed, the one that leaves the
     * shortest name.
     */
    static String unwrapSyscall(String function) {
        String best = function;
        for (String prefix : SYSCALL_WRAPPERS) {
            if (function.startsWith(prefix) && function.length() > prefix.length()
                    && function.length() - prefix.length() < best.length()) {
                best = function.substring(prefix.length());
            }
        }
        return best;
    }

    /**
     * True for a frame the unwinder only guessed: x86 {@code ? foo+0x1/0x2} (but not a line with
     * {@code <EOI>}), powerpc {@code … (unreliable)}.
     */
    static boolean unreliable(String line) {
        if (line.contains("(unreliable)")) {
            return true;
        }
        if (line.contains("<EOI>")) {
            return false;
        }
        for (int at = line.indexOf(" ? "); at >= 0; at = line.indexOf(" ? ", at + 1)) {
            int i = skipSpaces(line, at + 3);
            int name = i;
            while (i < line.length() && (isNameChar(line.charAt(i)) || line.charAt(i) == '.')) {
                i++;
            }
            if (i > name && line.startsWith("+0x", i)) {
                return true;
            }
        }
        return false;
    }

    /** Prefixes of the functions that wrap a syscall, by architecture and era (include/linux/syscalls.h, arch/x86/include/asm/syscall_wrapper.h). */
    private static final String[] SYSCALL_WRAPPERS = {
        "SYSC_", "SyS_", "compat_SYSC_", "compat_SyS_", "sys_", "ksys_", "__sys_", "___sys_", "____sys_",
        "__do_sys_", "__se_sys_", "__se_", "__x64_", "__ia32_", "__arm64_"};

    // ------------------------------------------------------------------ helpers

    private static Site siteAfter(String line, int i) {
        if (i < line.length() && line.charAt(i) == ':') {
            i++;
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            return null;
        }
        i++;
        int seg = i;
        while (seg < line.length() && Character.isDigit(line.charAt(seg))) {
            seg++;
        }
        int afterSegment = seg > i && seg < line.length() && line.charAt(seg) == ':' ? seg + 1 : i;
        if (afterSegment > i && line.startsWith("(null)", skipSpaces(line, afterSegment))) {
            return new NoSymbol();
        }
        if (line.startsWith("0x", afterSegment) && isHex(line, afterSegment + 2)) {
            return new NoSymbol();
        }
        int j = afterSegment;
        for (int mark = 0; mark < 2; mark++) {
            int end = addressMark(line, j);
            if (end < 0) {
                break;
            }
            int spaces = skipSpaces(line, end);
            if (spaces == end) {
                return null;
            }
            if (mark == 0 && line.startsWith("[<", spaces) && line.startsWith("(null)>]", skipSpaces(line, spaces + 2))) {
                return new NoSymbol();
            }
            j = spaces;
        }
        String name = functionAt(line, j);
        return name == null ? null : new InFunction(name);
    }

    /** {@code [<ffffffff81234567>]} (also {@code [ffff…]}, {@code [<0x…>]}) at {@code i}: the index after it, or -1. */
    private static int addressMark(String line, int i) {
        if (i >= line.length() || line.charAt(i) != '[') {
            return -1;
        }
        int j = i + 1;
        if (j < line.length() && line.charAt(j) == '<') {
            j++;
        }
        if (line.startsWith("0x", j)) {
            j += 2;
        }
        int digits = j;
        while (j < line.length() && isHexDigit(line.charAt(j))) {
            j++;
        }
        if (j == digits) {
            return -1;
        }
        if (j < line.length() && line.charAt(j) == '>') {
            j++;
        }
        return j < line.length() && line.charAt(j) == ']' ? j + 1 : -1;
    }

    /** arm: {@code [<pc>] (callee) from [<lr>] (caller+0x…)} after the first mark: callee and caller. */
    private static List<String> armFrames(String line, int afterMark) {
        if (!line.startsWith(" (", afterMark)) {
            return List.of();
        }
        int close = line.indexOf(')', afterMark + 2);
        if (close < 0 || !line.startsWith(") from ", close)) {
            return List.of();
        }
        String callee = line.substring(afterMark + 2, close);
        int mark = addressMark(line, close + ") from ".length());
        if (mark < 0 || !line.startsWith(" (", mark)) {
            return List.of();
        }
        String caller = functionAt(line, mark + 2);
        if (caller == null || callee.isEmpty() || !callee.chars().allMatch(c -> isNameChar((char) c) || c == '.')) {
            return List.of();
        }
        List<String> both = new ArrayList<>(2);
        both.add(callee);
        both.add(caller);
        return both;
    }

    /**
     * The identifier at {@code i} if an offset ({@code +0x…}) or a clone suffix ({@code .isra.0}) follows it,
     * or the source location scripts/decode_stacktrace.sh puts in place of the offset
     * ({@code func (mm/truncate.c:89 (discriminator 1))}); else null.
     */
    static String functionAt(String line, int i) {
        int j = i;
        while (j < line.length() && isNameChar(line.charAt(j))) {
            j++;
        }
        if (j == i || j >= line.length()) {
            return null;
        }
        char c = line.charAt(j);
        return c == '+' || c == '.' || decodedLocation(line, j) ? line.substring(i, j) : null;
    }

    /** {@code " (dir/file.c:123"} at {@code i}: a decoded frame's source location. */
    private static boolean decodedLocation(String line, int i) {
        if (!line.startsWith(" (", i)) {
            return false;
        }
        int j = i + 2;
        int dot = -1;
        while (j < line.length() && (isNameChar(line.charAt(j)) || "/.-".indexOf(line.charAt(j)) >= 0)) {
            if (line.charAt(j) == '.') {
                dot = j;
            }
            j++;
        }
        return dot > i + 2 && dot < j - 1 && j + 1 < line.length() && line.charAt(j) == ':'
                && Character.isDigit(line.charAt(j + 1));
    }

    private static boolean byTask(String line, String what) {
        int at = line.indexOf(what);
        if (at < 0) {
            return false;
        }
        int i = at + what.length();
        int digits = i;
        while (i < line.length() && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > digits && i < line.length() && line.charAt(i) == ':';
    }

    /** kmemleak's {@code backtrace:} / {@code backtrace (crc 5c1a2b3d):}, but not lockdep's {@code stack backtrace:}. */
    private static boolean kmemleakBacktrace(String line) {
        for (int at = line.indexOf("backtrace"); at >= 0; at = line.indexOf("backtrace", at + 1)) {
            if (at > 0 && (line.charAt(at - 1) != ' ' || at > 1 && line.charAt(at - 2) == 'k')) {
                continue;
            }
            int i = at + "backtrace".length();
            if (line.startsWith(" (crc ", i)) {
                i += " (crc ".length();
                while (i < line.length() && isHexDigit(line.charAt(i))) {
                    i++;
                }
                if (!line.startsWith(")", i)) {
                    continue;
                }
                i++;
            }
            if (line.startsWith(":", i)) {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isHex(String line, int i) {
        return i < line.length() && isHexDigit(line.charAt(i));
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }

    static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }
}
