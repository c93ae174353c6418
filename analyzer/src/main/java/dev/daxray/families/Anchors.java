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
public record Anchors(List<String> phrases, List<String> leads) {

    public Anchors {
        phrases = List.copyOf(phrases);
        leads = List.copyOf(leads);
    }

    /** Anchors that are phrases found anywhere in the message. */
    public static Anchors of(String... phrases) {
        return new Anchors(List.of(phrases), List.of());
    }

    /** These anchors, and also any message that starts with one of {@code leads} (after blanks). */
    public Anchors orLeading(List<String> leads) {
        List<String> all = new java.util.ArrayList<>(this.leads);
        all.addAll(leads);
        return new Anchors(phrases, all);
    }

    /** True when {@code text} contains one of the phrases or starts with a lead, so that the grammar may read it. */
    public boolean foundIn(String text) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        int start = 0;
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\u00a0')) {
            start++;
        }
        for (String lead : leads) {
            if (text.startsWith(lead, start)) {
                return true;
            }
        }
        return false;
    }
}
