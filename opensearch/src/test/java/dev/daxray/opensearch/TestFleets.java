package dev.daxray.opensearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.daxray.batch.Batch;
import dev.daxray.fleet.FleetScanner;
import dev.daxray.fleet.HostTriage;
import dev.daxray.index.IncidentIndex;
import dev.daxray.rules.RuleLoader;

/**
 * Fleets for the equivalence tests: the bundled samples/fleet, and a generated one made by the
 * benchmark's own generator ({@code bench/GenerateFleet.java}, run by the JDK's source launcher),
 * small in bytes (a few KB of chatter per host) so the tests stay fast.
 */
public final class TestFleets {

    private TestFleets() {
    }

    public static Path root() {
        String root = System.getProperty("daxray.root");
        return root != null && !root.isBlank() && !root.startsWith("${") ? Path.of(root) : Path.of("..");
    }

    public static Path samplesFleet() {
        return root().resolve("samples/fleet");
    }

    /** {@code hosts} generated hosts, a quarter of them with a bundled sample's incidents; deterministic. */
    public static Path generated(Path out, int hosts) throws IOException, InterruptedException {
        if (Files.isDirectory(out)) {
            return out;
        }
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsamples=" + root().resolve("samples"), root().resolve("bench/GenerateFleet.java").toString(),
                out.toString(), Integer.toString(hosts), "0.004", "25", "7")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!generator.waitFor(120, TimeUnit.SECONDS) || generator.exitValue() != 0) {
            throw new IOException("bench/GenerateFleet.java failed");
        }
        return out;
    }

    /** Indexes fleets as daxray batch does, with the shipped rules. */
    public static void batch(Path index, Path... fleets) throws IOException {
        HostTriage.Settings settings = HostTriage.Settings.of(RuleLoader.shipped(), IncidentIndex.FORMAT);
        try (IncidentIndex idx = IncidentIndex.openForWriting(index)) {
            Batch.run(FleetScanner.scan(List.of(fleets), index).bundles(), idx, settings.rules(), settings.digest(),
                    Batch.Options.defaults(2), Batch.Listener.NONE);
        }
    }
}
