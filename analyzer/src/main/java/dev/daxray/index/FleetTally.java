package dev.daxray.index;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Every count the fleet report needs, in one pass over the incidents. */
final class FleetTally extends SimpleCollector {

    final FingerprintGrouping grouping = new FingerprintGrouping();
    final Map<String, Long> byKind = new HashMap<>();
    final Map<String, Long> bySeverity = new HashMap<>();
    final Map<String, Long> byKernel = new HashMap<>();
    final Map<String, Long> byHost = new HashMap<>();
    final SortedMap<String, Map<String, Long>> severityByDay = new TreeMap<>();
    final SortedMap<String, Map<String, Long>> kernelByDay = new TreeMap<>();
    long incidents;
    long untimed;
    private OrdinalNames kind;
    private OrdinalNames severity;
    private OrdinalNames kernel;
    private OrdinalNames host;
    private SortedNumericDocValues time;

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        grouping.doSetNextReader(context);
        kind = new OrdinalNames(context.reader(), IncidentFields.KIND);
        severity = new OrdinalNames(context.reader(), IncidentFields.SEVERITY);
        kernel = new OrdinalNames(context.reader(), IncidentFields.KERNEL);
        host = new OrdinalNames(context.reader(), IncidentFields.HOST);
        time = DocValues.getSortedNumeric(context.reader(), IncidentFields.TIME);
    }

    @Override
    public void collect(int doc) throws IOException {
        grouping.collect(doc);
        incidents++;
        String k = orUnknown(kind.of(doc));
        String s = orUnknown(severity.of(doc));
        String kv = orUnknown(kernel.of(doc));
        byKind.merge(k, 1L, Long::sum);
        bySeverity.merge(s, 1L, Long::sum);
        byKernel.merge(kv, 1L, Long::sum);
        byHost.merge(orUnknown(host.of(doc)), 1L, Long::sum);
        if (time.advanceExact(doc)) {
            String day = Instant.ofEpochMilli(time.nextValue()).atZone(ZoneOffset.UTC).toLocalDate().toString();
            severityByDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(s, 1L, Long::sum);
            kernelByDay.computeIfAbsent(day, d -> new TreeMap<>()).merge(kv, 1L, Long::sum);
        } else {
            untimed++;
        }
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }
}
