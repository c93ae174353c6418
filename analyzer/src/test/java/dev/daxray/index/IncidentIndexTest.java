package dev.daxray.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.incidents.Incident;

class IncidentIndexTest {

    private static final Instant NOW = Instant.parse("2026-03-10T00:00:00Z");

    @TempDir
    Path dir;

    /** An incident with every field of the contract set, on {@code host}. */
    static FleetIncident full(String host, String id, String fingerprint, String kernel, long time) {
        Incident incident = new Incident(id, fingerprint, "dax-poison-consumed",
                List.of("dax-poison-consumed", "sigbus-kill"), "high", "Poison consumed through a DAX mapping at pfn 0x3c1b0a",
                "A user-space read hit poisoned persistent memory", host, 1, kernel, new BigDecimal("5187.402318"),
                new BigDecimal("5187.411530"), null, List.of("0x3c1b0a"), null, null, List.of("0xfedcba9876543000"),
                List.of(new Incident.Location("0x3c1b0a", "0x3c1b0a400", "namespace0.0", "region0", 1048576L, 9310208L,
                        new Incident.Badblock("namespace0.0", 1048576, 8), true, null)),
                List.of("pmem0"),
                List.of("xfs (pmem0)"), List.of(new Incident.Process("fsx", 4242)),
                List.of(new Incident.Evidence(host + "/dmesg.log", 77, "mce: Uncorrected hardware memory error in user-access at 3c1b0a400"),
                        new Incident.Evidence(host + "/dmesg.log", 79, "Memory failure: 0x3c1b0a: recovery action for dax page: Recovered")),
                4, "Restore the file range from a replica");
        return new FleetIncident(incident, host, time, "log", "Supermicro SYS-2029U-TR4/X11DPU", "3.8a 10/25/2023", 1);
    }

    private SearchResult search(IncidentIndex index, String query) throws IOException {
        return index.search(new SearchRequest(query, null, null, 10, List.of(), false, 10_000, NOW));
    }

    @Test
    void everyFieldRoundTripsAndIsQueryable() throws IOException {
        FleetIncident f = full("web-01", "fd7c0bd1478d7992", "aaaa000011112222", "6.8.0-45-generic",
                Instant.parse("2026-03-01T12:00:00Z").toEpochMilli());
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            index.add(f);
            index.commit();
        }
        try (IncidentIndex index = IncidentIndex.openForReading(dir)) {
            assertEquals(List.of(f), index.all(), "the stored JSON reads back as the same record");
            Map<String, String> matching = new java.util.LinkedHashMap<>();
            matching.put("kind:dax-poison-consumed", "kind:fs-shutdown");
            matching.put("labels:sigbus-kill", "labels:fs-shutdown");
            matching.put("severity:HIGH", "severity:low");
            matching.put("host:web-01", "host:web-02");
            matching.put("host:web-*", "host:db-*");
            matching.put("kernel:6.8.0-45-generic", "kernel:6.8");
            matching.put("kernel:6.8*", "kernel:6.1*");
            matching.put("device:pmem0", "device:pmem1");
            matching.put("fs:xfs", "fs:ext4");
            matching.put("comm:fsx", "comm:fio");
            matching.put("fingerprint:aaaa000011112222", "fingerprint:bbbb");
            matching.put("model:\"Supermicro SYS-2029U-TR4/X11DPU\"", "model:Dell*");
            matching.put("bios:\"3.8a 10/25/2023\"", "bios:1.0");
            matching.put("bundle:web-01", "bundle:web-02");
            matching.put("timeSource:log", "timeSource:collected");
            matching.put("id:\"web-01/fd7c0bd1478d7992\"", "id:\"web-02/fd7c0bd1478d7992\"");
            matching.put("incidentId:fd7c0bd1478d7992", "incidentId:0");
            matching.put("pfn:0x3c1b0a", "pfn:0x3c1b0b");
            matching.put("pfn:3939082", "pfn:3939083");
            matching.put("pfn:[0x3c0000 TO 0x3cffff]", "pfn:[0x3d0000 TO *]");
            matching.put("pfn:{0x3c1b09 TO 0x3c1b0b}", "pfn:{0x3c1b0a TO 0x3c1b0b}");
            matching.put("physAddr:[0x8000000000000000 TO 0xffffffffffffffff]", "physAddr:[0 TO 0x7fffffffffffffff]");
            matching.put("pid:4242", "pid:4243");
            matching.put("boot:1", "boot:0");
            matching.put("start:[5187 TO 5188]", "start:[5188 TO *]");
            matching.put("start:5187.402318", "start:5187.4023");
            matching.put("time:[2026-03-01 TO 2026-03-02]", "time:[2026-03-02 TO *]");
            matching.put("time:[now-10d TO now]", "time:[now-5d TO now]");
            matching.put("evidenceCount:4", "evidenceCount:[5 TO *]");
            matching.put("severityRank:high", "severityRank:critical");
            matching.put("title:poison", "title:shutdown");
            matching.put("summary:\"persistent memory\"", "summary:volatile");
            matching.put("evidence:Recovered", "evidence:Failed");
            matching.put("advice:replica", "advice:reboot");
            matching.put("DAX mapping", "DAX shutdown");
            matching.put("*", "-*:*");
            for (Map.Entry<String, String> e : matching.entrySet()) {
                assertEquals(1, search(index, e.getKey()).total(), e.getKey());
                assertEquals(0, search(index, e.getValue()).total(), e.getValue());
            }
        }
    }

    @Test
    void upsertsByIdAndRemembersBundles() throws IOException {
        FleetIncident a = full("web-01", "1111", "fp1", "6.8.0", 1_000L);
        FleetIncident b = full("web-02", "1111", "fp1", "6.8.0", 2_000L);
        BundleRecord record = new BundleRecord("k1", "web-01", "web-01", 10, 1, 1, List.of(), "/dumps/a/web-01");
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            index.add(record, List.of(a));
            index.add(record, List.of(a));
            index.add(b);
            index.commit();
            index.add(a);
            index.commit();
            assertEquals(2, index.incidentCount(), "same host and id: one document; another host: another");
        }
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            assertTrue(index.hasBundle("k1"));
            assertEquals(List.of(record), index.bundles());
        }
    }

    @Test
    void readingASourceAgainReplacesWhatItGaveAndForgetsItsOldKey() throws IOException {
        FleetIncident old = full("web-01", "1111", "fp1", "6.8.0", 1_000L);
        FleetIncident kept = full("web-02", "2222", "fp2", "6.8.0", 1_000L);
        FleetIncident fresh = full("web-01", "3333", "fp3", "6.8.0", 2_000L);
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            index.add(new BundleRecord("k1", "web-01", "web-01", 10, 1, 1, List.of(), "/dumps/a/web-01"), List.of(old));
            index.add(new BundleRecord("k2", "web-02", "web-02", 10, 1, 1, List.of(), "/dumps/a/web-02"), List.of(kept));
            index.commit();
        }
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            index.add(new BundleRecord("k3", "web-01", "web-01", 12, 1, 1, List.of(), "/dumps/a/web-01"), List.of(fresh));
            index.commit();
            assertEquals(List.of(kept.id(), fresh.id()).stream().sorted().toList(),
                    index.all().stream().map(FleetIncident::id).sorted().toList());
            assertTrue(!index.hasBundle("k1") && index.hasBundle("k2") && index.hasBundle("k3"));
            assertEquals(List.of("k2", "k3"), index.bundles().stream().map(BundleRecord::key).sorted().toList());
        }
    }

    @Test
    void uncommittedWorkIsDroppedOnClose() throws IOException {
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            index.add(full("web-01", "1", "fp", "6.8", 1L));
            index.commit();
            index.add(new BundleRecord("k2", "web-02", "web-02", 1, 1, 1, List.of(), "/dumps/a/web-02"), List.of(full("web-02", "2", "fp", "6.8", 1L)));
        }
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            assertEquals(1, index.incidentCount());
            assertTrue(!index.hasBundle("k2"));
        }
    }

    @Test
    void facetsAndGroupByCountHostsPerFingerprint() throws IOException {
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            for (int h = 0; h < 6; h++) {
                String host = "host-" + h;
                index.add(full(host, "a" + h, "shared", h < 4 ? "6.8.0" : "6.1.0", 1000L * h));
                if (h % 2 == 0) {
                    index.add(full(host, "b" + h, "even-" + (h / 4), "6.8.0", 1000L * h));
                }
                if (h == 2) {
                    index.commit(); // two segments: groups and facets merge across them
                }
            }
            index.commit();
            SearchResult all = index.search(new SearchRequest("", null, null, 3, List.of("kernel", "host"), true, 10_000, NOW));
            assertEquals(9, all.total());
            assertEquals(3, all.hits().size());
            assertEquals(List.of(new SearchResult.Count("6.8.0", 7), new SearchResult.Count("6.1.0", 2)), all.facets().get("kernel"));
            assertEquals(6, all.facets().get("host").size());
            SearchResult everyOne = index.search(new SearchRequest("labels:sigbus-kill", null, null, 3, List.of("kernel", "host"),
                    false, 10_000, NOW));
            assertEquals(all.facets(), everyOne.facets(), "a term every incident has counts like no query at all");
            SearchResult some = index.search(new SearchRequest("kernel:6.1.0", null, null, 3, List.of("kernel", "host"),
                    false, 10_000, NOW));
            assertEquals(List.of(new SearchResult.Count("6.1.0", 2)), some.facets().get("kernel"));
            assertEquals(List.of("shared:6", "even-0:2", "even-1:1"),
                    all.groups().stream().map(g -> g.fingerprint() + ":" + g.hosts()).toList());
            assertEquals(new SearchResult.FingerprintGroup("shared", "dax-poison-consumed", 6, 6,
                    List.of("host-0", "host-1", "host-2", "host-3", "host-4")), all.groups().get(0),
                    "incidents, kind and the first five hosts by name");
            assertEquals(List.of("host-0", "host-2"), all.groups().get(1).sampleHosts());
            assertEquals(4, index.search(new SearchRequest("host:host-0 OR (-fingerprint:shared)", null, null, 0, List.of(),
                    false, 10_000, NOW)).total(), "host-0's shared incident, and the three that are not shared");
            for (String onlyExclusions : List.of("-fingerprint:shared", "NOT fingerprint:shared", "(NOT fingerprint:shared)")) {
                assertEquals(3, index.search(new SearchRequest(onlyExclusions, null, null, 0, List.of(), false, 10_000, NOW))
                        .total(), onlyExclusions + ": everything but the excluded");
            }
            SearchResult since = index.search(new SearchRequest("", 3000L, 5000L, 10, List.of(), false, 10_000, NOW));
            assertEquals(List.of("host-4/a4", "host-4/b4", "host-3/a3"), since.hits().stream().map(FleetIncident::id).toList(),
                    "--since is inclusive, --until exclusive; newest first, then by id");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kidn:x                   | query:1: unknown field [kidn]; did you mean [kind]?",
            "kind:(dax                | query:10: unexpected end of query; expected a term, a phrase, ( or [",
            "kind:dax AND             | query:13: unexpected end of query; expected a term, a phrase, ( or [",
            "host:*web                | query:1: leading wildcard in [*web] is not allowed: it would scan every term; anchor the pattern (e.g. web*)",
            "pfn:0xzz                 | query:5: bad number [0xzz] for pfn; expected 0x… hex or a decimal number",
            "kind:a pfn:[1 TO 0xq]    | query:18: bad number [0xq] for pfn; expected 0x… hex or a decimal number",
            "pfn:3c*                  | query:5: field [pfn] is numeric: [3c*] is not a number; use pfn:VALUE or pfn:[LOW TO HIGH]",
            "time:[yesterday TO now]  | query:7: bad time [yesterday]; expected one of: 2026-03-01, 2026-03-01T12:00, 2026-03-01T12:00:00Z, now, now-7d, 7d, 12h, 30m",
            "kind:x \"unterminated    | query:8: unterminated quote",
            "kind:[a TO               | query:11: unexpected end of query; expected a term, a phrase, ( or [",
            "start:[abc TO 5]         | query:8: bad number [abc] for start; expected seconds, e.g. 5187.4",
            "AND                      | query:1: unexpected [AND]",
            ")                        | query:1: unexpected [)]",
            "kind:x OR OR             | query:11: unexpected [OR]",
            "/[/                      | query:1: bad regular expression [[]: unexpected end-of-string",
            "kind:x /[/               | query:8: bad regular expression [[]: unexpected end-of-string",
    })
    void badQueriesSayWhereAndWhy(String query, String message) throws IOException {
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            QueryException e = assertThrows(QueryException.class, () -> search(index, query));
            assertEquals(message, e.getMessage().startsWith("query:1: unknown field") ? e.getMessage().substring(0, message.length()) : e.getMessage());
        }
    }

    @Test
    void pathologicalPatternsAreBounded() throws IOException {
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            String longRegex = "kind:/" + "a".repeat(200) + "/";
            assertEquals("query:1: regular expression longer than 128 characters",
                    assertThrows(QueryException.class, () -> search(index, longRegex)).getMessage());
            QueryException blowup = assertThrows(QueryException.class, () -> search(index, "kind:/(a|b)*a(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)(a|b)/"));
            assertTrue(blowup.getMessage().contains("is too complex"), blowup.getMessage());
            assertEquals("query:4097: query longer than 4096 characters",
                    assertThrows(QueryException.class, () -> search(index, "a ".repeat(2100))).getMessage());
            assertTrue(assertThrows(QueryException.class, () -> index.search(SearchRequest.of("").withFacets(List.of("kindd"))))
                    .getMessage().startsWith("query: cannot count values of [kindd]; did you mean [kind]?"));
        }
    }
}
