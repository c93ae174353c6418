package dev.daxray.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Fingerprint → how many hosts and incidents have it, over the documents collected. Hosts are
 * numbered once each and kept per fingerprint as bits, and each segment's fingerprint ordinals
 * map to their groups, so a document costs two doc-value reads, two array reads and a bit set,
 * whatever the number of hosts and fingerprints.
 */
final class FingerprintGrouping extends SimpleCollector {

    private static final int SAMPLE_HOSTS = 5;

    private final Map<String, Group> groups = new HashMap<>();
    private final Map<String, Integer> hostNumbers = new HashMap<>();
    private final List<String> hostNames = new ArrayList<>();
    private OrdinalNames fingerprint;
    private OrdinalNames host;
    private OrdinalNames kind;
    /** This segment's host ordinals → host numbers, -1 until first seen. */
    private int[] hostNumberByOrdinal;
    /** This segment's fingerprint ordinals → groups, null until first seen. */
    private Group[] groupByOrdinal;

    private static final class Group {
        final String kind;
        final BitSet hosts = new BitSet();
        long incidents;

        Group(String kind) {
            this.kind = kind;
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        fingerprint = new OrdinalNames(context.reader(), IncidentFields.FINGERPRINT);
        host = new OrdinalNames(context.reader(), IncidentFields.HOST);
        kind = new OrdinalNames(context.reader(), IncidentFields.KIND);
        hostNumberByOrdinal = new int[host.size()];
        Arrays.fill(hostNumberByOrdinal, -1);
        groupByOrdinal = new Group[fingerprint.size()];
    }

    @Override
    public void collect(int doc) throws IOException {
        long fp = fingerprint.ordinal(doc);
        if (fp < 0) {
            return;
        }
        Group group = groupByOrdinal[(int) fp];
        if (group == null) {
            String name = fingerprint.name(fp);
            group = groups.get(name);
            if (group == null) {
                group = new Group(kind.of(doc));
                groups.put(name, group);
            }
            groupByOrdinal[(int) fp] = group;
        }
        group.incidents++;
        group.hosts.set(hostNumber(host.ordinal(doc)));
    }

    private int hostNumber(long ordinal) throws IOException {
        if (ordinal < 0) {
            return number("?");
        }
        int n = hostNumberByOrdinal[(int) ordinal];
        if (n < 0) {
            n = number(host.name(ordinal));
            hostNumberByOrdinal[(int) ordinal] = n;
        }
        return n;
    }

    private int number(String hostName) {
        return hostNumbers.computeIfAbsent(hostName, h -> {
            hostNames.add(h);
            return hostNames.size() - 1;
        });
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** The {@code top} fingerprints by hosts, then incidents, then fingerprint. */
    List<SearchResult.FingerprintGroup> groups(int top) {
        return groups.entrySet().stream()
                .map(e -> new SearchResult.FingerprintGroup(e.getKey(), e.getValue().kind, e.getValue().hosts.cardinality(),
                        e.getValue().incidents, firstHosts(e.getValue().hosts)))
                .sorted(Comparator.comparingInt(SearchResult.FingerprintGroup::hosts).reversed()
                        .thenComparing(Comparator.comparingLong(SearchResult.FingerprintGroup::incidents).reversed())
                        .thenComparing(SearchResult.FingerprintGroup::fingerprint))
                .limit(top).toList();
    }

    /** The first few host names in name order. */
    private List<String> firstHosts(BitSet hosts) {
        PriorityQueue<String> largestFirst = new PriorityQueue<>(Comparator.reverseOrder());
        for (int n = hosts.nextSetBit(0); n >= 0; n = hosts.nextSetBit(n + 1)) {
            largestFirst.add(hostNames.get(n));
            if (largestFirst.size() > SAMPLE_HOSTS) {
                largestFirst.poll();
            }
        }
        List<String> names = new ArrayList<>(largestFirst);
        names.sort(null);
        return names;
    }
}
