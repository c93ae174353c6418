package dev.daxray.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.daxray.cli.Cli;
import dev.daxray.fleet.BundleRecord;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;
import dev.daxray.index.SearchResult;
import dev.daxray.opensearch.TestFleets;
import dev.daxray.rules.RuleLoader;

/**
 * The Flink job on a MiniCluster with parallelism 2 against {@code daxray batch} on the same
 * fleets: the same fleet incident JSON byte for byte (NDJSON), the same index (incidents, bundle
 * records, facets), and after a job cancelled midway and re-run, the same outputs as a clean run.
 * One MiniCluster for the class.
 */
class FlinkJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @TempDir
    static Path shared;

    static Path generated;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        generated = TestFleets.generated(shared.resolve("fleet-200"), 200);
    }

    record Run(int exitCode, String out, String err) {
    }

    static Run batch(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("batch", "--quiet", "--jobs", "2"));
        all.addAll(List.of(args));
        int code = Cli.newCommandLine(new PrintWriter(out), new PrintWriter(err), System.in).execute(all.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString());
    }

    static Run flink(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--parallelism", "2"));
        all.addAll(List.of(args));
        int code = FlinkMain.newCommandLine(new FlinkCommand(StreamExecutionEnvironment.getExecutionEnvironment()),
                new PrintWriter(out), new PrintWriter(err)).execute(all.toArray(new String[0]));
        return new Run(code, out.toString(), err.toString());
    }

    static List<String> incidents(Path index) throws IOException {
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.all().stream().map(FleetJson::write).toList();
        }
    }

    static List<BundleRecord> records(Path index) throws IOException {
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.bundles();
        }
    }

    static SearchResult facets(Path index) throws IOException {
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.search(SearchRequest.of("").withLimit(0).withFacets(List.of("kind", "severity", "kernel", "host")));
        }
    }

    /** Batch and Flink over the same fleets give the same NDJSON bytes and the same index. */
    void assertSameAsBatch(Path... fleets) throws IOException {
        List<String> roots = Stream.of(fleets).map(Path::toString).toList();
        List<String> batchArgs = new ArrayList<>(List.of("--index", dir.resolve("batch").toString(), "--ndjson",
                dir.resolve("batch.ndjson").toString()));
        batchArgs.addAll(roots);
        Run batch = batch(batchArgs.toArray(new String[0]));
        List<String> flinkArgs = new ArrayList<>(List.of("--index", dir.resolve("flink").toString(), "--ndjson",
                dir.resolve("flink.ndjson").toString()));
        flinkArgs.addAll(roots);
        Run flink = flink(flinkArgs.toArray(new String[0]));
        assertEquals(batch.exitCode(), flink.exitCode(), flink.err() + flink.out());
        assertEquals(batch.out().lines().findFirst(), flink.out().lines().findFirst(), "the hosts line");
        byte[] expected = Files.readAllBytes(dir.resolve("batch.ndjson"));
        assertTrue(expected.length > 0);
        assertEquals(new String(expected, java.nio.charset.StandardCharsets.UTF_8),
                Files.readString(dir.resolve("flink.ndjson")), "fleet incident JSON, byte for byte");
        assertEquals(incidents(dir.resolve("batch")), incidents(dir.resolve("flink")));
        assertEquals(records(dir.resolve("batch")), records(dir.resolve("flink")));
        assertEquals(facets(dir.resolve("batch")), facets(dir.resolve("flink")));
        assertFalse(Files.exists(dir.resolve("flink.flink-work")) && Files.list(dir.resolve("flink.flink-work")).findAny().isPresent(),
                "the journals are gone once every output has them");
        // A second run finds every host unchanged, as batch does, and leaves the index as it was.
        List<String> before = incidents(dir.resolve("flink"));
        Run again = flink(flinkArgs.toArray(new String[0]));
        assertTrue(again.out().contains("(0 indexed, "), again.out());
        assertEquals(before, incidents(dir.resolve("flink")));
    }

    @Test
    void theSampleFleetGivesWhatBatchGives() throws IOException {
        assertSameAsBatch(TestFleets.samplesFleet());
        Run run = flink("--index", dir.resolve("again").toString(), TestFleets.samplesFleet().toString());
        assertEquals(2, run.exitCode(), "a broken host is reported: " + run.out());
        assertTrue(run.out().contains("cache-09 (skipped): "), run.out());
    }

    @Test
    void aGeneratedFleetOf200HostsGivesWhatBatchGives() throws IOException {
        assertSameAsBatch(generated, TestFleets.samplesFleet());
        assertTrue(incidents(dir.resolve("flink")).size() >= 40, "the generated fleet has incidents");
    }

    @Test
    void aRootOnAnotherFileSystemIsCopiedAndReadTheSame() throws IOException {
        Run batch = batch("--index", dir.resolve("batch").toString(), "--ndjson", dir.resolve("batch.ndjson").toString(),
                TestFleets.samplesFleet().toString());
        String remote = "testfs://" + TestFleets.samplesFleet().toAbsolutePath().normalize();
        Run flink = flink("--ndjson", dir.resolve("remote.ndjson").toString(), remote);
        assertEquals(batch.exitCode(), flink.exitCode(), flink.err() + flink.out());
        assertEquals(batch.out().lines().findFirst(), flink.out().lines().findFirst(), "README.md is skipped by .daxrayignore");
        assertEquals(Files.readString(dir.resolve("batch.ndjson")), Files.readString(dir.resolve("remote.ndjson")));
    }

    @Test
    void aManifestNamesTheBundles() throws IOException {
        Path manifest = dir.resolve("hosts.txt");
        List<String> lines = new ArrayList<>(List.of("# three hosts", ""));
        for (String host : List.of("db-01", "pmem-03", "ingest-05.tar.gz")) {
            lines.add(TestFleets.samplesFleet().resolve(host).toString());
        }
        Files.write(manifest, lines);
        Run run = flink("--ndjson", dir.resolve("m.ndjson").toString(), "--manifest", manifest.toString());
        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().startsWith("hosts: 3 (3 indexed"), run.out());
        List<String> hosts = Files.readAllLines(dir.resolve("m.ndjson")).stream().map(l -> FleetJson.read(l).incident().host())
                .distinct().toList();
        assertTrue(hosts.contains("db-01"), hosts.toString());
    }

    @Test
    void aJobCancelledMidwayAndRunAgainEqualsACleanRun() throws Exception {
        Path clean = dir.resolve("clean");
        assertEquals(0, flink("--index", clean.toString(), "--ndjson", dir.resolve("clean.ndjson").toString(),
                generated.toString()).exitCode());
        Path index = dir.resolve("killed");
        Path work = dir.resolve("killed.flink-work");
        Outputs outputs = new Outputs(work.toString(), index.toString(), dir.resolve("killed.ndjson").toString(), null,
                "unused");
        List<RuleLoader.RuleText> rules = RuleLoader.shipped();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        JobClient job = FlinkJob.start(env, FleetPlan.of(List.of(generated.toString()), List.of(), outputs), outputs, rules,
                dir.resolve("staging").toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (journaledLines(work) < 10 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        job.cancel().get(60, TimeUnit.SECONDS);
        long journaled = journaledLines(work);
        assertTrue(journaled >= 10, "the cancelled job had journaled hosts: " + journaled);
        assertFalse(Files.exists(dir.resolve("killed.ndjson")), "the cancelled job wrote no output");

        Run rerun = flink("--index", index.toString(), "--ndjson", dir.resolve("killed.ndjson").toString(), generated.toString());
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.out().contains(" unchanged"), rerun.out());
        assertEquals(Files.readString(dir.resolve("clean.ndjson")), Files.readString(dir.resolve("killed.ndjson")));
        assertEquals(incidents(clean), incidents(index));
        assertEquals(records(clean), records(index));
    }

    private static long journaledLines(Path work) throws IOException {
        if (!Files.isDirectory(work)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.toList()) {
                lines += Files.readString(f).chars().filter(c -> c == '\n').count();
            }
        }
        return lines;
    }
}
