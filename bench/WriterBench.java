import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.daxray.fleet.BundleReader;
import dev.daxray.fleet.BundleRecord;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.FleetJson;
import dev.daxray.fleet.HostBundle;
import dev.daxray.fleet.HostResult;
import dev.daxray.fleet.HostTriage;
import dev.daxray.index.IncidentIndex;
import dev.daxray.rules.RuleLoader;

/**
 * The index writer's throughput as the batch (and the Flink job's commit step) drive it: one
 * bundle record plus K incidents per host, added with IncidentIndex.add and committed every 64
 * hosts, as Batch does. The incidents are a real sample's, renamed per host. This is the one
 * serial step of a batch, so hosts/s here bounds how many reading jobs can be kept busy.
 *
 * Usage: java -cp cli/target/daxray.jar bench/WriterBench.java OUT HOSTS INCIDENTS_PER_HOST [COMMIT_EVERY_HOSTS]
 * (default 64, as batch; 0: one commit at the end, to separate the adds' cost from the commits')
 */
public final class WriterBench {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int hosts = Integer.parseInt(args[1]);
        int perHost = Integer.parseInt(args[2]);
        int commitEvery = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        Path sample = Path.of(System.getProperty("samples", "samples"), "dax-poison-consumed-6x");
        BundleReader.Outcome outcome = HostTriage.read(new HostBundle("sample", sample, 0),
                HostTriage.Settings.of(RuleLoader.shipped(), IncidentIndex.FORMAT), k -> false, n -> { });
        String template = FleetJson.write(outcome.incidents().get(0));
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists");
        }
        List<HostResult> results = new ArrayList<>(hosts);      // made before the clock starts
        for (int h = 0; h < hosts; h++) {
            String host = String.format("host-%06d", h);
            List<FleetIncident> incidents = new ArrayList<>();
            for (int i = 0; i < perHost; i++) {
                incidents.add(FleetJson.read(template.replaceFirst("\"host\":\"[^\"]*\"", "\"host\":\"" + host + "\"")
                        .replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + Integer.toHexString(i) + "\"")));
            }
            results.add(new HostResult(new BundleRecord(Integer.toHexString(h) + "-key", host, host, 1000, 1, perHost, List.of(),
                    "/fleet/" + host), incidents));
        }
        long start = System.nanoTime();
        try (IncidentIndex index = IncidentIndex.openForWriting(out)) {
            for (int h = 0; h < hosts; h++) {
                index.add(results.get(h).record(), results.get(h).incidents());
                if (commitEvery > 0 && h % commitEvery == commitEvery - 1) {
                    index.commit();
                }
            }
            index.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("writer: %d hosts × %d incidents, commit every %s: %.2f s, %.0f hosts/s, %.0f incidents/s%n", hosts,
                perHost, commitEvery > 0 ? commitEvery + " hosts" : "run (once)", seconds, hosts / seconds,
                (double) hosts * perHost / seconds);
    }
}
