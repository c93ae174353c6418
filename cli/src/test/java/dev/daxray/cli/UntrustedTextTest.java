package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Log-derived text is attacker-controlled: hostile file names, host names, process names, kernel
 * releases and evidence lines reach every command's text output escaped (no control character, C1
 * control or bidi override gets through; a newline cannot forge a line), the HTML report escaped
 * for HTML as well, and the JSON outputs keep the exact strings (Jackson escapes them).
 */
class UntrustedTextTest {

    static final String ESC = "\u001b";
    static final String COMM = "f" + ESC + "[2Jsx\u202e";
    static final String RELEASE = "6.8.0-evil" + ESC + "]0;pwned\u0007";
    static final String HOST = "ev\u202eil\u2066";
    static final String FILE = "dmesg\n[  999.0] forged evidence" + ESC + "[2J\u009b.log";
    static final String HTML_HOST = "<img src=x onerror=alert(1)>" + ESC + "[2J";

    @TempDir
    Path dir;
    Path fleet;
    Path syslogHost;
    Path dmesgHost;

    /** A fleet of two hosts: one named by its syslog (bidi in the name), one by its directory (markup in the name). */
    @BeforeEach
    void hostileFleet() throws IOException {
        fleet = dir.resolve("fleet");
        syslogHost = fleet.resolve("a");
        Files.createDirectories(syslogHost);
        String prefix = "Mar  9 19:48:2%d " + HOST + " kernel: ";
        Files.writeString(syslogHost.resolve(FILE), String.join("\n",
                prefix.formatted(0) + "[    0.000000] Linux version " + RELEASE + " (b@h) (gcc) #1 SMP",
                prefix.formatted(4) + "[  100.100000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
                prefix.formatted(4) + "[  100.200000] Memory failure: 0x3c1b0a: Sending SIGBUS to " + COMM
                        + ":4242 due to hardware memory corruption",
                ""));
        dmesgHost = fleet.resolve(HTML_HOST);
        Files.createDirectories(dmesgHost);
        Files.writeString(dmesgHost.resolve(FILE), String.join("\n",
                "[    0.000000] Linux version " + RELEASE + " (b@h) (gcc) #1 SMP",
                "[  100.100000] Memory failure: 0x3c1b0a: recovery action for dax page: Recovered",
                "[  100.200000] Memory failure: 0x3c1b0a: Sending SIGBUS to " + COMM + ":4242 due to hardware memory corruption",
                "# fio --name=poison --filename=/mnt/pmem0/f" + ESC + "[2J", ""));
        Files.createSymbolicLink(dmesgHost.resolve("gone\n" + ESC + "[2J.log"), dir.resolve("nowhere"));
    }

    /** No character a terminal acts on, but the line ends; and the hostile strings are there, escaped. */
    static void assertSafe(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            boolean unsafe = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
                    || c >= 0x2066 && c <= 0x2069;
            assertFalse(unsafe, () -> "raw U+" + Integer.toHexString(c) + " at " + output.indexOf(c) + " in:\n" + output);
        }
        assertFalse(output.contains("\n[  999.0] forged"), output);
    }

    @Test
    void eventsText() {
        CliRun run = CliRun.run("events", syslogHost.toString(), dmesgHost.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, run.exitCode(), run.err());     // the dangling link
        assertSafe(run.out());
        assertSafe(run.err());
        assertTrue(run.out().contains("comm=f\\x1b[2Jsx\\u202e pid=4242"), run.out());
        assertTrue(run.out().contains("release=6.8.0-evil\\x1b]0;pwned\\x07"), run.out());
        assertTrue(run.out().contains("dmesg\\n[  999.0] forged evidence\\x1b[2J\\x9b.log:3)"), run.out());
        assertTrue(run.err().contains("a/dmesg\\n[  999.0] forged evidence\\x1b[2J\\x9b.log: syslog, 3 lines"), run.err());
        assertTrue(run.err().contains("unparsed "), run.err());
        assertTrue(run.err().contains("# fio --name=poison --filename=/mnt/pmem0/f\\x1b[2J"), run.err());
        assertTrue(run.err().contains("gone\\n\\x1b[2J.log: broken symbolic link"), run.err());
    }

    @Test
    void triageText() {
        CliRun run = CliRun.run("triage", "--explain", "--color", "never", syslogHost.toString(), dmesgHost.toString());
        assertSafe(run.out());
        assertSafe(run.err());
        assertTrue(run.out().contains("; f\\x1b[2Jsx\\u202e:4242 killed"), run.out());
        assertTrue(run.out().contains("host ev\\u202eil\\u2066, boot 0, kernel 6.8.0-evil\\x1b]0;pwned\\x07"), run.out());
        assertTrue(run.out().contains("forged evidence\\x1b[2J\\x9b.log:3  Mar  9 19:48:24 ev\\u202eil\\u2066 kernel:"), run.out());
        assertTrue(run.out().contains("processes: f\\x1b[2Jsx\\u202e:4242"), run.out());
    }

    @Test
    void batchSearchAndReport() throws IOException {
        Path index = dir.resolve("idx");
        CliRun batch = CliRun.run("batch", "--quiet", "--index", index.toString(), fleet.toString());
        assertEquals(ExitCodes.USAGE_OR_IO, batch.exitCode(), batch.err());
        assertSafe(batch.out());
        assertSafe(batch.err());
        assertTrue(batch.out().contains("  <img src=x onerror=alert(1)>\\x1b[2J (indexed): "), batch.out());

        CliRun search = CliRun.run("search", "--index", index.toString(), "--facet", "host", "--facet", "kernel",
                "--facet", "comm", "--group-by", "fingerprint", "*");
        assertEquals(ExitCodes.OK, search.exitCode(), search.err());
        assertSafe(search.out());
        assertTrue(search.out().contains("ev\\u202eil\\u2066"), search.out());
        assertTrue(search.out().contains("  f\\x1b[2Jsx\\u202e  "), search.out());
        CliRun bad = CliRun.run("search", "--index", index.toString(), "host:x\u202e AND");
        assertSafe(bad.err());
        assertEquals("daxray: query:12: unexpected end of query; expected a term, a phrase, ( or [\n"
                + "  host:x\\u202e AND\n"
                + "  " + " ".repeat("host:x\\u202e AND".length()) + "^\n", bad.err().replace("\r\n", "\n"));

        Path html = dir.resolve("fleet.html");
        CliRun report = CliRun.run("report", "--index", index.toString(), "--html", html.toString());
        assertEquals(ExitCodes.OK, report.exitCode(), report.err());
        assertSafe(report.out());
        assertTrue(report.out().contains("6.8.0-evil\\x1b]0;pwned\\x07"), report.out());
        assertTrue(report.out().contains("gone\\n\\x1b[2J.log: broken symbolic link"), report.out());
        String page = Files.readString(html);
        assertSafe(page);
        assertFalse(page.contains("<img"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;\\x1b[2J"), page);
    }

    /** JSON keeps the exact strings: Jackson escapes control characters, and parsing gives them back. */
    @Test
    void jsonKeepsTheStringsEscaped() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        CliRun events = CliRun.run("events", "--format", "jsonl", syslogHost.toString());
        List<JsonNode> sigbus = new ArrayList<>();
        for (String line : events.out().split("\n")) {
            JsonNode event = mapper.readTree(line);
            if (event.path("type").asText().equals("sigbus")) {
                sigbus.add(event);
            }
        }
        assertEquals(1, sigbus.size(), events.out());
        assertEquals(COMM, sigbus.get(0).path("comm").asText());
        assertEquals(HOST, sigbus.get(0).path("host").asText());
        assertEquals(RELEASE, sigbus.get(0).path("kernel").asText());
        assertTrue(sigbus.get(0).path("file").asText().endsWith(FILE));
        assertNoRawControls(events.out());

        CliRun triage = CliRun.run("triage", "--format", "json", syslogHost.toString());
        JsonNode incident = mapper.readTree(triage.out()).path("incidents").path(0);
        assertEquals(COMM, incident.path("processes").path(0).path("comm").asText());
        assertEquals(RELEASE, incident.path("kernel").asText());
        assertNoRawControls(triage.out());

        Path index = dir.resolve("idx");
        Path ndjson = dir.resolve("new.ndjson");
        CliRun.run("batch", "--quiet", "--index", index.toString(), "--ndjson", ndjson.toString(), fleet.toString());
        assertNoRawControls(Files.readString(ndjson));
        CliRun search = CliRun.run("search", "--index", index.toString(), "--format", "json", "--facet", "host", "*");
        JsonNode result = mapper.readTree(search.out());
        assertTrue(result.path("facets").path("host").has(HOST), search.out());
        assertTrue(result.path("facets").path("host").has(HTML_HOST), search.out());
        assertNoRawControls(search.out());
    }

    private static void assertNoRawControls(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertFalse(c < 0x20 && c != '\n', () -> "raw control U+" + Integer.toHexString(c) + " in JSON:\n" + json);
        }
    }
}
