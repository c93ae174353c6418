package dev.daxray.families.printk;

import java.util.List;
import java.util.Optional;

import dev.daxray.events.Boot;
import dev.daxray.families.LineFamily;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.printk.BannerLexer;
import dev.daxray.grammar.printk.BannerParser;

/** The {@code Linux version} boot banner. */
public final class BannerFamily extends LineFamily {

    @Override
    public String name() {
        return "banner";
    }

    @Override
    public List<String> keywords() {
        return List.of("Linux version ");
    }

    @Override
    protected LineParser newParser() {
        ParseDriver<BannerParser> driver = new ParseDriver<>(BannerLexer::new, BannerParser::new);
        return record -> driver.tryParse(record.body(), BannerParser::banner)
                .map(tree -> new Boot(record.origin(), tree.release.getText()));
    }
}
