package dev.daxray.grammar;

import java.util.Optional;
import java.util.function.Function;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;

/**
 * Parses texts with one entry rule of a grammar, like {@link ParseDriver#tryParse}, and remembers the
 * trees of the last texts it parsed: a storm repeats its lines verbatim (the same oops frames,
 * {@code Machine check events logged}, a file system's shutdown notice for each of a thousand pages), and
 * a text met again costs a hash lookup instead of a lexer and parser run. For a family's message bodies;
 * not for lines that carry a timestamp (envelopes, trace lines), which never repeat.
 *
 * <p>Direct-mapped: {@value #SLOTS} slots, a new text takes its slot's place, so the memory is bounded
 * and the memo follows the input when the storm changes. Texts longer than {@value #MAX_TEXT} characters
 * are not kept (their trees are large and seldom repeat). Rejections are remembered too. Sound because a
 * parse is a function of the text: the grammars have no predicates or members, and a tree does not refer
 * to the lexer or parser that made it. Callers must not change the trees. Not thread-safe, like the driver.
 *
 * @param <P> the generated parser
 * @param <T> the entry rule's tree
 */
public final class ParseMemo<P extends Parser, T extends ParserRuleContext> {

    static final int SLOTS = 256;
    static final int MAX_TEXT = 400;

    private record Slot<T>(String text, Optional<T> tree) {
    }

    private final ParseDriver<P> driver;
    private final Function<P, T> entry;
    @SuppressWarnings("unchecked")
    private final Slot<T>[] slots = new Slot[SLOTS];
    private long hits;

    private ParseMemo(ParseDriver<P> driver, Function<P, T> entry) {
        this.driver = driver;
        this.entry = entry;
    }

    /** A memo over a new driver of the grammar that {@code lexer} and {@code parser} make, entered at {@code entry}. */
    public static <P extends Parser, T extends ParserRuleContext> ParseMemo<P, T> of(
            Function<CharStream, ? extends Lexer> lexer, Function<TokenStream, P> parser, Function<P, T> entry) {
        return new ParseMemo<>(new ParseDriver<>(lexer, parser), entry);
    }

    /** The tree of {@code text}, or empty when the text is not in the language; possibly one made before. */
    public Optional<T> tryParse(String text) {
        int index = index(text);
        Slot<T> slot = slots[index];
        if (slot != null && slot.text.equals(text)) {
            hits++;
            return slot.tree;
        }
        Optional<T> tree = driver.tryParse(text, entry);
        if (text.length() <= MAX_TEXT) {
            slots[index] = new Slot<>(text, tree);
        }
        return tree;
    }

    /** Texts answered from memory, not by the parser (for tests). */
    public long remembered() {
        return hits;
    }

    private static int index(String text) {
        int h = text.hashCode();
        return (h ^ h >>> 16) & (SLOTS - 1);
    }
}
