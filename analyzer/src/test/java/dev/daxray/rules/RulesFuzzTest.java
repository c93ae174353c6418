package dev.daxray.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.fuzz.Limits;

/**
 * The rule language on any text: a file either parses or fails with positioned problems (a
 * {@link RuleException}, nothing else); one that parses formats to text that parses to the same
 * canonical text again, and binds, or fails to bind, the same way before and after formatting.
 */
class RulesFuzzTest {

    @FuzzTest
    void parseBindFormat(byte[] input) {
        Limits.within(() -> {
            String text = new String(input, StandardCharsets.UTF_8);
            RuleParser parser = new RuleParser();
            Ast.RuleFile file;
            try {
                file = parser.parse("fuzz.rules", text);
            } catch (RuleException e) {
                assertFalse(e.problems().isEmpty());
                return;
            }
            String formatted = RuleFormatter.format(file);
            Ast.RuleFile again = parser.parse("fuzz.rules", formatted);
            assertEquals(formatted, RuleFormatter.format(again), "formatting is stable");
            assertEquals(binds(file), binds(again), () -> "binding changed by formatting:\n" + formatted);
        });
    }

    private static boolean binds(Ast.RuleFile file) {
        try {
            RuleBinder.bind(List.of(file));
            return true;
        } catch (RuleException e) {
            return false;
        }
    }
}
