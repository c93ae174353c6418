package dev.daxray.families.edac;

import java.util.List;
import java.util.Optional;

import dev.daxray.events.Event;
import dev.daxray.families.Anchors;
import dev.daxray.families.LineFamily;
import dev.daxray.families.fast.FastFamily;
import dev.daxray.families.fast.VerifiedFastPath;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.edac.EdacLexer;
import dev.daxray.grammar.edac.EdacParser;
import dev.daxray.records.LogRecord;

/**
 * EDAC memory-controller error counts ({@code EDAC MC%d: %d CE|UE ...}) and the
 * {@code edac_mc_panic_on_ue} panic. Driver banners and driver-specific lines are not events.
 */
public final class EdacFamily extends LineFamily implements FastFamily {

    /** Every line of {@code Edac.g4} has the page / offset / grain triple; driver banners have none. */
    static final Anchors ANCHORS = Anchors.of("grain:");

    @Override
    public boolean mayRead(LogRecord record) {
        return ANCHORS.foundIn(record.body());
    }

    @Override
    public String name() {
        return "edac";
    }

    @Override
    public List<String> keywords() {
        return List.of("EDAC ", "not syncing: UE ");
    }

    @Override
    protected LineParser newParser() {
        return newFastPath()::parse;
    }

    /** Counted error lines of the common shape skip the grammar once it agreed on their shape. */
    @Override
    public VerifiedFastPath<Event> newFastPath() {
        return new VerifiedFastPath<>(new EdacFastLine(), grammar());
    }

    private static VerifiedFastPath.Grammar<Event> grammar() {
        ParseMemo<EdacParser, EdacParser.LineContext> lines
                = ParseMemo.of(EdacLexer::new, EdacParser::new, EdacParser::line);
        return record -> {
            try {
                return lines.tryParse(record.body())
                        .map(tree -> new EdacBuilder(record.origin()).visit(tree));
            } catch (NumberFormatException tooWide) {
                // A hex value wider than 64 bits or a count beyond int: not a line the kernel printed.
                return Optional.<Event>empty();
            }
        };
    }
}
