package dev.daxray.families;

import java.util.List;
import java.util.function.Supplier;

import dev.daxray.records.LogRecord;

/**
 * A RAS tool's family whose keywords are also its anchors: phrases every line it reads outside a block
 * contains (mcelog, rasdaemon, ipmitool print fixed texts, not the kernel's varied ones).
 */
public abstract class PhraseFamily implements ToolFamily {

    private final String name;
    private final List<String> phrases;
    private final Anchors anchors;
    private final Supplier<FamilyReader> readers;

    protected PhraseFamily(String name, List<String> phrases, Supplier<FamilyReader> readers) {
        this.name = name;
        this.phrases = List.copyOf(phrases);
        this.anchors = Anchors.of(phrases.toArray(String[]::new));
        this.readers = readers;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> keywords() {
        return phrases;
    }

    @Override
    public final boolean mayRead(LogRecord record) {
        return anchors.foundIn(record.body());
    }

    @Override
    public final FamilyReader newReader() {
        return readers.get();
    }
}
