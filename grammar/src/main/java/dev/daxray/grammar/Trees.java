package dev.daxray.grammar;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Small helpers for builders that read parse trees. */
public final class Trees {

    private Trees() {
    }

    /** The original text a rule matched, white space included (unlike {@code getText()}). */
    public static String source(ParserRuleContext ctx) {
        if (ctx == null || ctx.start == null || ctx.stop == null || ctx.stop.getStopIndex() < ctx.start.getStartIndex()) {
            return "";
        }
        return ctx.start.getInputStream().getText(Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
    }

    /** The original text from the start of {@code from} to the end of {@code to}, inclusive. */
    public static String source(Token from, Token to) {
        if (from == null || to == null || to.getStopIndex() < from.getStartIndex()) {
            return "";
        }
        return from.getInputStream().getText(Interval.of(from.getStartIndex(), to.getStopIndex()));
    }

    /** The original text from the start of {@code from} to the end of the input. */
    public static String rest(Token from) {
        int end = from.getInputStream().size() - 1;
        if (from.getType() == Token.EOF || end < from.getStartIndex()) {
            return "";
        }
        return from.getInputStream().getText(Interval.of(from.getStartIndex(), end));
    }

    /** The text of a terminal, or null when it is absent. */
    public static String text(TerminalNode node) {
        return node == null ? null : node.getText();
    }

    /** The text of a token, or null when it is absent. */
    public static String text(Token token) {
        return token == null ? null : token.getText();
    }
}
