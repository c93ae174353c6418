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
        // "nvme nvme0: ..." (controller) and "(sct 0x2 / sc 0x81)" (command status), not every line
        // that mentions an nvme device: irq names and mount messages ("nvme0q3", "EXT4-fs (nvme0n1p2)")
        // are common chatter and would send those lines to the parser for nothing.
        return List.of("error, dev", "Buffer I/O error", "nvme nvme", "(sct 0x");
    }

    @Override
    protected LineParser newParser() {
        ParseDriver<StorageParser> driver = new ParseDriver<>(StorageLexer::new, StorageParser::new);
        return record -> driver.tryParse(record.body(), StorageParser::line)
                .flatMap(tree -> OutOfRange.orEmpty(() -> new StorageBuilder(record.origin()).visit(tree)));
    }
}
