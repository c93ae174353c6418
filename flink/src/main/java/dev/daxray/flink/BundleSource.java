package dev.daxray.flink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The fleet as a bounded Flink source: one split per host bundle, handed out in fleet order to
 * whichever reader asks next, so a cluster spreads hosts over its task slots and a slow host never
 * holds others back. Each reader reads its bundle with the engine-free core
 * ({@link dev.daxray.fleet.HostTriage}) on its fetcher thread and emits one {@link HostRead}.
 */
public final class BundleSource implements Source<HostRead, BundleSplit, List<BundleSplit>> {

    private static final long serialVersionUID = 1L;

    private final List<BundleSplit> splits;
    private final List<String[]> rules;
    private final Set<String> knownKeys;
    private final String stagingDir;

    /**
     * @param splits     the bundles, in fleet order
     * @param rules      rule files as {name, text} pairs
     * @param knownKeys  content keys already in the outputs: those bundles are skipped (unchanged)
     * @param stagingDir where a bundle from a remote file system is copied before it is read
     */
    public BundleSource(List<BundleSplit> splits, List<String[]> rules, Set<String> knownKeys, String stagingDir) {
        this.splits = new ArrayList<>(splits);
        this.rules = new ArrayList<>(rules);
        this.knownKeys = new java.util.HashSet<>(knownKeys);
        this.stagingDir = stagingDir;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<HostRead, BundleSplit> createReader(SourceReaderContext context) {
        return new HostSourceReader(context, new HostReading(rules, knownKeys, stagingDir));
    }

    @Override
    public SplitEnumerator<BundleSplit, List<BundleSplit>> createEnumerator(SplitEnumeratorContext<BundleSplit> context) {
        return new Enumerator(context, splits);
    }

    @Override
    public SplitEnumerator<BundleSplit, List<BundleSplit>> restoreEnumerator(SplitEnumeratorContext<BundleSplit> context,
                                                                           List<BundleSplit> remaining) {
        return new Enumerator(context, remaining);
    }

    @Override
    public SimpleVersionedSerializer<BundleSplit> getSplitSerializer() {
        return BundleSplit.Serializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<List<BundleSplit>> getEnumeratorCheckpointSerializer() {
        return BundleSplit.ListSerializer.INSTANCE;
    }

    /** Hands out one split per request, in order; splits of a failed reader go back to the front. */
    static final class Enumerator implements SplitEnumerator<BundleSplit, List<BundleSplit>> {
        private final SplitEnumeratorContext<BundleSplit> context;
        private final Deque<BundleSplit> remaining;

        Enumerator(SplitEnumeratorContext<BundleSplit> context, Collection<BundleSplit> splits) {
            this.context = context;
            this.remaining = new ArrayDeque<>(splits);
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtask, String host) {
            BundleSplit next = remaining.poll();
            if (next == null) {
                context.signalNoMoreSplits(subtask);
            } else {
                context.assignSplit(next, subtask);
            }
        }

        @Override
        public void addSplitsBack(List<BundleSplit> splits, int subtask) {
            for (int i = splits.size() - 1; i >= 0; i--) {
                remaining.addFirst(splits.get(i));
            }
        }

        @Override
        public void addReader(int subtask) {
        }

        @Override
        public List<BundleSplit> snapshotState(long checkpoint) {
            return new ArrayList<>(remaining);
        }

        @Override
        public void close() {
        }
    }
}
