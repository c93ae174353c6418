package dev.daxray.index;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import dev.daxray.fleet.BundleRecord;
import dev.daxray.rules.Severity;

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

    /** The fleet summary of what was counted, with the bundles read and the {@code top} groups and hosts. */
    FleetStats stats(List<BundleRecord> bundles, int top) {
        Map<String, List<String>> problems = new TreeMap<>();
        for (BundleRecord b : bundles) {
            if (!b.problems().isEmpty()) {
                problems.put(b.bundle(), b.problems());
            }
        }
        List<SearchResult.Count> severities = new ArrayList<>();
        for (Severity s : Severity.values()) {
            long n = bySeverity.getOrDefault(s.label(), 0L);
            if (n > 0) {
                severities.add(new SearchResult.Count(s.label(), n));
            }
        }
        return new FleetStats(incidents, bundles.size(), byHost.size(), sorted(byKind, Integer.MAX_VALUE),
                severities, sorted(byKernel, Integer.MAX_VALUE), grouping.groups(top),
                sorted(byHost, top), severityByDay, kernelByDay, untimed, problems);
    }

    private static List<SearchResult.Count> sorted(Map<String, Long> counts, int top) {
        return counts.entrySet().stream()
                .map(e -> new SearchResult.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(SearchResult.Count::count).reversed().thenComparing(SearchResult.Count::value))
                .limit(top).toList();
    }
}
