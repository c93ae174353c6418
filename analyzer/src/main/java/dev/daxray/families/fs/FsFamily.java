package dev.daxray.families.fs;

import java.util.List;

import dev.daxray.families.Anchors;
import dev.daxray.families.LineFamily;
import dev.daxray.families.OutOfRange;
import dev.daxray.grammar.ParseMemo;
import dev.daxray.grammar.fs.FsLexer;
import dev.daxray.grammar.fs.FsParser;
import dev.daxray.records.LogRecord;

/**
 * XFS, ext4, ext2 and erofs messages (reference §3): notify_failure, device removal, forced
 * shutdown in all three eras of XFS wording, mount / DAX / unmount, and errors.
 *
 * <p>One forced shutdown is one {@link dev.daxray.events.FsShutdown}: the line that states the
 * reason ({@code Metadata I/O Error (0x4) detected at ...}, {@code Corruption of in-memory data
 * detected.  Shutting down filesystem}, {@code Filesystem has been shut down due to log error}).
 * Its companions ({@code xfs_do_force_shutdown(0x8) called from line ...}, {@code User initiated
 * shutdown received.}, {@code Please unmount the filesystem ...}) are
 * {@link dev.daxray.events.FsError}s, so a shutdown is never counted twice; the rule engine groups
 * them by device and time.
 */
public final class FsFamily extends LineFamily {

    /**
     * Every message of {@code Fs.g4} names one of these (its keyword tokens, or the part of them all
     * variants share), and so does every error prefix; {@code erofs} lets all erofs lines through,
     * since its error prefix is any word and a colon.
     */
    static final Anchors ANCHORS = Anchors.of(
            "Device is about to be removed!", "Shutting down filesystem", "Filesystem has been shut down",
            "User initiated shutdown received.", "shut down requested", "xfs_do_force_shutdown", "Please u",
            "already frozen by kernel", "notify_failure", "DAX", "dax", "Mounting ", "Ending clean mount",
            "Starting recovery", "Ending recovery", "mounted filesystem", "mounted with root inode", "re-mounted", "nmounting ",
            "Remounting filesystem read-only",
            "error", "Error", "ERROR", "corrupt", "Corruption", "failed", "Failed", "failure", "xfs_repair",
            "erofs");

    @Override
    public String name() {
        return "fs";
    }

    @Override
    public List<String> keywords() {
        return List.of("XFS", "EXT4-fs", "EXT2-fs", "erofs");
    }

    @Override
    public boolean mayRead(LogRecord record) {
        return ANCHORS.foundIn(record.body());
    }

    @Override
    protected LineParser newParser() {
        ParseMemo<FsParser, FsParser.LineContext> lines = ParseMemo.of(FsLexer::new, FsParser::new, FsParser::line);
        return record -> lines.tryParse(record.body())
                .flatMap(tree -> OutOfRange.orEmpty(() -> new FsBuilder(record.origin()).visit(tree)));
    }
}
