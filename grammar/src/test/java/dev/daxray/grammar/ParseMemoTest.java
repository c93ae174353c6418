package dev.daxray.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.daxray.grammar.pat.PatLexer;
import dev.daxray.grammar.pat.PatParser;

/** A memo answers a text it parsed lately from memory, and only that; what it answers is what the parser says. */
class ParseMemoTest {

    private static final String CONFLICT =
            "x86/PAT: fsdax_poison_v1:5018 conflicting memory types 1850600000-1850601000  uncached-minus<->write-back";
    private static final String RESERVE =
            "x86/PAT: memtype_reserve failed [mem 0x1850602000-0x1850602fff], track uncached-minus, req uncached-minus";

    private final ParseMemo<PatParser, PatParser.LineContext> memo =
            ParseMemo.of(PatLexer::new, PatParser::new, PatParser::line);

    @Test
    void aRepeatedTextIsAnsweredFromMemoryWithTheSameTree() {
        PatParser.LineContext first = memo.tryParse(CONFLICT).orElseThrow();
        PatParser.LineContext again = memo.tryParse(new String(CONFLICT)).orElseThrow();

        assertSame(first, again);
        assertEquals(1, memo.remembered());
        assertEquals("fsdax_poison_v1", assertInstanceOf(PatParser.ConflictContext.class, again).comm.getText());
    }

    @Test
    void aTreeReadsTheSameAfterOtherTextsWereParsed() {
        PatParser.LineContext conflict = memo.tryParse(CONFLICT).orElseThrow();
        memo.tryParse(RESERVE);
        assertEquals("1850600000-1850601000", ((PatParser.ConflictContext) conflict).range.getText());
        PatParser.LineContext again = memo.tryParse(CONFLICT).orElseThrow();
        assertEquals("1850600000-1850601000", ((PatParser.ConflictContext) again).range.getText());
    }

    @Test
    void aRejectedTextIsRememberedAsRejected() {
        assertTrue(memo.tryParse("x86/PAT: nothing we know").isEmpty());
        assertTrue(memo.tryParse("x86/PAT: nothing we know").isEmpty());
        assertEquals(1, memo.remembered());
    }

    @Test
    void anotherTextIsParsed() {
        PatParser.LineContext conflict = memo.tryParse(CONFLICT).orElseThrow();
        PatParser.LineContext reserve = memo.tryParse(RESERVE).orElseThrow();

        assertNotSame(conflict, reserve);
        assertInstanceOf(PatParser.ReserveFailedContext.class, reserve);
        assertEquals(0, memo.remembered());
    }

    @Test
    void aLongTextIsNotKept() {
        String longLine = CONFLICT + " ".repeat(ParseMemo.MAX_TEXT);
        assertTrue(memo.tryParse(longLine).isPresent());
        assertTrue(memo.tryParse(longLine).isPresent());
        assertEquals(0, memo.remembered());
    }

    @Test
    void theMemoryIsBoundedAndFollowsTheInput() {
        PatParser.LineContext old = memo.tryParse(CONFLICT).orElseThrow();
        for (int i = 0; i < 10 * ParseMemo.SLOTS; i++) {
            memo.tryParse("x86/PAT: task:" + i + " conflicting memory types 1000-2000 a<->b");
        }
        assertEquals(0, memo.remembered());
        PatParser.LineContext last = memo.tryParse(CONFLICT).orElseThrow();
        assertNotSame(old, last, "forgotten after thousands of other texts");
        assertSame(last, memo.tryParse(CONFLICT).orElseThrow());
        assertEquals(1, memo.remembered());
    }
}
