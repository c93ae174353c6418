package dev.daxray.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule regexes: what is refused when rules are bound, and the step budget at match time. */
class BoundedRegexTest {

    /** Every pattern the shipped rules use, and ordinary shapes: accepted. */
    @ParameterizedTest
    @ValueSource(strings = {"(?i)dax", "(?i)^(ue|uncorrect|fatal|deferred)", "(?i)bad ?(range|block)", ".",
            "^pmem_(do_bvec|rw_page|submit_bio|dax_direct_access)", "notify_failure$", "(?i)^(recovered|delayed)$",
            "(?i)dax\\s+page", "[a-z]+[0-9]*", "(ab)+", "(a|b){2,5}", "(.*+a){20}Y", "(?>.*a){20}Y", "(?<n>a+)b",
            "[(]+[)]*", "\\Q(a+)+\\E", "(?i:x+)y", "(a+)?", "a{1000}"})
    void accepted(String regex) {
        assertEquals(Optional.empty(), BoundedRegex.check(regex));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(.*a){20}Y | 0 | [(.*a){20}] repeats a group that itself repeats [.*]",
            "(a+)+ | 0 | [(a+)+] repeats a group that itself repeats [a+]",
            "x(y?)* | 1 | [(y?)*] repeats a group that itself repeats [y?]",
            "((a+)b)* | 0 | [((a+)b)*] repeats a group that itself repeats [a+]",
            "(?:a{1,3})* | 0 | repeats [a{1,3}]",
            "((a+)?)+ | 0 | repeats [(a+)?]",
            "a{1001} | 1 | repetition count in [{1001}] above 1000"})
    void refused(String regex, int index, String reason) {
        BoundedRegex.Refusal refusal = BoundedRegex.check(regex).orElseThrow();
        assertEquals(index, refusal.index());
        assertTrue(refusal.reason().contains(reason), refusal.reason());
    }

    @Test
    void tooLong() {
        assertTrue(BoundedRegex.check("a".repeat(513)).orElseThrow().reason().contains("longer than 512"));
    }

    /** What the static check lets through (ambiguous alternatives) gives up on its budget, quickly. */
    @Test
    void giveUpInsteadOfStalling() {
        BoundedRegex regex = BoundedRegex.compile("(a|aa)*c");
        String text = "a".repeat(5_000) + "b";
        boolean found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> regex.find(text));
        assertFalse(found);
        assertEquals(1, regex.abandoned());
        assertTrue(regex.find("aaac"));
        assertEquals(1, regex.abandoned());
    }

    /** An ordinary test on a long message stays within the budget. */
    @Test
    void ordinaryPatternsOnLongTextFinish() {
        BoundedRegex regex = BoundedRegex.compile("(?i)uncorrect|deferred|fatal|recoverable");
        assertTrue(regex.find("x".repeat(200_000) + " Deferred"));
        assertEquals(0, regex.abandoned());
    }
}
