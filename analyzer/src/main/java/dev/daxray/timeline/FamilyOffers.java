package dev.daxray.timeline;

import java.util.List;
import java.util.function.Consumer;

import dev.daxray.events.Event;
import dev.daxray.families.Family;
import dev.daxray.families.FamilyReader;
import dev.daxray.families.ToolFamily;
import dev.daxray.records.LogRecord;

/**
 * The families' readers of one input, and how a record is offered to them: to the open multi-line
 * blocks first, then to the families whose keywords it has (a bit mask in family order) and whose
 * anchors it passes; the first reader that takes it wins.
 */
final class FamilyOffers {

    private final List<Family> families;
    private final FamilyReader[] readers;
    private final long all;
    private final long tools;
    /** Whether some family has a multi-line block open; it changes only when a record is offered. */
    private boolean blockOpen;

    FamilyOffers(List<Family> families) {
        this.families = families;
        this.readers = new FamilyReader[families.size()];
        long toolMask = 0;
        for (int i = 0; i < readers.length; i++) {
            readers[i] = families.get(i).newReader();
            toolMask |= families.get(i) instanceof ToolFamily ? 1L << i : 0;
        }
        this.all = families.size() == 64 ? -1L : (1L << families.size()) - 1;
        this.tools = toolMask;
    }

    /** Every family. */
    long all() {
        return all;
    }

    /** The families that read user-space tools' output: the only ones a non-kernel journal entry goes to. */
    long tools() {
        return tools;
    }

    boolean blockOpen() {
        return blockOpen;
    }

    /** Offers a record to the open blocks, then to the families in {@code mask}; true when one read it. */
    boolean offer(LogRecord record, long mask, Consumer<Event> sink) {
        return offer(record, mask, all, sink);
    }

    /** The same, among the {@code allowed} families only (open blocks included). */
    boolean offer(LogRecord record, long mask, long allowed, Consumer<Event> sink) {
        try {
            long offered = 0;
            for (int i = 0; i < readers.length; i++) {
                if (readers[i].inBlock() && (allowed & 1L << i) != 0) {
                    offered |= 1L << i;
                    if (readers[i].offer(record, sink)) {
                        return true;
                    }
                }
            }
            long pending = mask & allowed & ~offered;
            while (pending != 0) {
                int i = Long.numberOfTrailingZeros(pending);
                pending &= pending - 1;
                if (families.get(i).mayRead(record) && readers[i].offer(record, sink)) {
                    return true;
                }
            }
            return false;
        } finally {
            blockOpen = anyInBlock();
        }
    }

    /** True when every family in {@code mask} rules the record out by its anchors. */
    boolean ruledOut(long mask, LogRecord record) {
        for (long pending = mask; pending != 0; pending &= pending - 1) {
            if (families.get(Long.numberOfTrailingZeros(pending)).mayRead(record)) {
                return false;
            }
        }
        return true;
    }

    /** Ends every open block (a new boot, the end of the input). */
    void finish(Consumer<Event> sink) {
        for (FamilyReader reader : readers) {
            reader.finish(sink);
        }
        blockOpen = false;
    }

    private boolean anyInBlock() {
        for (FamilyReader reader : readers) {
            if (reader.inBlock()) {
                return true;
            }
        }
        return false;
    }
}
