package dev.daxray.families;

import java.util.List;

/**
 * Literal phrases of which every message a grammar reads contains at least one: a cheap test that
 * spares the parser the lines it would reject anyway. A failing ANTLR parse (SLL, then LL, then an
 * exception) costs several times a successful one, and a family keyword such as {@code EXT4-fs}
 * also prefixes chatter ({@code re-mounted ...}) that can make up a large part of a fleet's logs.
 *
 * <p>Anchors must be necessary conditions, never sufficient ones: a phrase the grammar needs, or a
 * part of it. Missing one loses events, so each family's tests run every reference line through
 * the anchors and the grammar together.
 */
public record Anchors(List<String> phrases) {

    public Anchors {
        phrases = List.copyOf(phrases);
    }

    public static Anchors of(String... phrases) {
        return new Anchors(List.of(phrases));
    }

    /** True when {@code text} contains one of the phrases, so that the grammar may read it. */
    public boolean foundIn(String text) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
