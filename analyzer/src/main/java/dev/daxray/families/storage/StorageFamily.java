package dev.daxray.families.storage;

import java.util.List;

import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.storage.StorageLexer;
import dev.daxray.grammar.storage.StorageParser;

/**
 * Block-layer and NVMe I/O errors of disks that are not persistent memory, as
 * {@link dev.daxray.events.IoError} events: the evidence that a filesystem shutdown came from
 * failing storage rather than from poisoned memory (corpus 041).
 */
public final class StorageFamily extends LineFamily {

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public List<String> keywords() {
        return List.of("error, dev", "Buffer I/O error", "nvme");
    }

    @Override
    protected LineParser newParser() {
        ParseDriver<StorageParser> driver = new ParseDriver<>(StorageLexer::new, StorageParser::new);
        return record -> driver.tryParse(record.body(), StorageParser::line)
                .flatMap(tree -> OutOfRange.orEmpty(() -> new StorageBuilder(record.origin()).visit(tree)));
    }
}
