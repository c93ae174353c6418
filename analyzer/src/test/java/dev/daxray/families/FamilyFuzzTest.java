package dev.daxray.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.daxray.events.Event;
import dev.daxray.events.Origin;
import dev.daxray.families.crash.CrashFamily;
import dev.daxray.families.edac.EdacFamily;
import dev.daxray.families.fast.VerifiedFastPath;
import dev.daxray.families.fs.FsFamily;
import dev.daxray.families.ghes.GhesFamily;
import dev.daxray.families.inject.InjectFamily;
import dev.daxray.families.ipmi.IpmiSelFamily;
import dev.daxray.families.mce.MceFamily;
import dev.daxray.families.mcelog.McelogFamily;
import dev.daxray.families.memoryfailure.MemoryFailureFamily;
import dev.daxray.families.nvdimm.NvdimmFamily;
import dev.daxray.families.pat.PatFamily;
import dev.daxray.families.printk.PrintkFamily;
import dev.daxray.families.rasdaemon.RasdaemonFamily;
import dev.daxray.families.storage.StorageFamily;
import dev.daxray.families.tracepoint.TracepointFamily;
import dev.daxray.fuzz.Limits;
import dev.daxray.fuzz.Lines;
import dev.daxray.records.Envelope;
import dev.daxray.records.EnvelopeParser;
import dev.daxray.records.LogRecord;

/**
 * Every message family's grammar and reader on any capture lines: a line is offered as the scanner
 * offers it (prefix parsed, anchors first unless a block is open), nothing throws, and every event
 * points at lines of the input. One target per family; {@code crashBlocks} feeds the crash family's
 * multi-line block reader whole reports.
 */
class FamilyFuzzTest {

    private final EnvelopeParser envelopes = new EnvelopeParser();

    private void read(Family family, byte[] input) {
        Limits.within(() -> {
            List<String> lines = Lines.of(input);
            FamilyReader reader = family.newReader();
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Envelope envelope = envelopes.parse(line);
                Origin origin = new Origin("fuzz", 0, i + 1, i + 1, line, envelope.micros(), 0, envelope.wall(), 0,
                        envelope.host(), null);
                LogRecord record = new LogRecord(origin, envelope, line.substring(envelope.bodyStart()));
                if (reader.inBlock() || family.mayRead(record)) {
                    reader.offer(record, events::add);
                }
            }
            reader.finish(events::add);
            for (Event event : events) {
                Origin origin = event.origin();
                assertTrue(origin.line() >= 1 && origin.line() <= origin.endLine() && origin.endLine() <= lines.size(),
                        () -> family.name() + " event outside the input: " + event);
            }
        });
    }

    @FuzzTest
    void printk(byte[] input) {
        read(new PrintkFamily(), input);
    }

    @FuzzTest
    void crash(byte[] input) {
        read(new CrashFamily(), input);
    }

    @FuzzTest
    void crashBlocks(byte[] input) {
        read(new CrashFamily(), input);
    }

    @FuzzTest
    void memoryFailure(byte[] input) {
        read(new MemoryFailureFamily(), input);
    }

    @FuzzTest
    void inject(byte[] input) {
        read(new InjectFamily(), input);
    }

    @FuzzTest
    void mce(byte[] input) {
        read(new MceFamily(), input);
    }

    @FuzzTest
    void ghes(byte[] input) {
        read(new GhesFamily(), input);
    }

    @FuzzTest
    void edac(byte[] input) {
        read(new EdacFamily(), input);
    }

    @FuzzTest
    void fs(byte[] input) {
        read(new FsFamily(), input);
    }

    @FuzzTest
    void nvdimm(byte[] input) {
        read(new NvdimmFamily(), input);
    }

    @FuzzTest
    void storage(byte[] input) {
        read(new StorageFamily(), input);
    }

    @FuzzTest
    void pat(byte[] input) {
        read(new PatFamily(), input);
    }

    @FuzzTest
    void tracepoint(byte[] input) {
        read(new TracepointFamily(), input);
    }

    @FuzzTest
    void mcelog(byte[] input) {
        read(new McelogFamily(), input);
    }

    @FuzzTest
    void rasdaemon(byte[] input) {
        read(new RasdaemonFamily(), input);
    }

    @FuzzTest
    void ipmi(byte[] input) {
        read(new IpmiSelFamily(), input);
    }

    /** Whatever a fast reader claims, the grammar reads the same: any line, each fast family. */
    @FuzzTest
    void fastPaths(byte[] input) {
        Limits.within(() -> {
            List<String> lines = Lines.of(input);
            for (VerifiedFastPath<?> path : List.<VerifiedFastPath<?>>of(new EdacFamily().newFastPath(),
                    new MemoryFailureFamily().newFastPath(), new GhesFamily().newFastPath())) {
                for (int i = 0; i < lines.size(); i++) {
                    LogRecord record = LogRecord.of("fuzz", i + 1, lines.get(i));
                    Object fast = path.fast().read(record);
                    if (fast != null) {
                        assertEquals(path.grammar().parse(record), Optional.of(fast), lines.get(i));
                    }
                }
            }
        });
    }
}
