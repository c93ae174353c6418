package dev.daxray.families.inject;

import java.util.List;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.RuleNode;

import dev.daxray.events.Event;
import dev.daxray.events.Hex;
import dev.daxray.events.Injector;
import dev.daxray.events.Origin;
import dev.daxray.grammar.Trees;
import dev.daxray.grammar.inject.InjectBaseVisitor;
import dev.daxray.grammar.inject.InjectParser;

/** Builds the {@link Injector} of one line: one visit per labelled alternative. */
final class InjectBuilder extends InjectBaseVisitor<Event> {

    private final Origin origin;

    InjectBuilder(Origin origin) {
        this.origin = origin;
    }

    @Override
    public Event visitEinjLoaded(InjectParser.EinjLoadedContext ctx) {
        return new Injector(origin, "einj", "loaded", null, null, null, null);
    }

    @Override
    public Event visitMceInjectLoaded(InjectParser.MceInjectLoadedContext ctx) {
        return new Injector(origin, "mce-inject", "loaded", null, null, null, null);
    }

    @Override
    public Event visitMceInjectStart(InjectParser.MceInjectStartContext ctx) {
        return new Injector(origin, "mce-inject", "inject", null, null, Integer.valueOf(ctx.cpu.getText()), null);
    }

    @Override
    public Event visitMceInjectDone(InjectParser.MceInjectDoneContext ctx) {
        return new Injector(origin, "mce-inject", "done", null, null, Integer.valueOf(ctx.cpu.getText()), null);
    }

    @Override
    public Event visitMceInjectTimeout(InjectParser.MceInjectTimeoutContext ctx) {
        return new Injector(origin, "mce-inject", "timeout", null, null, null, null);
    }

    @Override
    public Event visitNdctlInjectError(InjectParser.NdctlInjectErrorContext ctx) {
        return new Injector(origin, "ndctl", "inject", device(ctx.args()), null, null, command(ctx));
    }

    @Override
    public Event visitMceInjectCommand(InjectParser.MceInjectCommandContext ctx) {
        return new Injector(origin, "mce-inject", "inject", null, null, null, command(ctx));
    }

    @Override
    public Event visitEinjCommand(InjectParser.EinjCommandContext ctx) {
        return new Injector(origin, "einj", "inject", null, null, null, command(ctx));
    }

    @Override
    public Event visitCorruptPfnCommand(InjectParser.CorruptPfnCommandContext ctx) {
        return new Injector(origin, "hwpoison-inject", "inject", null, number(ctx.value.getText()), null, command(ctx));
    }

    @Override
    public Event visitQemuMce(InjectParser.QemuMceContext ctx) {
        return new Injector(origin, "qemu", "inject", null, null, null, command(ctx));
    }

    @Override
    public Event visitChildren(RuleNode node) {
        throw new IllegalStateException("unhandled injector line: " + node.getClass().getSimpleName());
    }

    /** The command without its prompt. */
    private static String command(ParserRuleContext ctx) {
        return Trees.source(ctx.getStart(), ctx.getStop()).substring(ctx.getStart().getText().length()).strip();
    }

    /** The namespace, region or dax device an {@code ndctl inject-error} command names (its one bare operand). */
    private static String device(InjectParser.ArgsContext args) {
        List<String> words = args.word().stream().map(w -> w.getText()).toList();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.matches("(namespace|region|dax|pmem)[0-9]+(\\.[0-9]+)?")) {
                return w;
            }
        }
        return null;
    }

    /** {@code corrupt-pfn} takes a number the way the kernel's kstrtoull(…, 0) reads it: 0x hex, 0 octal, decimal. */
    private static Hex number(String text) {
        try {
            return new Hex(Long.decode(text));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
