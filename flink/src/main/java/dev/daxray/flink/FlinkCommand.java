package dev.daxray.flink;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import dev.daxray.index.IncidentIndex;
import dev.daxray.opensearch.OpenSearchIncidents;
import dev.daxray.rules.RuleLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daxray flink}: the fleet batch as an Apache Flink job. */
@Command(name = "daxray flink",
        mixinStandardHelpOptions = true,
        description = {
                "Triage every host bundle of fleet dumps as an Apache Flink job (BATCH mode), one bundle per split,",
                "and write the incidents to a daxray index, an NDJSON file and/or OpenSearch, exactly as daxray batch.",
                "",
                "./daxray flink runs it in an embedded local cluster; flink run flink/target/daxray-flink.jar takes the",
                "same options on a real cluster. FLEET roots and --manifest files may be on any Flink file system",
                "(s3://, hdfs://, … with the cluster's plugin). A host that cannot be read is reported and skipped.",
                "Hosts read are journaled in --work; a killed or failed run leaves them, and the next run reads only",
                "the rest. The index is written by the job's last step: on a cluster give a path its TaskManager",
                "can write (a shared mount), or use --opensearch."},
        footer = {"", "Examples:",
                "  ./daxray flink --index idx samples/fleet/",
                "  ./daxray flink --parallelism 2 --index idx --ndjson new.ndjson /dumps/2026-03-0*",
                "  flink run flink/target/daxray-flink.jar --manifest s3://dumps/today.txt --opensearch http://search:9200",
                "", "Exit codes: 0 every host read, 2 usage error, or some host (or input) could not be read."})
public final class FlinkCommand implements Callable<Integer> {

    @Option(names = "--index", paramLabel = "DIR", description = "A daxray index directory (created when missing).")
    Path index;

    @Option(names = "--ndjson", paramLabel = "FILE", description = "Also write the incidents found by this run, one JSON object a line.")
    String ndjson;

    @Option(names = "--opensearch", paramLabel = "URL", description = "Also write the incidents to this OpenSearch cluster.")
    String opensearch;

    @Option(names = "--index-name", defaultValue = OpenSearchIncidents.DEFAULT_INDEX, paramLabel = "NAME",
            description = "With --opensearch: the OpenSearch index (default: ${DEFAULT-VALUE}).")
    String indexName;

    @Option(names = "--manifest", paramLabel = "FILE", description = "A file with one host bundle path or URI a line (repeatable).")
    List<String> manifests = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N", description = "Task slots reading hosts (default: the cluster's; locally, the cores).")
    Integer parallelism;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.rules files of DIR (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR", description = "Where the journals go (default: INDEX.flink-work, else NDJSON's).")
    String work;

    @Parameters(paramLabel = "FLEET", arity = "0..*", description = "Fleet dump directories or single host bundles, local or URIs.")
    List<String> fleets = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private final StreamExecutionEnvironment environment;

    /** Runs on the environment Flink gives (embedded locally, the cluster's under flink run). */
    public FlinkCommand() {
        this(null);
    }

    /** Runs on {@code environment} (tests: a MiniCluster). */
    public FlinkCommand(StreamExecutionEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (index == null && ndjson == null && opensearch == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one output: --index, --ndjson or --opensearch");
        }
        if (fleets.isEmpty() && manifests.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give FLEET roots or a --manifest");
        }
        if (parallelism != null && parallelism < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--parallelism must be at least 1, not [" + parallelism + "]");
        }
        Outputs outputs = new Outputs(work != null ? work : (index != null ? index + ".flink-work" : ndjson + ".flink-work"),
                index == null ? null : index.toAbsolutePath().toString(), ndjson, opensearch, indexName);
        List<RuleLoader.RuleText> rules = new ArrayList<>(RuleLoader.shipped());
        for (Path dir : ruleDirs) {
            rules.addAll(RuleLoader.read(dir));
        }
        RuleLoader.load(rules);     // a rule error stops here, before the job
        FleetPlan plan = FleetPlan.of(fleets, manifests, outputs);
        plan.problems().forEach(p -> err.println("daxray: " + p));
        StreamExecutionEnvironment env = environment != null ? environment : defaultEnvironment();
        if (parallelism != null) {
            env.setParallelism(parallelism);
        }
        FlinkJob.Summary summary = FlinkJob.run(env, plan, outputs, rules,
                System.getProperty("java.io.tmpdir") + "/daxray-flink-staging");
        print(out, summary, plan);
        boolean problems = !plan.problems().isEmpty() || summary.failed() > 0 || !summary.problems().isEmpty();
        return problems ? 2 : 0;
    }

    private static StreamExecutionEnvironment defaultEnvironment() {
        Configuration config = new Configuration();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        return env;
    }

    private void print(PrintWriter out, FlinkJob.Summary s, FleetPlan plan) throws IOException {
        long withProblems = s.problems().stream().filter(p -> !p[1].equals("FAILED")).count();
        out.printf(Locale.ROOT, "hosts: %d (%d indexed, %d unchanged, %d failed, %d with problems)%n",
                s.hosts(), s.indexed(), s.unchanged(), s.failed(), withProblems);
        out.printf(Locale.ROOT, "bytes: %.1f MB read in %.1f s (%.1f MB/s)%n", s.bytes() / 1e6, s.millis() / 1e3,
                s.bytes() / 1e6 / Math.max(s.millis() / 1e3, 1e-3));
        if (index != null) {
            try (IncidentIndex idx = IncidentIndex.openForReading(index)) {
                out.printf("incidents: %d found by this run; the index holds %d%n", s.incidents(), idx.incidentCount());
            }
        } else {
            out.printf("incidents: %d found by this run%n", s.incidents());
        }
        if (!s.problems().isEmpty() || !plan.problems().isEmpty()) {
            out.println("hosts with errors:");
            for (String[] p : s.problems()) {
                out.println("  " + p[0] + (p[1].equals("FAILED") ? " (skipped)" : " (indexed)") + ": " + p[2]);
            }
            plan.problems().forEach(p -> out.println("  " + p));
        }
        out.flush();
    }
}
