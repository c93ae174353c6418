package dev.daxray.families.printk;

import java.util.List;

import dev.daxray.events.Boot;
import dev.daxray.events.Dropped;
import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.families.LineFamily;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.printk.PrintkBaseVisitor;
import dev.daxray.grammar.printk.PrintkLexer;
import dev.daxray.grammar.printk.PrintkParser;

/** printk's own messages: the {@code Linux version} boot banner and dropped-message notices. */
public final class PrintkFamily extends LineFamily {

    @Override
    public String name() {
        return "printk";
    }

    @Override
    public List<String> keywords() {
        return List.of("Linux version ", "printk messages dropped");
    }

    @Override
    protected LineParser newParser() {
        ParseMemo<PrintkParser, PrintkParser.MessageContext> lines
                = ParseMemo.of(PrintkLexer::new, PrintkParser::new, PrintkParser::message);
        return record -> lines.tryParse(record.body())
                .map(tree -> new Builder(record.origin()).visit(tree));
    }

    private static final class Builder extends PrintkBaseVisitor<Event> {
        private final Origin origin;

        Builder(Origin origin) {
            this.origin = origin;
        }

        @Override
        public Event visitBanner(PrintkParser.BannerContext ctx) {
            return new Boot(origin, ctx.release.getText());
        }

        @Override
        public Event visitDropped(PrintkParser.DroppedContext ctx) {
            return new Dropped(origin, Long.parseLong(ctx.count.getText()));
        }
    }
}
