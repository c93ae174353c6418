package dev.daxray.incidents;

import java.util.Set;

import dev.daxray.rules.Severity;

/**
 * The injection policy (rules/README.md, "Injection"): an incident that holds evidence of injection (a
 * {@code poison-injection} finding joined it) is a test, not failing hardware. It keeps its kind, says so in its
 * summary, and is at most {@code low}; a kernel crash keeps its severity, as a crash is a kernel bug whatever set
 * it off.
 */
final class Injection {

    static final String LABEL = "poison-injection";
    static final String NOTE = "injected: not a hardware fault";

    /** Kinds whose severity injection does not lower. */
    private static final Set<String> BUGS = Set.of("kernel-crash");

    private Injection() {
    }

    static boolean seen(Set<String> labels) {
        return labels.contains(LABEL);
    }

    static Severity severity(Severity primary, String kind) {
        return BUGS.contains(kind) || !primary.atLeast(Severity.LOW) ? primary : Severity.LOW;
    }

    /** The summary, with the note as its last sentence. */
    static String summary(String summary, String kind) {
        String sentence = BUGS.contains(kind)
                ? "The error was " + NOTE + "; the crash is a kernel bug all the same."
                : "The error was " + NOTE + ".";
        String s = summary.strip();
        return s.isEmpty() ? sentence : s + (".!?".indexOf(s.charAt(s.length() - 1)) >= 0 ? " " : ". ") + sentence;
    }
}
