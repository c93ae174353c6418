package dev.daxray.families.inject;

import java.util.List;

import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.inject.InjectLexer;
import dev.daxray.grammar.inject.InjectParser;

/**
 * Error injectors at work as {@link dev.daxray.events.Injector} events: EINJ and mce-inject messages, and inject
 * commands on shell or QEMU monitor prompt lines of a transcript (the grammar, {@code Inject.g4}, lists them).
 */
public final class InjectFamily extends LineFamily {

    @Override
    public String name() {
        return "inject";
    }

    @Override
    public List<String> keywords() {
        return List.of("EINJ: Error INJection", "Machine check injector", "MCE exception", "machine check poll",
                "Machine check poll", "mce inject", "mce-inject", "inject-error", "/einj/error_inject",
                "/hwpoison/corrupt-pfn", "(qemu) mce");
    }

    @Override
    protected LineParser newParser() {
        ParseMemo<InjectParser, InjectParser.LineContext> lines
                = ParseMemo.of(InjectLexer::new, InjectParser::new, InjectParser::line);
        return record -> lines.tryParse(record.body())
                .flatMap(tree -> OutOfRange.orEmpty(() -> new InjectBuilder(record.origin()).visit(tree)));
    }
}
