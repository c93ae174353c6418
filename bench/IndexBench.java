import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.daxray.fleet.FleetIncident;
import dev.daxray.incidents.Incident;
import dev.daxray.index.IncidentIndex;
import dev.daxray.index.SearchRequest;

/**
 * Builds an index of N generated incidents straight through IncidentIndex (no log parsing), then
 * measures search and facet latency: each query shape run ROUNDS times in one warm JVM, p50 and
 * p99 over all runs, plus index bytes per incident.
 *
 * Usage: java -cp cli/target/daxray.jar bench/IndexBench.java INDEX_DIR N [ROUNDS]
 * (N = 0: search an index built before, without indexing)
 */
public final class IndexBench {

    private static final String[] KINDS = {"dax-poison-consumed", "sigbus-kill", "fs-shutdown", "hwpoison-recovered",
        "hwpoison-failed", "corrected-errors", "ghes-memory-error", "kernel-crash", "soft-offline", "uncorrected-not-handled"};
    private static final String[] SEVERITIES = {"critical", "high", "medium", "low", "info"};
    private static final String[] KERNELS = {"6.8.0-45-generic", "6.1.0-26-amd64", "5.15.0-119-generic", "6.6.63-1-lts",
        "4.19.306-pmemlab", "6.12.6-amd64"};
    private static final String[] COMMS = {"fsx", "fio", "redis-server", "rocksdb:high0", "tsdb-worker-0", "postgres", "java"};
    private static final String[] MODELS = {"Dell Inc. PowerEdge R750/0PJ80F", "Supermicro SYS-2029U-TR4/X11DPU",
        "Lenovo ThinkSystem SR650 V2/7Z73CTO1WW"};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Random random = new Random(7);
        long start = System.nanoTime();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        if (n > 0) {
            build(dir, n, random, base, start);
        }
        search(dir, rounds, base);
    }

    private static void build(Path dir, int n, Random random, Instant base, long start) throws IOException {
        try (IncidentIndex index = IncidentIndex.openForWriting(dir)) {
            for (int i = 0; i < n; i++) {
                index.add(incident(i, random, base));
                if (i % 200_000 == 199_999) {
                    index.commit();
                    System.err.printf("indexed %d%n", i + 1);
                }
            }
            index.commit();
            index.forceMerge(1);
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.list(dir)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("index: %d incidents in %.1f s (%.0f/s), %.1f MiB, %.0f bytes per incident%n", n, indexSeconds,
                n / indexSeconds, bytes / 1048576.0, bytes / (double) n);
    }

    private static void search(Path dir, int rounds, Instant base) throws IOException {

        Instant now = base.plusSeconds(90L * 86400);
        String[] queries = {
            "kind:dax-poison-consumed",
            "kind:dax-poison-consumed AND kernel:6.8*",
            "severity:(critical OR high) host:web-01*",
            "pfn:[0x3c0000 TO 0x3cffff]",
            "time:[2026-02-01 TO 2026-02-08] comm:fsx",
            "evidence:\"recovery action for dax page\"",
            "fingerprint:fp-00042",
            "labels:sigbus-kill -fs:xfs",
        };
        try (IncidentIndex index = IncidentIndex.openForReading(dir)) {
            List<Long> search = new ArrayList<>();
            List<Long> facets = new ArrayList<>();
            List<Long> facetsAll = new ArrayList<>();
            List<Long> groups = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (String q : queries) {
                    long t = System.nanoTime();
                    index.search(new SearchRequest(q, null, null, 20, List.of(), false, 10_000, now));
                    search.add(System.nanoTime() - t);
                }
                long t = System.nanoTime();
                index.search(new SearchRequest(queries[r % queries.length], null, null, 20,
                        List.of("kernel", "kind", "severity", "host"), false, 10_000, now));
                facets.add(System.nanoTime() - t);
                t = System.nanoTime();
                index.search(new SearchRequest("*", null, null, 0, List.of("kernel", "kind", "severity"), false, 10_000, now));
                facetsAll.add(System.nanoTime() - t);
                if (r % 10 == 0) {
                    t = System.nanoTime();
                    index.search(new SearchRequest("kind:dax-poison-consumed", null, null, 0, List.of(), true, 10_000, now));
                    groups.add(System.nanoTime() - t);
                }
            }
            System.out.println("incidents in the index: " + index.incidentCount());
            System.out.println("search (" + search.size() + " queries, limit 20): " + percentiles(search));
            System.out.println("facets over a query's matches (" + facets.size() + " searches, kernel+kind+severity+host, limit 20): "
                    + percentiles(facets));
            System.out.println("facets over every incident (" + facetsAll.size() + ", kernel+kind+severity): " + percentiles(facetsAll));
            System.out.println("group-by fingerprint (" + groups.size() + " over ~10% of incidents): " + percentiles(groups));
        }
    }

    private static String percentiles(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    private static FleetIncident incident(int i, Random random, Instant base) {
        int hostNumber = random.nextInt(20_000);
        String host = (hostNumber % 3 == 0 ? "web-" : hostNumber % 3 == 1 ? "db-" : "stor-") + String.format("%05d", hostNumber);
        String kind = KINDS[random.nextInt(KINDS.length)];
        String severity = SEVERITIES[random.nextInt(SEVERITIES.length)];
        long pfn = 0x100000L + random.nextInt(0x4000000);
        String comm = COMMS[random.nextInt(COMMS.length)];
        int pid = 1000 + random.nextInt(60000);
        boolean fs = random.nextBoolean();
        Incident incident = new Incident(String.format("%016x", random.nextLong()), String.format("fp-%05d", random.nextInt(500)),
                kind, List.of(kind, "sigbus-kill"), severity, "Poison consumed through a DAX mapping at pfn 0x" + Long.toHexString(pfn),
                "A user-space read hit poisoned persistent memory at 0x" + Long.toHexString(pfn << 12) + "; memory_failure() says Recovered.",
                host, 0, KERNELS[random.nextInt(KERNELS.length)], new BigDecimal(random.nextInt(100000) + ".402318"),
                new BigDecimal(random.nextInt(100000) + ".411536"), null, List.of("0x" + Long.toHexString(pfn)), null, null,
                List.of("0x" + Long.toHexString(pfn << 12)), List.of(), fs ? List.of("pmem" + random.nextInt(4)) : List.of(),
                fs ? List.of("xfs (pmem0)") : List.of(), List.of(new Incident.Process(comm, pid)),
                Arrays.asList(
                        new Incident.Evidence(host + "/dmesg.log", 77, "mce: Uncorrected hardware memory error in user-access at " + Long.toHexString(pfn << 12)),
                        new Incident.Evidence(host + "/dmesg.log", 78, "Memory failure: 0x" + Long.toHexString(pfn) + ": Sending SIGBUS to " + comm + ":" + pid + " due to hardware memory corruption"),
                        new Incident.Evidence(host + "/dmesg.log", 79, "Memory failure: 0x" + Long.toHexString(pfn) + ": recovery action for dax page: Recovered")),
                3, "Restore the file range from a replica or backup, then clear the poison by rewriting it.");
        long time = base.toEpochMilli() + (long) (random.nextDouble() * 90 * 86_400_000L);
        return new FleetIncident(incident, host, time, "log", MODELS[random.nextInt(MODELS.length)], "1.13.2 12/12/2023", 1);
    }
}
