package dev.daxray.families.pat;

import java.util.List;

import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.pat.PatLexer;
import dev.daxray.grammar.pat.PatParser;

/** x86/PAT memory-type complaints as {@link dev.daxray.events.PatConflict} events (corpus 032, 005). */
public final class PatFamily extends LineFamily {

    @Override
    public String name() {
        return "pat";
    }

    @Override
    public List<String> keywords() {
        return List.of("x86/PAT");
    }

    @Override
    protected LineParser newParser() {
        ParseMemo<PatParser, PatParser.LineContext> lines
                = ParseMemo.of(PatLexer::new, PatParser::new, PatParser::line);
        return record -> lines.tryParse(record.body())
                .flatMap(tree -> OutOfRange.orEmpty(() -> new PatBuilder(record.origin()).visit(tree)));
    }
}
