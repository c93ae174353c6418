package dev.daxray.families.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One shape of kernel report and how to title it, in the manner of syzkaller's {@code pkg/report}:
 * a pattern that recognises the report, optionally a pattern that must match the report's text and
 * whose groups feed the title, the title built from those groups and the guilty frames, and where the
 * guilty frames come from.
 *
 * @param title        found anywhere in the report's text; the format whose title pattern starts earliest wins
 * @param report       when not null, must also be found; its groups (instead of {@code title}'s) feed the title
 * @param render       the title from the groups and frames
 * @param stack        where the guilty frames come from, or null when the title needs none
 * @param kind         the report kind ({@link Kind}) the format gives the event
 * @param corrupted    the format only matches what is left of a report whose header was lost
 * @param noStackTrace the report has no {@code Call Trace} by design (KCSAN, KMSAN, workqueue lockup …), so a
 *                     missing one does not make it corrupted
 * @param requires     text every match of {@code title} contains ({@link RequiredLiteral}): a report without it
 *                     is passed over without searching it
 */
record ReportFormat(Pattern title, Pattern report, Render render, Stack stack, Kind kind, boolean corrupted,
                    boolean noStackTrace, String requires) {

    /** Report kinds, as the event's {@code kind} field spells them. */
    enum Kind {
        KASAN("kasan"), KMSAN("kmsan"), KCSAN("kcsan"), KFENCE("kfence"), UBSAN("ubsan"), WARNING("warning"),
        LOCKDEP("lockdep"), HUNG_TASK("hung-task"), RCU_STALL("rcu-stall"), LOCKUP("lockup"),
        MEMORY_LEAK("memory-leak"), OOPS("oops"), GPF("gpf"), INVALID_OPCODE("invalid-opcode"), BUG("bug"),
        PANIC("panic"), REBOOT("reboot");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Builds a title from the matched groups and the guilty frames. */
    @FunctionalInterface
    interface Render {
        String title(Args args);
    }

    /** The groups of the matching pattern (1-based, "" when a group did not take part) and the guilty frames. */
    record Args(List<String> groups, List<String> frames) {

        Args {
            groups = List.copyOf(groups);
            frames = List.copyOf(frames);
        }

        String group(int i) {
            return i <= groups.size() ? groups.get(i - 1) : "";
        }

        /** The guilty frame of the i-th stack (0-based). */
        String frame(int i) {
            return i < frames.size() ? frames.get(i) : "corrupted";
        }
    }

    /** Pieces of pattern text for the formats. */
    static final class Re {
        /**
         * A function name as printed before {@code +0x…} or a clone suffix, or before the source location
         * decode_stacktrace.sh puts in place of the offset; group.
         */
        static final String FN = "(\\w+)(?:[+.]| \\([\\w/.-]+\\.[a-zA-Z]+:\\d)";
        /** An x86 / old-arm {@code [<ffffffff81234567>]} mark. */
        static final String ADDR_MARK = "\\[<?(?:0x)?\\p{XDigit}+>?\\]";
        /** {@code net/core/dev.c:1234}; group. */
        static final String SOURCE = "([\\w./-]+\\.[a-z]+:\\d+)";
        /** Any text, line breaks included, lazily: joins a header to a later line of the report. */
        static final String LATER = "(?:.*\\n)+?.*";

        private Re() {
        }
    }

    static Builder titled(String titleRegex) {
        return new Builder(Pattern.compile(titleRegex));
    }

    /** Fluent construction for the format tables. */
    static final class Builder {
        private final Pattern title;
        private Pattern report;
        private Stack stack;
        private boolean corrupted;
        private boolean noStackTrace;

        private Builder(Pattern title) {
            this.title = title;
        }

        Builder report(String regex) {
            this.report = Pattern.compile(regex);
            return this;
        }

        Builder stack(Stack stack) {
            this.stack = stack;
            return this;
        }

        Builder corrupted() {
            this.corrupted = true;
            return this;
        }

        Builder noStackTrace() {
            this.noStackTrace = true;
            return this;
        }

        ReportFormat as(Kind kind, Render render) {
            return new ReportFormat(title, report, render, stack, kind, corrupted, noStackTrace,
                    RequiredLiteral.of(title));
        }

        /** A title that is the same text whatever the report says. */
        ReportFormat as(Kind kind, String fixed) {
            return as(kind, a -> fixed);
        }
    }
}
