package dev.daxray.flink;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

/**
 * A reader that reads one bundle at a time on its fetcher thread (so the task stays responsive)
 * and asks the enumerator for the next bundle when one is done.
 */
final class HostSourceReader extends SingleThreadMultiplexSourceReaderBase<HostRead, HostRead, BundleSplit, BundleSplit> {

    HostSourceReader(SourceReaderContext context, HostReading reading) {
        super(() -> new Fetcher(reading), (HostRead read, SourceOutput<HostRead> out, BundleSplit state) -> out.collect(read),
                new Configuration(), context);
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    protected void onSplitFinished(Map<String, BundleSplit> finished) {
        context.sendSplitRequest();
    }

    @Override
    protected BundleSplit initializedState(BundleSplit split) {
        return split;
    }

    @Override
    protected BundleSplit toSplitType(String id, BundleSplit state) {
        return state;
    }

    /** Reads the bundles it is given, one per fetch. */
    private static final class Fetcher implements SplitReader<HostRead, BundleSplit> {
        private final HostReading reading;
        private final Deque<BundleSplit> splits = new ArrayDeque<>();

        Fetcher(HostReading reading) {
            this.reading = reading;
        }

        @Override
        public RecordsWithSplitIds<HostRead> fetch() {
            RecordsBySplits.Builder<HostRead> records = new RecordsBySplits.Builder<>();
            BundleSplit split = splits.poll();
            if (split != null) {
                records.add(split, reading.read(split));
                records.addFinishedSplit(split.splitId());
            }
            return records.build();
        }

        @Override
        public void handleSplitsChanges(SplitsChange<BundleSplit> change) {
            splits.addAll(change.splits());
        }

        @Override
        public void wakeUp() {
        }

        @Override
        public void close() {
        }
    }
}
