package dev.daxray.families.storage;

import java.util.List;

import dev.daxray.families.Anchors;
import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.storage.StorageLexer;
import dev.daxray.grammar.storage.StorageParser;
import dev.daxray.records.LogRecord;

/**
 * Block-layer and NVMe I/O errors of disks that are not persistent memory, as
 * {@link dev.daxray.events.IoError} events: the evidence that a filesystem shutdown came from
 * failing storage rather than from poisoned memory (corpus 041).
 */
public final class StorageFamily extends LineFamily {

    /**
     * Every line of {@code Storage.g4} has a block-layer {@code error, dev}, {@code Buffer I/O error},
     * an NVMe status code, or one of the words that make an nvme controller line an error; probe
     * chatter ({@code nvme nvme0: pci function ...}) has none.
     */
    static final Anchors ANCHORS = Anchors.of("error", "Error", "failed", "Failed", "failure", "abort", "Abort",
            "QID", "controller is down", "not ready", "Removing", "reset", "dead", "(sct 0x");

    @Override
    public boolean mayRead(LogRecord record) {
        return ANCHORS.foundIn(record.body());
    }

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
        ParseMemo<StorageParser, StorageParser.LineContext> lines
                = ParseMemo.of(StorageLexer::new, StorageParser::new, StorageParser::line);
        return record -> lines.tryParse(record.body())
                .flatMap(tree -> OutOfRange.orEmpty(() -> new StorageBuilder(record.origin()).visit(tree)));
    }
}
