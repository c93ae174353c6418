package dev.daxray.families.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Vocabulary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daxray.events.DeviceRemove;
import dev.daxray.events.Event;
import dev.daxray.events.FsError;
import dev.daxray.events.FsMount;
import dev.daxray.events.FsNotifyFailure;
import dev.daxray.events.FsShutdown;
import dev.daxray.events.FsUnmount;
import dev.daxray.events.Hex;
import dev.daxray.families.FamilyTester;
import dev.daxray.families.HwCorpus;
import dev.daxray.grammar.fs.FsLexer;

class FsFamilyTest {

    private final FsFamily family = new FsFamily();

    private <E extends Event> E one(Class<E> type, String line) {
        return FamilyTester.one(type, family, line);
    }

    // --- notify_failure and device removal (§3.1) ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[ 10.0] XFS (pmem0): filesystem is not ready for notify_failure()!|filesystem is not ready for notify_failure()!",
            "[ 10.0] XFS (pmem0): notify_failure() not supported on realtime device!|notify_failure() not supported on realtime device!",
            "[ 10.0] XFS (pmem0): notify_failure() needs rmapbt enabled!|notify_failure() needs rmapbt enabled!",
            "[ 10.0] XFS (pmem0): ondisk log corrupt, shutting down fs!|ondisk log corrupt, shutting down fs!",
            "[ 10.0] XFS (pmem0): already frozen by kernel, err=-16|already frozen by kernel, err=-16",
            "[ 10.0] XFS (pmem0): still frozen after notify failure, err=-22|still frozen after notify failure, err=-22",
            "[ 10.0] XFS (pmem0): xfs_dax_notify_failure: something new|xfs_dax_notify_failure: something new"})
    void readsNotifyFailureMessages(String line, String message) {
        FsNotifyFailure e = one(FsNotifyFailure.class, line);
        assertEquals("xfs", e.fs());
        assertEquals("pmem0", e.device());
        assertEquals(message, e.message());
    }

    @Test
    void readsDeviceRemoval() {
        DeviceRemove e = one(DeviceRemove.class, "[ 4410.120031] XFS (pmem0): Device is about to be removed!");
        assertEquals("pmem0", e.device());
        assertEquals("xfs", e.fs());
        assertEquals("Device is about to be removed!", e.message());
    }

    // --- forced shutdown, three eras (§3.2) ---

    @Test
    void readsTheModernShutdownLineFromTheNotifyFailurePath() {
        FsShutdown e = one(FsShutdown.class, "[ 4410.121391] XFS (pmem0): Metadata I/O Error (0x4) detected at "
                + "xfs_dax_notify_failure+0x2b1/0x4d0 [xfs] (fs/xfs/xfs_notify_failure.c:312).  Shutting down filesystem.");
        assertEquals("xfs", e.fs());
        assertEquals("pmem0", e.device());
        assertEquals("Metadata I/O Error", e.reason());
        assertEquals(new Hex(4), e.flags());
        assertEquals("xfs_dax_notify_failure", e.function());
        assertEquals("Metadata I/O Error (0x4) detected at xfs_dax_notify_failure+0x2b1/0x4d0 [xfs] "
                + "(fs/xfs/xfs_notify_failure.c:312).  Shutting down filesystem.", e.message());
    }

    @Test
    void readsTheShutdownOfCorpus041() {
        FsShutdown e = one(FsShutdown.class, "[88224.058055] XFS (dm-4): Metadata I/O Error (0x1) detected at "
                + "xfs_trans_read_buf_map+0x159/0x300 [xfs] (fs/xfs/xfs_trans_buf.c:296).  Shutting down filesystem.");
        assertEquals("dm-4", e.device());
        assertEquals(new Hex(1), e.flags());
        assertEquals("xfs_trans_read_buf_map", e.function());
    }

    @Test
    void readsAShutdownFromABuiltInXfs() {
        FsShutdown e = one(FsShutdown.class, "[43905.689666] XFS (loop7): Corruption of in-memory data (0x8) detected at "
                + "xfs_trans_cancel+0x151/0x1f0 (fs/xfs/xfs_trans.c:1098).  Shutting down filesystem.");
        assertEquals("Corruption of in-memory data", e.reason());
        assertEquals(new Hex(8), e.flags());
        assertEquals("xfs_trans_cancel", e.function());
        assertEquals("loop7", e.device());
    }

    @Test
    void readsThe514Wording() {
        FsShutdown log = one(FsShutdown.class, "[  10.0] XFS (sdb1): Log I/O error (0x2) detected at "
                + "xlog_ioend_work+0x6e/0x70 [xfs] (fs/xfs/xfs_log.c:1250). Shutting down filesystem");
        assertEquals("Log I/O error", log.reason());
        assertEquals(new Hex(2), log.flags());
        assertEquals("xlog_ioend_work", log.function());
        FsShutdown user = one(FsShutdown.class,
                "[  10.0] XFS (sdb1): User initiated shutdown (0x4) received. Shutting down filesystem");
        assertEquals("User initiated shutdown", user.reason());
        assertEquals(new Hex(4), user.flags());
        assertNull(user.function());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[  417.220205] XFS (dm-0): Corruption of in-memory data detected.  Shutting down filesystem|Corruption of in-memory data",
            "[  417.220205] XFS (dm-0): Log I/O Error Detected.  Shutting down filesystem|Log I/O Error",
            "[  417.220205] XFS (dm-0): I/O Error Detected. Shutting down filesystem|I/O Error",
            "[  417.220205] XFS (dm-0): All device paths lost.  Shutting down filesystem|All device paths lost",
            "[  417.220205] XFS (dm-0): User initiated shutdown received. Shutting down filesystem|User initiated shutdown"})
    void readsTheOldWording(String line, String reason) {
        FsShutdown e = one(FsShutdown.class, line);
        assertEquals("dm-0", e.device());
        assertEquals(reason, e.reason());
        assertNull(e.flags());
        assertNull(e.function());
    }

    @Test
    void readsTheLogLayerShutdown() {
        FsShutdown e = one(FsShutdown.class,
                "[   74.526022] XFS (loop0): Filesystem has been shut down due to log error (0x2).");
        assertEquals("log error", e.reason());
        assertEquals(new Hex(2), e.flags());
        assertEquals("loop0", e.device());
        assertEquals("Filesystem has been shut down due to log error (0x2).", e.message());
    }

    @Test
    void readsAnExt4Shutdown() {
        FsShutdown e = one(FsShutdown.class, "[  50.0] EXT4-fs (pmem0): shut down requested (2)");
        assertEquals("ext4", e.fs());
        assertEquals("shut down requested", e.reason());
        assertEquals(new Hex(2), e.flags());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[  417.220203] XFS (dm-0): xfs_do_force_shutdown(0x8) called from line 1393 of file fs/xfs/xfs_buf.c.  Return address = 0xffffffffc06aadd7|dm-0|xfs_do_force_shutdown(0x8) called from line 1393 of file fs/xfs/xfs_buf.c.  Return address = 0xffffffffc06aadd7",
            "[ 4410.121388] XFS (pmem0): User initiated shutdown received.|pmem0|User initiated shutdown received.",
            "[  417.220897] XFS (dm-0): Please umount the filesystem and rectify the problem(s)|dm-0|Please umount the filesystem and rectify the problem(s)",
            "[88224.058638] XFS (dm-4): Please unmount the filesystem and rectify the problem(s)|dm-4|Please unmount the filesystem and rectify the problem(s)",
            "[   74.526030] XFS (loop0): Please unmount the filesystem and rectify the problem(s).|loop0|Please unmount the filesystem and rectify the problem(s).",
            "[88224.056721] XFS (dm-4): Metadata CRC error detected at xfs_agfl_read_verify+0xa5/0x120 [xfs], xfs_agfl block 0xeb6f603|dm-4|Metadata CRC error detected at xfs_agfl_read_verify+0xa5/0x120 [xfs], xfs_agfl block 0xeb6f603",
            "[  10.0] XFS (sda1): Metadata corruption detected at xfs_dinode_verify+0x1c/0x50 [xfs], inode 0x83 dinode|sda1|Metadata corruption detected at xfs_dinode_verify+0x1c/0x50 [xfs], inode 0x83 dinode",
            "[88224.057319] XFS (dm-4): Unmount and run xfs_repair|dm-4|Unmount and run xfs_repair",
            "[88224.064059] XFS (dm-4): Corruption detected. Unmount and run xfs_repair|dm-4|Corruption detected. Unmount and run xfs_repair",
            "[88224.057328] XFS (dm-4): First 128 bytes of corrupted metadata buffer:|dm-4|First 128 bytes of corrupted metadata buffer:",
            "[88224.057473] XFS (dm-4): metadata I/O error in \"xfs_alloc_read_agfl+0x9b/0x100 [xfs]\" at daddr 0xeb6f603 len 1 error 74|dm-4|metadata I/O error in \"xfs_alloc_read_agfl+0x9b/0x100 [xfs]\" at daddr 0xeb6f603 len 1 error 74",
            "[88224.058662] XFS (dm-4): Internal error xfs_rmap_recover_work at line 544 of file fs/xfs/xfs_rmap_item.c.  Caller xfs_defer_finish_recovery+0x21/0x90 [xfs]|dm-4|Internal error xfs_rmap_recover_work at line 544 of file fs/xfs/xfs_rmap_item.c.  Caller xfs_defer_finish_recovery+0x21/0x90 [xfs]",
            "[88224.064066] XFS (dm-4): Failed to recover intents|dm-4|Failed to recover intents",
            "[88224.064169] XFS (dm-4): log mount finish failed|dm-4|log mount finish failed",
            "[  10.0] XFS (pmem0): log I/O error -5|pmem0|log I/O error -5",
            "[  10.0] XFS (dm-1): log mount/recovery failed: error -117|dm-1|log mount/recovery failed: error -117"})
    void readsXfsErrorsAndShutdownCompanions(String line, String device, String message) {
        FsError e = one(FsError.class, line);
        assertEquals("xfs", e.fs());
        assertEquals(device, e.device());
        assertEquals(message, e.message());
    }

    // --- mount and DAX (§3.3, §3.4) ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "[  857.976080] XFS (pmem0): DAX enabled. Warning: EXPERIMENTAL, use at your own risk|xfs|pmem0|enabled|-",
            "[  857.985038] XFS (pmem0): Mounting V5 Filesystem e50966df-cb79-4d0c-9600-17be31022868|xfs|pmem0|-|e50966df-cb79-4d0c-9600-17be31022868",
            "[91878.417443] XFS (pmem0p2): Mounting V5 Filesystem|xfs|pmem0p2|-|-",
            "[  10.0] XFS (sdb): Mounting V5 filesystem 0c6b5bc2-ae40-4a1c-a3c3-bc1b0e2b1c3a in no-recovery mode. Filesystem will be inconsistent.|xfs|sdb|-|0c6b5bc2-ae40-4a1c-a3c3-bc1b0e2b1c3a",
            "[  858.005751] XFS (pmem0): Ending clean mount|xfs|pmem0|-|-",
            "[88222.632954] XFS (dm-4): Starting recovery (logdev: internal)|xfs|dm-4|-|-",
            "[88224.064069] XFS (dm-4): Ending recovery (logdev: internal)|xfs|dm-4|-|-",
            "[  10.0] XFS (pmem1): DAX unsupported by block device. Turning off DAX.|xfs|pmem1|unsupported|-",
            "[  10.0] XFS (pmem1): DAX not supported for blocksize. Turning off DAX.|xfs|pmem1|unsupported|-",
            "[  10.0] XFS (pmem1): DAX and reflink cannot be used together!|xfs|pmem1|unsupported|-",
            "[25303.020816] EXT4-fs (pmem0): DAX enabled. Warning: EXPERIMENTAL, use at your own risk|ext4|pmem0|enabled|-",
            "[   41.220113] EXT4-fs (pmem1): DAX unsupported by block device.|ext4|pmem1|unsupported|-",
            "[   41.220113] EXT4-fs (pmem1): Cannot use DAX on a filesystem that may contain inline data|ext4|pmem1|unsupported|-",
            "[   41.220113] EXT4-fs (pmem1): unsupported blocksize for DAX|ext4|pmem1|unsupported|-",
            "[   41.220113] EXT4-fs (pmem1): can't mount with both data=journal and dax|ext4|pmem1|unsupported|-",
            "[    0.737679] EXT4-fs (pmem0p1): mounted filesystem 79676804-7c8b-491a-b2a6-9bae3c72af70 ro with ordered data mode. Quota mode: disabled.|ext4|pmem0p1|-|79676804-7c8b-491a-b2a6-9bae3c72af70",
            "[    5.0] EXT4-fs (sda1): mounted filesystem with ordered data mode. Opts: (null)|ext4|sda1|-|-",
            "[   10.0] EXT4-fs (sda1): re-mounted. Opts: errors=remount-ro|ext4|sda1|-|-",
            "[   10.0] EXT4-fs (sda1): re-mounted. Opts: (null). Quota mode: none.|ext4|sda1|-|-",
            "[    1.0] EXT4-fs (nvme0n1p2): re-mounted 1234abcd-3b1d-4e57-9a0c-2d8e4f6b1a93 r/w. Quota mode: none.|ext4|nvme0n1p2|-|1234abcd-3b1d-4e57-9a0c-2d8e4f6b1a93",
            "[   30.0] EXT2-fs (pmem2): DAX enabled. Warning: DAX support in ext2 driver is deprecated and will be removed at the end of 2025. Please use ext4 driver instead.|ext2|pmem2|enabled|-",
            "[    2.0] erofs (device pmem0): mounted with root inode @ nid 36.|erofs|pmem0|-|-",
            "[    2.0] erofs: (device pmem0): mounted with root inode @ nid 36.|erofs|pmem0|-|-",
            "[    2.0] erofs: DAX unsupported by block device. Turning off DAX.|erofs|-|unsupported|-"})
    void readsMountMessages(String line, String fs, String device, String dax, String uuid) {
        FsMount e = one(FsMount.class, line);
        assertEquals(fs, e.fs());
        assertEquals(device, e.device());
        assertEquals(dax, e.dax());
        assertEquals(uuid, e.uuid());
        assertTrue(line.endsWith(e.message()), e.message());
    }

    @Test
    void readsUnmounts() {
        FsUnmount xfs = one(FsUnmount.class,
                "[ 1538.717051] XFS (pmem0): Unmounting Filesystem dd16c11a-078c-4740-ad8c-c87d48258622 ");
        assertEquals("xfs", xfs.fs());
        assertEquals("pmem0", xfs.device());
        assertEquals("dd16c11a-078c-4740-ad8c-c87d48258622", xfs.uuid());
        FsUnmount old = one(FsUnmount.class, "[   76.403161] XFS (dm-0): Unmounting Filesystem");
        assertNull(old.uuid());
        FsUnmount ext4 = one(FsUnmount.class,
                "[   99.0] EXT4-fs (pmem0p1): unmounting filesystem 79676804-7c8b-491a-b2a6-9bae3c72af70.");
        assertEquals("ext4", ext4.fs());
        assertEquals("79676804-7c8b-491a-b2a6-9bae3c72af70", ext4.uuid());
    }

    // --- ext4 / ext2 / erofs errors ---

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[  20.0] EXT4-fs error (device sda1): ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0|ext4|sda1|ext4_find_entry:1455: inode #2: comm ls: reading directory lblock 0",
            "[  20.0] EXT2-fs (pmem0): error: ext2_check_page: bad entry in directory #2|ext2|pmem0|ext2_check_page: bad entry in directory #2",
            "[  20.0] erofs (device pmem0): erofs_read_superblock: cannot find valid erofs superblock|erofs|pmem0|cannot find valid erofs superblock",
            "[  20.0] EXT4-fs (dm-0): I/O error while writing superblock|ext4|dm-0|I/O error while writing superblock",
            "[  20.0] EXT4-fs (dm-0): Remounting filesystem read-only|ext4|dm-0|Remounting filesystem read-only",
            "[  11.2] EXT4-fs (pmem0p1): warning: mounting fs with errors, running e2fsck is recommended|ext4|pmem0p1|warning: mounting fs with errors, running e2fsck is recommended"})
    void readsOtherFilesystemErrors(String line, String fs, String device, String message) {
        FsError e = one(FsError.class, line);
        assertEquals(fs, e.fs());
        assertEquals(device, e.device());
        assertEquals(message, e.message());
    }

    @Test
    void readsXfsWithoutAMount() {
        FsError e = one(FsError.class, "[   3.0] XFS: Assertion failed: 0, file: fs/xfs/xfs_icache.c, line: 1000");
        assertEquals("xfs", e.fs());
        assertNull(e.device());
    }

    @Test
    void toleratesAnAuthorsNoteAfterATab() {
        FsShutdown e = one(FsShutdown.class,
                "[   74.526022] XFS (loop0): Filesystem has been shut down due to log error (0x2).\t\t<== here");
        assertEquals("Filesystem has been shut down due to log error (0x2).", e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 1538.419955] XFS (pmem0): EXPERIMENTAL online scrub feature in use. Use at your own risk! ",
            "[ 10.0] XFS (pmem0): Quotacheck needed: Please wait.",
            "[ 10.0] SGI XFS with ACLs, security attributes, realtime, quota, no debug enabled",
            "[ 10.0] Modules linked in: xfs ext4 mbcache jbd2",
            "[ 10.0] xfs_dax_notify_failure+0x2b1/0x4d0 [xfs]",
            "[ 10.0] Memory failure: 0x1850600: recovery action for dax page: Recovered",
            "[ 10.0] EXT4-fs (sda1):",
            "[ 10.0] XFS pmem0: Device is about to be removed!",
            ""})
    void rejectsNearMisses(String line) {
        assertTrue(FamilyTester.read(family, line).isEmpty(), line);
    }

    // --- real captures ---

    @Test
    void readsTheFailedRecoveryOfCorpus041() {
        List<Event> events = HwCorpus.read(family, "041", "dmesg.log");
        assertTrue(events.stream().allMatch(e -> e.toString().contains("dm-4")));
        List<FsShutdown> shutdowns = events.stream().filter(FsShutdown.class::isInstance).map(FsShutdown.class::cast)
                .toList();
        assertEquals(1, shutdowns.size());
        assertEquals("Metadata I/O Error", shutdowns.get(0).reason());
        assertInstanceOf(FsMount.class, events.get(0));
        assertEquals("80526d30-90c7-4347-9d9e-333db3f5353b", ((FsMount) events.get(0)).uuid());
        assertEquals(13, events.size(), events.toString());
    }

    @Test
    void readsTheMountCyclesOfCorpus033() {
        List<Event> events = HwCorpus.read(family, "033", "dmesg.log");
        assertEquals(List.of("pmem0", "pmem0", "pmem0", "pmem0", "pmem0", "pmem0", "pmem1", "pmem1", "pmem1", "pmem0"),
                events.stream().map(e -> e instanceof FsMount m ? m.device() : ((FsUnmount) e).device()).toList());
        assertTrue(events.stream().noneMatch(FsShutdown.class::isInstance));
    }

    @Test
    void readsTheDaxRefusalOfCorpus031AndTheRootMountOf009() {
        FsMount refused = (FsMount) HwCorpus.read(family, "031", "console.log").get(0);
        assertEquals("pmem7", refused.device());
        assertEquals("unsupported", refused.dax());
        FsMount root = (FsMount) HwCorpus.read(family, "009", "console.log").get(0);
        assertEquals("pmem0p1", root.device());
        assertEquals("ext4", root.fs());
    }

    @Test
    void everyAcceptedCorpusLineCarriesAKeyword() {
        int accepted = 0;
        for (String[] file : new String[][] {{"041", "dmesg.log"}, {"033", "dmesg.log"}, {"031", "console.log"},
                {"009", "console.log"}, {"030", "dmesg.log"}, {"007", "dmesg.log"}}) {
            accepted += HwCorpus.assertKeywordsCover(family, HwCorpus.lines(file[0], file[1]));
        }
        assertEquals(25, accepted);
    }

    // --- the anchors that spare the grammar chatter ---

    /** Tokens that carry no message of their own: the prefixes, names, numbers and punctuation. */
    private static final Set<String> STRUCTURAL = Set.of("QUOTED_DMESG", "XFS", "EXT4", "EXT2", "EROFS", "DEVICE",
            "DETECTED_AT", "DETECTED", "RECEIVED", "UUID", "MODULE", "HEX", "NUM", "COLON", "COMMA", "DOT", "LPAREN",
            "RPAREN", "WORD", "NOTE", "SP", "OTHER");

    @Test
    void everyMessageKeywordOfTheGrammarHasAnAnchor() {
        List<String> unanchored = new java.util.ArrayList<>();
        Vocabulary vocabulary = FsLexer.VOCABULARY;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String name = vocabulary.getSymbolicName(type);
            String literal = vocabulary.getLiteralName(type);
            if (name == null || STRUCTURAL.contains(name)) {
                continue;
            }
            // Tokens with several spellings have no literal name: lex each spelling the grammar lists.
            List<String> spellings = literal != null ? List.of(literal.substring(1, literal.length() - 1))
                    : SPELLINGS.getOrDefault(name, List.of());
            if (spellings.isEmpty()) {
                unanchored.add(name + " (no spellings listed in this test)");
            }
            for (String spelling : spellings) {
                FsLexer lexer = new FsLexer(CharStreams.fromString(spelling));
                assertEquals(name, vocabulary.getSymbolicName(lexer.nextToken().getType()), spelling);
                if (!FsFamily.ANCHORS.foundIn(spelling)) {
                    unanchored.add(name + ": " + spelling);
                }
            }
        }
        assertEquals(List.of(), unanchored);
    }

    private static final java.util.Map<String, List<String>> SPELLINGS = java.util.Map.ofEntries(
            java.util.Map.entry("PLEASE_UNMOUNT", List.of("Please umount the filesystem", "Please unmount the filesystem")),
            java.util.Map.entry("NOTIFY_STATE", List.of("ondisk log corrupt, shutting down fs!", "already frozen by kernel",
                    "still frozen after notify failure")),
            java.util.Map.entry("NOTIFY_FAILURE", List.of("notify_failure", "xfs_dax_notify_failure+0x1/0x2")),
            java.util.Map.entry("DAX_OFF", List.of("DAX unsupported by block device", "Turning off DAX", "Cannot use DAX",
                    "DAX and reflink cannot", "unsupported blocksize for DAX", "unsupported blocksize for dax",
                    "DAX not supported", "DAX invalid option", "can't mount with both data=journal and dax",
                    "can't change dax mount option")),
            java.util.Map.entry("MOUNTING_FS", List.of("Mounting V5 Filesystem", "Mounting V4 filesystem", "Mounting Filesystem")),
            java.util.Map.entry("MOUNT_PROGRESS", List.of("Ending clean mount", "Starting recovery", "Ending recovery")),
            java.util.Map.entry("MOUNTED", List.of("mounted filesystem", "mounted with root inode")),
            java.util.Map.entry("REMOUNTED", List.of("re-mounted")),
            java.util.Map.entry("UNMOUNTING_FS", List.of("Unmounting Filesystem", "unmounting filesystem")),
            java.util.Map.entry("ERROR_WORD", List.of("error", "Error", "ERROR", "corrupt", "corrupted", "corruption",
                    "Corruption", "failed", "Failed", "failure", "xfs_repair")));

    @ParameterizedTest
    @ValueSource(strings = {
            "[ 1.0] XFS (sda1): Quotacheck: Done.",
            "[ 1.0] EXT4-fs (sda1): Using encoding defined by superblock: utf8-12.1.0 with flags 0x0"})
    void chatterNeverReachesTheGrammar(String line) {
        String body = line.substring(line.indexOf(']') + 2);
        assertFalse(FsFamily.ANCHORS.foundIn(body), body);
    }
}
