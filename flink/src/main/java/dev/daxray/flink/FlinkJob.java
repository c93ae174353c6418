package dev.daxray.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import dev.daxray.rules.RuleLoader;

/**
 * The fleet batch as a Flink job in BATCH mode: host bundles (one split each) → read and triaged
 * in parallel by the engine-free core → journaled per subtask → one commit step that replays the
 * journals into the index, the NDJSON file and OpenSearch in fleet order ({@link CommitSink}).
 */
public final class FlinkJob {

    /** What a run did, from the job's accumulators. */
    public record Summary(long hosts, long indexed, long unchanged, long failed, long bytes, long incidents,
                          List<String[]> problems, long millis) {
    }

    private FlinkJob() {
    }

    /** Adds the job to {@code env}. */
    public static void build(StreamExecutionEnvironment env, FleetPlan plan, Outputs outputs, List<RuleLoader.RuleText> rules,
                             String stagingDir, long run) {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<String[]> ruleTexts = new ArrayList<>();
        rules.forEach(r -> ruleTexts.add(new String[] {r.name(), r.text()}));
        env.fromSource(new BundleSource(plan.splits(), ruleTexts, plan.knownKeys(), stagingDir), WatermarkStrategy.noWatermarks(),
                        "host bundles", TypeInformation.of(HostRead.class))
                .transform("journal", Types.STRING, new JournalWriter(outputs.work(), run))
                .sinkTo(new CommitSink(outputs)).setParallelism(1).name("commit: index, ndjson, opensearch");
    }

    /** Runs the job and waits for it. */
    public static Summary run(StreamExecutionEnvironment env, FleetPlan plan, Outputs outputs, List<RuleLoader.RuleText> rules,
                              String stagingDir) throws Exception {
        build(env, plan, outputs, rules, stagingDir, System.currentTimeMillis());
        return summary(env.execute("daxray fleet"));
    }

    /** Starts the job without waiting (tests cancel it midway). */
    public static JobClient start(StreamExecutionEnvironment env, FleetPlan plan, Outputs outputs,
                                  List<RuleLoader.RuleText> rules, String stagingDir) throws Exception {
        build(env, plan, outputs, rules, stagingDir, System.currentTimeMillis());
        return env.executeAsync("daxray fleet");
    }

    static Summary summary(JobExecutionResult result) {
        Map<String, Object> acc = result.getAllAccumulatorResults();
        List<String[]> problems = new ArrayList<>();
        Object list = acc.get(JournalWriter.PROBLEMS);
        if (list instanceof List<?> lines) {
            for (Object line : lines) {
                problems.add(line.toString().split("\t", 3));
            }
        }
        problems.sort(java.util.Comparator.comparing((String[] p) -> p[0]));
        return new Summary(count(acc, JournalWriter.HOSTS), count(acc, JournalWriter.INDEXED), count(acc, JournalWriter.UNCHANGED),
                count(acc, JournalWriter.FAILED), count(acc, JournalWriter.BYTES), count(acc, JournalWriter.INCIDENTS), problems,
                result.getNetRuntime());
    }

    private static long count(Map<String, Object> acc, String name) {
        Object value = acc.get(name);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
