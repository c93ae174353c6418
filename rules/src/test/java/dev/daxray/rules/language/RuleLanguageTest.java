package dev.daxray.rules.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daxray.rules.Ast;
import dev.daxray.rules.RuleException;
import dev.daxray.rules.RuleFormatter;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleParser;

/** The rule grammar: what must parse, what must fail, and the formatter's round trip. */
class RuleLanguageTest {

    static final Path GOOD = Path.of("src/test/resources/grammar/good");
    static final Path BAD = Path.of("src/test/resources/grammar/bad");
    static final Path SHIPPED = Path.of("src/main/resources/dev/daxray/rules");

    static Stream<Path> mustParse() throws IOException {
        return Stream.concat(files(GOOD), files(SHIPPED));
    }

    static Stream<Path> mustFail() throws IOException {
        return files(BAD);
    }

    private static Stream<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".rules")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustParse")
    void parses(Path file) throws IOException {
        Ast.RuleFile ast = new RuleParser().parse(file.toString(), Files.readString(file));
        assertEquals(file.toString().contains("empty"), ast.rules().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustFail")
    void fails(Path file) throws IOException {
        RuleException e = assertThrows(RuleException.class,
                () -> new RuleParser().parse(file.getFileName().toString(), Files.readString(file)));
        assertFalse(e.problems().isEmpty());
        e.problems().forEach(p -> assertEquals(file.getFileName().toString(), p.pos().file()));
    }

    /** text → AST → text → AST: the second tree equals the first (positions aside), the text is stable. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mustParse")
    void formatterRoundTrip(Path file) throws IOException {
        RuleParser parser = new RuleParser();
        Ast.RuleFile first = parser.parse("a", Files.readString(file));
        String text = RuleFormatter.format(first);
        Ast.RuleFile second = parser.parse("a", text);
        assertEquals(withoutPositions(first), withoutPositions(second), text);
        assertEquals(text, RuleFormatter.format(second));
    }

    /** The shipped rule files are in the canonical layout: formatting gives them back byte for byte, comments and all. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void shippedFilesAreFormatted(Path file) throws IOException {
        String text = Files.readString(file);
        assertEquals(text, RuleFormatter.format(new RuleParser().parse(file.toString(), text)));
    }

    static Stream<Path> shipped() throws IOException {
        return files(SHIPPED);
    }

    /** Comments stay where they were written: before a rule, between steps, trailing a line, at the end. */
    @Test
    void commentsSurviveFormatting() throws IOException {
        String text = Files.readString(GOOD.resolve("comments.rules"));
        Ast.RuleFile ast = new RuleParser().parse("comments.rules", text);
        assertEquals(19, ast.comments().size());
        String formatted = RuleFormatter.format(ast);
        assertEquals(text.replace("\"(?i)^failed\"\n            or pageType", "\"(?i)^failed\" or pageType"), formatted,
                "only the long step, which fits one line, is joined");
        String scrambled = "rule b {  # b's line\n    title \"t\"  # the title\n    # about severity\n    severity low\n"
                + "    group { mce }\n}\n";
        assertEquals("rule b {  # b's line\n    # about severity\n    severity low\n    group {\n        mce\n    }\n"
                + "    title \"t\"  # the title\n}\n", RuleFormatter.format(new RuleParser().parse("b.rules", scrambled)),
                "a comment moves with its clause when clauses are put in order");
    }

    static String withoutPositions(Ast.RuleFile file) {
        return file.toString().replaceAll("Pos\\[file=[^,]*, line=\\d+, column=\\d+\\]", "_");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("rule a { severity hihg group { mce } }",
                        "t.rules:1:19: unknown severity [hihg]; expected one of: critical, high, medium, low, info; did you mean [high]?"),
                Arguments.of("rule a { severity high group { mcee } }",
                        "t.rules:1:32: unknown event type [mcee]; did you mean [mce]?"),
                Arguments.of("rule a { severity high group { mce where physadr == 0x1 } }",
                        "t.rules:1:42: unknown field [physadr] of [mce]; it has: file, line, time, wall, boot, host, kernel, text,"
                                + " severity, physAddr, pfn, cpu, bank, status, message; did you mean [physAddr]?"),
                Arguments.of("rule a { severity high sequence { mce\n memory-failure } }",
                        "t.rules:1:24: rule [a] keeps partial matches but is unbounded; add 'within <duration>' or"
                                + " 'until <pattern>' after 'sequence'"),
                Arguments.of("rule a { severity high by pfn sequence within 5s { boot\n memory-failure } }",
                        "t.rules:1:52: [boot] has no field [pfn] for key [pfn]; write 'by <expression>' on the step,"
                                + " e.g. 'by physAddr >> 12'"),
                Arguments.of("rule a { severity high group { memory-failure where pfn == \"x\" } }",
                        "t.rules:1:60: field [pfn] is a hex number, not text; write a number such as 0x1850600 instead of [\"x\"]"),
                Arguments.of("rule a { severity high group { mce where message matches \"(\" } }",
                        "t.rules:1:42: bad regular expression [(]: Unclosed group near index 1"),
                Arguments.of("rule sigbus-kill { severity high group { sigbus } }\n"
                                + "rule a { severity high suppress sigbus-kil group { mce } }",
                        "t.rules:2:33: unknown kind or rule [sigbus-kil] in suppress; did you mean [sigbus-kill]?"),
                Arguments.of("rule a { severity high group { finding sigbus-kil } }",
                        "t.rules:1:40: unknown finding kind [sigbus-kil]"),
                Arguments.of("rule a { severity high group within 5s { not mce within 1s\n sigbus } }",
                        "t.rules:1:42: 'not' needs an order to follow; use 'sequence' instead of 'group' in rule [a]"),
                Arguments.of("rule a { severity high group { s: sigbus } title \"{s.com}\" }",
                        "t.rules:1:44: [sigbus] has no field [com] in [{s.com}]; did you mean [comm]?"),
                Arguments.of("rule a { severity high severity low group { mce } }",
                        "t.rules:1:24: duplicate [severity] clause in rule [a]; the first is at t.rules:1:10"),
                Arguments.of("rule a { severity high }",
                        "t.rules:1:6: rule [a] has no pattern; add 'sequence within <duration> { ... }' or 'group within <duration> { ... }'"),
                Arguments.of("rule a { severity high group { mce where bank = 3 } }",
                        "t.rules:1:47: cannot read [bank=] here\n"
                                + "t.rules:1:47: unexpected [=], expected one of: 'kind', 'severity', 'rank', 'labels', 'suppress',"
                                + " 'sequence', 'group', 'title', 'summary', 'advice', 'optional', 'count', 'finding', 'not', '}', a name"),
                Arguments.of("rule a { severity high group { } }",
                        "t.rules:1:32: unexpected [}], expected one of: 'kind', 'severity', 'rank', 'labels', 'suppress',"
                                + " 'sequence', 'group', 'title', 'summary', 'advice', 'optional', 'count', 'finding', 'not', a name\n"
                                + "t.rules:1:34: unexpected [}], expected one of: end of file, 'rule'"),
                Arguments.of("rule a { severity high group { mce } }\nrule a { severity low group { mce } }",
                        "t.rules:2:6: duplicate rule [a]; the first is at t.rules:1:6"),
                Arguments.of("rule a { severity high group { mce where message matches \"(.*a){20}Y\" } }",
                        "t.rules:1:42: regular expression [(.*a){20}] repeats a group that itself repeats [.*]: matching"
                                + " can take exponential time; make the inner repetition possessive (.*+) or the group atomic"
                                + " ((?>...)), or drop one repetition"),
                // A type error names the field's own type, whatever it is.
                Arguments.of("rule a { severity high group { probe where args == \"a\" } }", 
                        "t.rules:1:52: field [args] is a map of names to values, which rules cannot compare; test the event's line instead, e.g. text contains \"a\""),
                Arguments.of("rule a { severity high group { probe where args == 1 } }", 
                        "t.rules:1:52: field [args] is a map of names to values, which rules cannot compare; test the event's line instead, e.g. text contains \"args=\""),
                Arguments.of("rule a { severity high group { probe where args contains \"pfn\" } }", 
                        "t.rules:1:44: [contains] needs text; field [args] of [probe] is a map of names to values"),
                Arguments.of("rule a { severity high group { crash where callTrace < \"x\" } }", 
                        "t.rules:1:56: [<] and [>] compare numbers; field [callTrace] is a list of text"),
                Arguments.of("rule a { severity high group { crash where callTrace == 3 } }", 
                        "t.rules:1:57: field [callTrace] is a list of text, not a number; write a string such as \"text\" instead of [3]"),
                Arguments.of("rule a { severity high group { mce where time == \"5\" } }", 
                        "t.rules:1:50: field [time] is a time in seconds, not text; write whole seconds such as 5 instead of [\"5\"]"),
                Arguments.of("rule a { severity high group { mce where cpu == \"3\" } }", 
                        "t.rules:1:49: field [cpu] is a number, not text; write a number such as 42 instead of [\"3\"]"),
                Arguments.of("rule a { severity high group { mce where cpu == true } }", 
                        "t.rules:1:49: field [cpu] is a number, not true/false; write a number such as 42 instead of [true]"),
                Arguments.of("rule a { severity high group { mce where message == 3 } }", 
                        "t.rules:1:53: field [message] is text, not a number; write a string such as \"text\" instead of [3]"),
                Arguments.of("rule a { severity high group { mce where message == false } }", 
                        "t.rules:1:53: field [message] is text, not true/false; write a string such as \"text\" instead of [false]"),
                Arguments.of("rule a { severity high by k group within 1s { fs-dax by fields >> 12\n mce by bank } }", 
                        "t.rules:1:57: [>>] needs a whole number; field [fields] of [fs-dax] is a map of names to values"));
    }

    /** Exact messages: they are the user interface of the rule language. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorMessage(String text, String expected) {
        RuleException e = assertThrows(RuleException.class,
                () -> RuleLoader.load(List.of(new RuleLoader.RuleText("t.rules", text))));
        assertEquals(expected, e.getMessage());
    }
}
