package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.index.IncidentIndex;

class BatchCommandTest {

    @TempDir
    Path dir;

    static List<String> indexed(Path index) throws IOException {
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            return idx.all().stream().map(FleetJson::write).toList();
        }
    }

    @Test
    void theSampleFleetWorksAsTheReadmeShows() throws IOException {
        Path index = dir.resolve("idx");
        CliRun batch = CliRun.run("batch", "--quiet", "--index", index.toString(), TestFleet.samples().resolve("fleet").toString());
        assertEquals(2, batch.exitCode(), batch.err());
        assertTrue(batch.out().startsWith("hosts: 14 (13 indexed, 0 unchanged, 1 failed, 1 with problems)\n"), batch.out());
        assertTrue(batch.out().contains("  cache-09 (skipped): cache-09.tar.gz: broken tar archive"), batch.out());
        assertTrue(batch.out().contains("  web-03 (indexed): web-03/dmesg.log.1.gz: read failed"), batch.out());
        assertTrue(batch.err().contains("daxray: host cache-09 skipped:"), batch.err());

        CliRun search = CliRun.run("search", "--index", index.toString(), "--format", "json", "kind:dax-poison-consumed",
                "--facet", "kernel");
        assertEquals(0, search.exitCode(), search.err());
        JsonNode result = new ObjectMapper().readTree(search.out());
        assertEquals(4, result.get("total").asInt());
        assertEquals("{\"6.8.0-45-generic\":2,\"4.19.306-pmemlab\":1,\"6.3.12-200.fc38.x86_64\":1}",
                result.get("facets").get("kernel").toString());
        List<String> hosts = new java.util.ArrayList<>();
        result.get("incidents").forEach(i -> hosts.add(i.get("host").asText()));
        assertEquals(List.of("dax-node-3", "db-01", "db-02", "pmem-host-07"), hosts.stream().sorted().toList(),
                "hosts the logs name keep their name; the others take their directory's");

        // The README shows both outputs; they must be what the commands print (times aside).
        String readme = Files.readString(TestFleet.samples().getParent().resolve("README.md"));
        assertEquals(withoutTimes(block(readme, "hosts: 14 (")), withoutTimes(batch.out()));
        CliRun shown = CliRun.run("search", "--index", index.toString(), "kind:dax-poison-consumed", "--facet", "kernel");
        String readmeSearch = block(readme, "4 incidents match\n");
        assertEquals(readmeSearch.substring(readmeSearch.indexOf("\nkernel:")), shown.out().substring(shown.out().indexOf("\nkernel:")));
        // Sorted: db-01 and db-02 take their files' modification times, which a checkout may order either way.
        assertEquals(readmeSearch.lines().map(l -> l.replaceFirst("^\\S+Z ", "")).sorted().toList(),
                shown.out().lines().map(l -> l.replaceFirst("^\\S+Z ", "")).sorted().toList());

        CliRun groups = CliRun.run("search", "--index", index.toString(), "--group-by", "fingerprint", "kind:dax-poison-consumed");
        assertTrue(groups.out().contains("2 hosts, 2 incidents: db-01, db-02"), groups.out());
        CliRun text = CliRun.run("search", "--index", index.toString(), "bundle:db-03 host:dl380-db04");
        assertTrue(text.out().startsWith("1 incident matches\n"), text.out() + text.err());
        CliRun models = CliRun.run("search", "--index", index.toString(), "--limit", "0", "--facet", "model", "*");
        assertTrue(models.out().matches("(?s)7 incidents match\n\nmodel:\n.*  Supermicro SYS-1029P-WTR/X11DDW-L +1\n.*"), models.out());

        CliRun report = CliRun.run("report", "--index", index.toString(), "--html", dir.resolve("r.html").toString());
        assertEquals(0, report.exitCode(), report.err());
        assertTrue(report.out().startsWith("fleet: 7 incidents on 7 hosts; 13 host bundles read\n"), report.out());
        assertTrue(report.out().contains("hosts read in part:\n  web-03: web-03/dmesg.log.1.gz"), report.out());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("<svg") && html.contains("<rect"), "inline SVG charts");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"?https?:.*"), "no network resources");
    }

    /** A generated fleet of {@code hosts} hosts at {@code fleet}, batched into {@code dir/idx}: that index. */
    private Path indexGeneratedFleet(Path fleet, int hosts) throws IOException {
        TestFleet.generate(fleet, hosts, 5);
        Path index = dir.resolve("idx");
        CliRun run = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        return index;
    }

    /** The README code block that starts with {@code start}, up to its closing fence. */
    private static String block(String readme, String start) {
        int from = readme.indexOf(start);
        assertTrue(from >= 0, "README has no block starting with " + start);
        return readme.substring(from, readme.indexOf("```", from));
    }

    /** Output without the line that says how long the run took. */
    private static String withoutTimes(String summary) {
        return summary.replaceAll("(?m)^bytes: .*\n", "");
    }

    @Test
    void runningTwiceChangesNothing() throws IOException {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 12, 20);
        Path index = dir.resolve("idx");
        CliRun first = CliRun.run("batch", "--quiet", "--index", index.toString(), "--ndjson", dir.resolve("a.ndjson").toString(), fleet.toString());
        assertEquals(0, first.exitCode(), first.err());
        List<String> once = indexed(index);
        CliRun second = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertTrue(second.out().startsWith("hosts: 12 (0 indexed, 12 unchanged, 0 failed, 0 with problems)"), second.out());
        assertEquals(once, indexed(index));
        // An overlapping dump: the same hosts again plus one more, copied elsewhere; still no duplicates.
        Path other = dir.resolve("fleet2");
        TestFleet.generate(other, 13, 20);
        CliRun third = CliRun.run("batch", "--quiet", "--index", index.toString(), other.toString());
        assertTrue(third.out().startsWith("hosts: 13 (1 indexed, 12 unchanged"), third.out());
        List<String> after = indexed(index);
        assertTrue(after.containsAll(once), "what was there is unchanged");
        assertEquals(after.size(), after.stream().map(j -> FleetJson.read(j).id()).distinct().count(), "no duplicate ids");
        assertTrue(third.out().contains("incidents: " + (after.size() - once.size()) + " indexed by this run"), third.out());
        List<String> ndjson = Files.readAllLines(dir.resolve("a.ndjson"));
        assertEquals(once.stream().sorted().toList(), ndjson.stream().sorted().toList(), "--ndjson writes what was indexed");
    }

    @Test
    void aBundleThatChangedReplacesWhatItGaveBefore() throws IOException {
        Path fleet = dir.resolve("fleet");
        Path index = indexGeneratedFleet(fleet, 4);
        List<String> before = indexed(index);
        assertTrue(before.stream().anyMatch(j -> j.contains("\"host-003\"")), "host-003 has incidents to lose");
        // New captures in the same place: host-003's crash capture becomes another host's unbind capture.
        Path capture = fleet.resolve("host-003/incident.log");
        byte[] oldBytes = Files.readAllBytes(capture);
        java.nio.file.attribute.FileTime oldTime = Files.getLastModifiedTime(capture);
        Files.write(capture, Files.readAllBytes(TestFleet.samples().resolve(TestFleet.CASES[1])));
        CliRun again = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertTrue(again.out().startsWith("hosts: 4 (1 indexed, 3 unchanged"), again.out());
        Path clean = dir.resolve("clean");
        assertEquals(0, CliRun.run("batch", "--quiet", "--index", clean.toString(), fleet.toString()).exitCode());
        assertEquals(indexed(clean), indexed(index), "the index holds what a clean run of the changed fleet gives");
        assertFalse(indexed(index).containsAll(before), "host-003's old incidents are gone");
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            assertEquals(4, idx.bundles().size(), "one bundle record per place: the old content's record went too");
        }
        // Back to the old captures: indexed again, not skipped by the forgotten key.
        Files.write(capture, oldBytes);
        Files.setLastModifiedTime(capture, oldTime);
        CliRun back = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertTrue(back.out().startsWith("hosts: 4 (1 indexed, 3 unchanged"), back.out());
        assertEquals(before, indexed(index));
    }

    @Test
    void hostsWithTheSameBytesAreStillTwoHostsWhateverTheJobs() throws IOException {
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        byte[] capture = Files.readAllBytes(TestFleet.samples().resolve(TestFleet.CASES[0]));
        Files.write(fleet.resolve("web-1.log"), capture);
        Files.write(fleet.resolve("web-2.log"), capture);
        Files.createDirectories(fleet.resolve("a/logs"));
        Files.write(fleet.resolve("a/logs/dmesg"), capture);
        Files.createDirectories(fleet.resolve("b/logs"));
        Files.write(fleet.resolve("b/logs/dmesg"), capture);
        for (String jobs : List.of("1", "2")) {
            Path index = dir.resolve("idx-" + jobs);
            CliRun run = CliRun.run("batch", "--quiet", "--jobs", jobs, "--index", index.toString(), fleet.toString());
            assertTrue(run.out().startsWith("hosts: 4 (4 indexed, 0 unchanged"), run.out());
            assertEquals(List.of("a", "b", "web-1", "web-2"), indexed(index).stream().map(j -> FleetJson.read(j).incident().host())
                    .distinct().sorted().toList(), "--jobs " + jobs);
        }
        // The same root named twice gives its hosts once.
        CliRun twice = CliRun.run("batch", "--quiet", "--index", dir.resolve("idx-twice").toString(), fleet.toString(),
                fleet.resolve(".").toString());
        assertTrue(twice.out().startsWith("hosts: 4 (4 indexed"), twice.out());
        // A copy added later is a new host, not an unchanged one.
        Files.write(fleet.resolve("web-3.log"), capture);
        CliRun again = CliRun.run("batch", "--quiet", "--jobs", "1", "--index", dir.resolve("idx-1").toString(), fleet.toString());
        assertTrue(again.out().startsWith("hosts: 5 (1 indexed, 4 unchanged"), again.out());
    }

    @Test
    void aTruncatedGzipKeepsItsLinesBeforeTheBreakAndAnEmptyHostIsReported() throws IOException {
        Path fleet = Files.createDirectories(dir.resolve("fleet"));
        byte[] capture = Files.readAllBytes(TestFleet.samples().resolve(TestFleet.CASES[0]));
        Path whole = dir.resolve("whole.gz");
        TestFleet.gzip(whole, (TestFleet.noise(1, 3000) + new String(capture, java.nio.charset.StandardCharsets.UTF_8)
                + TestFleet.noise(2, 3000)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] gz = Files.readAllBytes(whole);
        Files.createDirectories(fleet.resolve("cut"));
        Files.write(fleet.resolve("cut/dmesg.gz"), java.util.Arrays.copyOf(gz, gz.length * 3 / 4));
        Files.write(fleet.resolve("cut-file.gz"), java.util.Arrays.copyOf(gz, gz.length * 3 / 4));
        Files.createDirectories(fleet.resolve("empty"));
        Path index = dir.resolve("idx");
        CliRun run = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.out().startsWith("hosts: 3 (2 indexed, 0 unchanged, 1 failed, 2 with problems)"), run.out());
        assertTrue(run.out().matches("(?s).*  cut \\(indexed\\): cut/dmesg.gz: read failed after line [1-9]\\d{3,}: .*"), run.out());
        assertTrue(run.out().contains("  empty (skipped): " + fleet.resolve("empty") + ": no capture files in it"), run.out());
        assertEquals(List.of("cut", "cut-file"), indexed(index).stream().map(j -> FleetJson.read(j).incident().host())
                .distinct().sorted().toList(), "the incident before the break is indexed, for a directory and a file host");
    }

    @Test
    void fileErrorsNameTheFileAndWhyAndTheIndexIsNeverAHost() throws IOException {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 2, 5);
        Files.writeString(dir.resolve("idxfile"), "x");
        Map<List<String>, String> errors = Map.of(
                List.of("batch", "--index", dir.resolve("idxfile").toString(), fleet.toString()),
                dir.resolve("idxfile") + ": exists and is not a directory",
                List.of("batch", "--index", fleet.toString(), fleet.toString()),
                fleet + ": not empty and not an index",
                List.of("batch", "--index", dir.resolve("i1").toString(), "--ndjson", dir.resolve("no/x.nd").toString(), fleet.toString()),
                dir.resolve("no/x.nd") + ": no such file or directory",
                List.of("search", "--index", dir.resolve("nowhere").toString(), "kind:x"),
                dir.resolve("nowhere") + ": no index here");
        for (Map.Entry<List<String>, String> e : errors.entrySet()) {
            CliRun run = CliRun.run(e.getKey().toArray(new String[0]));
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("daxray: " + e.getValue()), e.getKey() + " said: " + run.err());
        }
        // An index inside the fleet root is not read as a host.
        Path inside = fleet.resolve("idx");
        assertTrue(CliRun.run("batch", "--quiet", "--index", inside.toString(), fleet.toString()).out().startsWith("hosts: 2 ("));
        assertTrue(CliRun.run("batch", "--quiet", "--index", inside.toString(), fleet.toString()).out()
                .startsWith("hosts: 2 (0 indexed, 2 unchanged"));
    }

    @Test
    void optionsOutOfRangeAreUsageErrorsAndAQueryMayStartWithAMinus() throws IOException {
        Path fleet = dir.resolve("fleet");
        Path index = indexGeneratedFleet(fleet, 4);
        Map<String, List<String>> refused = Map.of(
                "--timeout must be at least 1 ms", List.of("search", "--index", index.toString(), "--timeout", "0", "x"),
                "--top must be at least 1", List.of("report", "--index", index.toString(), "--top", "-1"),
                "--commit-every must be at least 1", List.of("batch", "--index", dir.resolve("i2").toString(), "--commit-every", "0",
                        fleet.toString()),
                "Unknown option: '--bogus'", List.of("search", "--index", index.toString(), "--bogus"),
                "--ndjson needs a file name", List.of("batch", "--index", dir.resolve("i2").toString(), "--ndjson", "-",
                        fleet.toString()),
                "--html needs a file name", List.of("report", "--index", index.toString(), "--html", "-"));
        refused.forEach((message, args) -> {
            CliRun run = CliRun.run(args.toArray(new String[0]));
            assertEquals(2, run.exitCode(), message);
            assertTrue(run.err().startsWith("daxray: " + message), run.err());
        });
        assertFalse(Files.exists(dir.resolve("i2")), "a refused batch writes nothing");
        long all;
        try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
            all = idx.incidentCount();
        }
        CliRun excluding = CliRun.run("search", "--index", index.toString(), "--limit", "0", "-kind:kernel-crash");
        long crashes = Long.parseLong(CliRun.run("search", "--index", index.toString(), "--limit", "0", "kind:kernel-crash")
                .out().split(" ")[0]);
        assertTrue(crashes > 0);
        assertTrue(excluding.out().startsWith((all - crashes) + " incident"), excluding.out() + excluding.err());
    }

    @Test
    void facetsAndGroupByOnAGeneratedFleet() throws IOException {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 24, 5);
        Path index = dir.resolve("idx");
        assertEquals(0, CliRun.run("batch", "--quiet", "--jobs", "2", "--index", index.toString(), fleet.toString()).exitCode());
        JsonNode all = new ObjectMapper().readTree(CliRun.run("search", "--index", index.toString(), "--format", "json",
                "--facet", "kind", "--facet", "bios", "--group-by", "fingerprint", "--limit", "0").out());
        // Hosts 0, 3, …, 21 have incidents: case (i % 4) → 0,3,2,1,0,3,2,1.
        Map<String, Integer> hostsPerFingerprint = new TreeMap<>();
        all.get("groups").forEach(g -> hostsPerFingerprint.merge(g.get("kind").asText(), g.get("hosts").asInt(), Integer::sum));
        assertEquals(2, hostsPerFingerprint.get("dax-poison-consumed"), hostsPerFingerprint.toString());
        JsonNode first = all.get("groups").get(0);
        assertEquals(2, first.get("hosts").asInt());
        assertEquals(3, all.get("facets").get("bios").size(), "three BIOS versions among the noise banners");
        long facetTotal = 0;
        for (JsonNode n : all.get("facets").get("kind")) {
            facetTotal += n.asLong();
        }
        assertEquals(all.get("total").asLong(), facetTotal, "each incident has one kind");
    }

    @Test
    void badInputsAreReportedAndSkippedWithTheRestIndexed() throws IOException {
        Path fleet = dir.resolve("fleet");
        TestFleet.generate(fleet, 4, 5);
        // A host that is a broken tar: a valid tar.gz cut short.
        Path good = dir.resolve("good.tar.gz");
        TestFleet.tarGz(good, "var/log/dmesg", TestFleet.noise(1, 2000),
                "var/log/incident", Files.readString(TestFleet.samples().resolve(TestFleet.CASES[0])));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(fleet.resolve("broken.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        // A whole tar host, for contrast.
        Files.copy(good, fleet.resolve("archived.tar.gz"));
        // A truncated gzip beside a good file.
        byte[] gz = Files.readAllBytes(fleet.resolve("host-000/incident.log.gz"));
        Files.write(fleet.resolve("host-001/old.log.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        // An unreadable file: a dangling link (chmod 000 does not stop root).
        Files.createSymbolicLink(fleet.resolve("host-002/gone.log"), dir.resolve("nowhere.log"));
        // Symbolic link loops: inside a host, and a host that is the fleet itself.
        Files.createSymbolicLink(fleet.resolve("host-003/loop"), Path.of(".."));
        // A file link out of the host: not followed either.
        Files.createSymbolicLink(fleet.resolve("host-003/passwd"), dir.resolve("good.tar.gz"));
        Files.createSymbolicLink(fleet.resolve("host-loop"), Path.of("."));
        Path index = dir.resolve("idx");
        CliRun run = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(2, run.exitCode());
        String out = run.out();
        assertTrue(out.startsWith("hosts: 6 (5 indexed, 0 unchanged, 1 failed, 3 with problems)"), out);
        assertTrue(out.contains("  broken (skipped): broken.tar.gz: broken tar archive"), out);
        assertTrue(out.contains("  host-001 (indexed): host-001/old.log.gz: read failed"), out);
        assertTrue(out.contains("  host-002 (indexed): " + fleet.resolve("host-002/gone.log") + ": broken symbolic link"), out);
        assertTrue(out.contains("  host-003 (indexed): " + fleet.resolve("host-003/loop") + ": symbolic link out of the bundle"), out);
        assertTrue(out.contains(fleet.resolve("host-003/passwd") + ": symbolic link out of the bundle"), out);
        assertTrue(out.contains("  " + fleet.resolve("host-loop") + ": symbolic link loop"), out);
        Map<String, Long> byHost = indexed(index).stream().map(FleetJson::read)
                .collect(Collectors.groupingBy(f -> f.incident().host(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("archived", 1L, "host-000", 1L, "host-003", 1L), byHost);
        FleetIncident archived = indexed(index).stream().map(FleetJson::read)
                .filter(f -> f.incident().host().equals("archived")).findFirst().orElseThrow();
        assertEquals("archived.tar.gz:var/log/incident", archived.incident().evidence().get(0).file());
        assertEquals("1.13.0 12/12/2023", archived.bios());
    }
}
