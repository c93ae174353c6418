package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventsCommandTest {

    private static final String CAPTURE = String.join("\n",
            "# dmesg",
            "[    0.000000] Linux version 6.8.0-31-generic (buildd@lcy02) #31-Ubuntu SMP",
            "[    1.500000] e1000e: eth0 NIC Link is Up",
            "[    2.250000] ** 3 printk messages dropped **",
            "");

    @TempDir
    Path dir;

    private Path capture() throws IOException {
        Path file = dir.resolve("dmesg.log");
        Files.writeString(file, CAPTURE);
        return file;
    }

    @Test
    void writesOneJsonObjectPerEventWithTheContractFields() throws IOException {
        CliRun run = CliRun.run("events", "--format", "jsonl", capture().toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode dropped = new ObjectMapper().readTree(lines.get(1));
        assertEquals("printk-dropped", dropped.get("type").asText());
        assertEquals(capture().toString(), dropped.get("file").asText());
        assertEquals(4, dropped.get("line").asInt());
        assertTrue(lines.get(1).contains("\"time\":2.250000,"), "six decimals, as dmesg prints: " + lines.get(1));
        assertTrue(dropped.get("time").isNumber());
        assertEquals(0, dropped.get("boot").asInt());
        assertEquals("6.8.0-31-generic", dropped.get("kernel").asText());
        assertEquals(3, dropped.get("count").asInt());
        assertEquals("[    2.250000] ** 3 printk messages dropped **", dropped.get("text").asText());
        assertFalse(dropped.has("host"), "absent values are left out");
    }

    @Test
    void printsATextTimelineAndASummaryWithUnparsedLines() throws IOException {
        CliRun run = CliRun.run("events", capture().toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("printk-dropped"), run.out());
        assertTrue(run.out().contains("count=3"), run.out());
        assertTrue(run.out().contains("dmesg.log:4"), run.out());
        assertTrue(run.err().contains("dmesg, 4 lines, 2 events, 1 unparsed"), run.err());
        assertTrue(run.err().contains("unparsed " + capture() + ":1: # dmesg"), run.err());
    }

    @Test
    void strictFailsWithThreeWhenLinesAreUnparsed() throws IOException {
        assertEquals(ExitCodes.UNPARSED, CliRun.run("events", "--strict", capture().toString()).exitCode());
    }

    @Test
    void aMissingInputIsAnErrorButTheOthersStillRun() throws IOException {
        CliRun run = CliRun.run("events", "--format", "jsonl", dir.resolve("nope.log").toString(), capture().toString());
        assertEquals(ExitCodes.USAGE_OR_IO, run.exitCode());
        assertTrue(run.err().contains("nope.log: no such file or directory"), run.err());
        assertEquals(2, run.out().lines().count());
    }

    @Test
    void readsStandardInput() {
        CliRun run = CliRun.withStdin(CAPTURE, "events", "--format", "jsonl", "-");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"file\":\"-\""), run.out());
    }

    @Test
    void aBadOptionIsAUsageErrorWithAHint() {
        CliRun run = CliRun.run("events", "--format", "xml", "x.log");
        assertEquals(ExitCodes.USAGE_OR_IO, run.exitCode());
        assertTrue(run.err().contains("--format"), run.err());
        assertTrue(run.err().contains("--help"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void helpTeachesWithExamplesAndExitCodes() {
        CliRun run = CliRun.run("events", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("Examples:"), run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }

    @Test
    void schemaListsTypesFieldsAndKeywords() {
        CliRun run = CliRun.run("schema");
        assertTrue(run.out().contains("printk-dropped"), run.out());
        assertTrue(run.out().contains("count:Long"), run.out());
        assertTrue(run.out().contains("ipmi-sel"), "the RAS tools' event types: " + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  mcelog ")), "the RAS tools' families: " + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  journal export ")), "input formats: " + run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  rasdaemon sqlite ")), "input formats: " + run.out());
        assertTrue(CliRun.run("schema", "--keywords").out().lines().anyMatch(l -> l.equals("printk messages dropped")));
    }

    private static final String BPFTRACE = String.join("\n",
            "Attached 2 probes",
            "memcached pid=11402 pfn=0x2d4c19e type=16 result=3",
            "pool mc.pool sector=2097152 bad",
            "scrub ndbus0 errors=1",
            "");

    @Test
    void bpftraceMapFilesAddMappingsInTheOrderGiven() throws IOException {
        Path capture = dir.resolve("bpftrace.log");
        Files.writeString(capture, BPFTRACE);
        Path pool = dir.resolve("pool.map");
        Files.writeString(pool, "# app probes\nprobe probe=uprobe:pool_check kind=uprobe | pool {args.pool} sector={args.sector:int} {args.state:word}\n");
        Path scrub = dir.resolve("scrub.map");
        Files.writeString(scrub, "probe probe=kprobe:ars kind=kprobe | scrub {args.bus:word} errors={args.errors:int}\n");

        CliRun plain = CliRun.run("events", "--format", "jsonl", capture.toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertEquals(1, plain.out().lines().count(), "only the shipped one-liner maps: " + plain.out());
        assertTrue(plain.err().contains("2 not mapped"), plain.err());

        CliRun mapped = CliRun.run("events", "--format", "jsonl", "--bpftrace-map", pool.toString(),
                "--bpftrace-map", scrub.toString(), capture.toString());
        assertEquals(0, mapped.exitCode(), mapped.err());
        List<String> lines = mapped.out().lines().toList();
        assertEquals(3, lines.size(), mapped.out());
        JsonNode poolEvent = new ObjectMapper().readTree(lines.get(1));
        assertEquals("probe", poolEvent.get("type").asText());
        assertEquals("uprobe:pool_check", poolEvent.get("probe").asText());
        assertEquals("2097152", poolEvent.get("args").get("sector").asText());
        JsonNode scrubEvent = new ObjectMapper().readTree(lines.get(2));
        assertEquals("kprobe:ars", scrubEvent.get("probe").asText());
        assertEquals("ndbus0", scrubEvent.get("args").get("bus").asText());
        assertTrue(mapped.err().contains("3 mapped to events"), mapped.err());

        Path override = dir.resolve("override.map");
        Files.writeString(override, "probe probe=kprobe:ars_override kind=kprobe | scrub {args.bus:word} errors={args.errors:int}\n");
        CliRun first = CliRun.run("events", "--format", "jsonl", "--bpftrace-map", override.toString(),
                "--bpftrace-map", scrub.toString(), capture.toString());
        assertTrue(first.out().contains("\"probe\":\"kprobe:ars_override\""), "the first file given wins: " + first.out());
        assertFalse(first.out().contains("\"probe\":\"kprobe:ars\""), first.out());

        CliRun triage = CliRun.run("triage", "--bpftrace-map", pool.toString(), capture.toString());
        assertTrue(triage.exitCode() == 0 || triage.exitCode() == 1, triage.err());
    }

    @Test
    void aBadBpftraceMapIsAUsageErrorWithItsPosition() throws IOException {
        Path bad = dir.resolve("bad.map");
        Files.writeString(bad, "memory-failure | pfn={pfnn:hex}\n");
        CliRun run = CliRun.run("events", "--bpftrace-map", bad.toString(), capture().toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(bad + ":1:"), run.err());
        assertTrue(run.err().contains("pfn"), "suggests the field: " + run.err());
    }
}
