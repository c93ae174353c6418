package dev.daxray.families.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import dev.daxray.events.IoError;
import dev.daxray.families.FamilyTester;
import dev.daxray.families.HwCorpus;

class StorageFamilyTest {

    private final StorageFamily family = new StorageFamily();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[  100.0] blk_update_request: I/O error, dev sda, sector 123456 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0|sda|I/O error, dev sda, sector 123456 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
            "[  100.0] print_req_error: I/O error, dev sdb, sector 8|sdb|I/O error, dev sdb, sector 8",
            "[  100.0] end_request: I/O error, dev sdc, sector 16|sdc|I/O error, dev sdc, sector 16",
            "[  100.0] I/O error, dev nvme0n1, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2|nvme0n1|I/O error, dev nvme0n1, sector 2048 op 0x1:(WRITE) flags 0x800 phys_seg 1 prio class 2",
            "[  100.0] critical medium error, dev nvme0n1, sector 2048 op 0x0:(READ) flags 0x80700 phys_seg 8 prio class 2|nvme0n1|critical medium error, dev nvme0n1, sector 2048 op 0x0:(READ) flags 0x80700 phys_seg 8 prio class 2",
            "[  100.0] blk_update_request: critical medium error, dev sdb, sector 1234 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0|sdb|critical medium error, dev sdb, sector 1234 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
            "[  100.0] Buffer I/O error on dev sda1, logical block 0, async page read|sda1|Buffer I/O error on dev sda1, logical block 0, async page read",
            "[  100.0] Buffer I/O error on device dm-4, logical block 12|dm-4|Buffer I/O error on device dm-4, logical block 12",
            "[  100.0] nvme nvme0: I/O 123 QID 4 timeout, aborting|nvme0|I/O 123 QID 4 timeout, aborting",
            "[  100.0] nvme nvme0: I/O 9 (Read) QID 2 timeout, reset controller|nvme0|I/O 9 (Read) QID 2 timeout, reset controller",
            "[  100.0] nvme nvme0: controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0xffff|nvme0|controller is down; will reset: CSTS=0xffffffff, PCI_STATUS=0xffff",
            "[  100.0] nvme nvme1: Removing after probe failure status: -19|nvme1|Removing after probe failure status: -19",
            "[  100.0] nvme nvme0: Device not ready; aborting reset, CSTS=0x1|nvme0|Device not ready; aborting reset, CSTS=0x1",
            "[  100.0] nvme0n1: Read(0x2) @ LBA 1234, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR|nvme0n1|Read(0x2) @ LBA 1234, 8 blocks, Unrecovered Read Error (sct 0x2 / sc 0x81) DNR",
            "[  100.0] nvme0: Admin Cmd(0x6), I/O Error (sct 0x0 / sc 0x2)|nvme0|Admin Cmd(0x6), I/O Error (sct 0x0 / sc 0x2)"})
    void readsIoErrors(String line, String device, String message) {
        IoError e = FamilyTester.one(IoError.class, family, line);
        assertEquals(device, e.device());
        assertEquals(message, e.message());
        assertTrue(family.keywords().stream().anyMatch(line::contains));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[  100.0] blk_update_request: I/O error, dev pmem0, sector 8208 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0",
            "[  100.0] Buffer I/O error on dev pmem0p1, logical block 1026, async page read",
            "[  100.0] nvme nvme0: Shutdown timeout set to 8 seconds",
            "[  100.0] nvme nvme0: 16/0/0 default/read/poll queues",
            "[  100.0] nvme nvme0: pci function 0000:01:00.0",
            "[88224.057473] XFS (dm-4): metadata I/O error in \"xfs_alloc_read_agfl+0x9b/0x100 [xfs]\" at daddr 0xeb6f603 len 1 error 74",
            "[  100.0] XFS (pmem0): log I/O error -5",
            "[  100.0]  nvme_timeout+0x1/0x2 [nvme]",
            "[  100.0] I/O error, dev sda"})
    void rejectsNearMissesAndPmem(String line) {
        assertTrue(FamilyTester.read(family, line).isEmpty(), line);
    }

    @Test
    void theNvmeCaseOf041HasOnlyFilesystemLines() {
        assertEquals(0, HwCorpus.assertKeywordsCover(family, HwCorpus.lines("041", "dmesg.log")));
        assertEquals(0, HwCorpus.assertKeywordsCover(family, HwCorpus.lines("017", "dmesg.log")));
    }
}
