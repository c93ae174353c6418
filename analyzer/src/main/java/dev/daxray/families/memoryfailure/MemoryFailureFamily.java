package dev.daxray.families.memoryfailure;

import java.util.List;
import java.util.Optional;

import dev.daxray.events.Event;
import dev.daxray.families.LineFamily;
import dev.daxray.families.fast.FastFamily;
import dev.daxray.families.fast.VerifiedFastPath;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.memoryfailure.MemoryFailureLexer;
import dev.daxray.grammar.memoryfailure.MemoryFailureParser;

/**
 * The hwpoison messages of {@code mm/memory-failure.c} in every era ({@code Memory failure:},
 * {@code MCE %#lx:}, {@code MCE:}), with the related unpoison, soft-offline and injection lines and
 * the x86 page-fault kill ({@code MCE: Killing ... fault at}).
 */
public final class MemoryFailureFamily extends LineFamily implements FastFamily {

    @Override
    public String name() {
        return "memory-failure";
    }

    @Override
    public List<String> keywords() {
        return List.of(
                "Memory failure",               // every 4.7+ line, and the panic "Memory failure on page"
                "Memory Failure: ",             // ~5.18 thp split
                "MCE ",                         // <= 4.6 "MCE %#lx: "
                "MCE: ",                        // <= 4.6 "MCE: ", x86 fault path
                "hardware memory corruption",   // GHES and "may not recovered" SIGBUS lines
                "Unpoison: ",
                "oft offline",                  // "soft offline: ", "Soft offline: "
                "soft_offline",
                "__get_any_page",
                "Injecting memory failure",
                "Soft offlining",
                "Soft-offlining");
    }

    @Override
    protected LineParser newParser() {
        return newFastPath()::parse;
    }

    /** The recovery verdict and {@code Sending SIGBUS} skip the grammar once it agreed on their shape. */
    @Override
    public VerifiedFastPath<Event> newFastPath() {
        return new VerifiedFastPath<>(new VerdictFastLine(), grammar());
    }

    private static VerifiedFastPath.Grammar<Event> grammar() {
        ParseMemo<MemoryFailureParser, MemoryFailureParser.LineContext> lines
                = ParseMemo.of(MemoryFailureLexer::new, MemoryFailureParser::new, MemoryFailureParser::line);
        return record -> {
            try {
                return lines.tryParse(record.body())
                        .map(tree -> new MemoryFailureBuilder(record.origin()).visit(tree));
            } catch (NumberFormatException tooWide) {
                // A hex value wider than 64 bits or a pid beyond int: not a line the kernel printed.
                return Optional.<Event>empty();
            }
        };
    }
}
