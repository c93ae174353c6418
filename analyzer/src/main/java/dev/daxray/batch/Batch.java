package dev.daxray.batch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import dev.daxray.fleet.BundleReader;
import dev.daxray.fleet.FleetIncident;
import dev.daxray.fleet.HostBundle;
import dev.daxray.index.IncidentIndex;
import dev.daxray.rules.RuleSet;

/**
 * Reads host bundles in parallel and writes their incidents to the index.
 *
 * <p>{@code jobs} workers read bundles; the calling thread applies finished bundles to the index
 * strictly in bundle order, with at most {@code 2 × jobs} bundles read ahead, so memory holds a
 * few bundles' events at most, and the index ends the same whatever the timing: when two bundles
 * give the same incident id, the later bundle's document wins, in every run. Commits happen
 * between bundles only (every {@link Options#commitEveryHosts} bundles or
 * {@link Options#commitEveryMillis}, and at the end), so a killed batch leaves whole bundles;
 * as they are applied in order, what is committed is always a prefix of the order, and a re-run
 * skips it by content key and completes the rest.
 */
public final class Batch {

    /** How to run. */
    public record Options(int jobs, int commitEveryHosts, long commitEveryMillis) {
        public Options {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1");
            }
        }

        public static Options defaults(int jobs) {
            return new Options(jobs, 64, 2_000);
        }
    }

    /** Hears how the batch goes; called on the batch's thread except {@link #bytesRead}. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(int bundles, long bytes) {
        }

        /** Raw bytes read by a worker (any thread). */
        default void bytesRead(long bytes) {
        }

        default void finished(BundleReader.Outcome outcome) {
        }

        /** An incident is being written to the index (for --ndjson); it is committed at the next commit. */
        default void indexed(FleetIncident incident) throws IOException {
        }

        /**
         * The index is about to commit what {@link #indexed} announced: whatever the listener
         * writes of those incidents must be durable when this returns, so a kill after the commit
         * never leaves the index ahead of it.
         */
        default void beforeCommit() throws IOException {
        }
    }

    /** What a batch did. */
    public record Summary(int bundles, int indexed, int unchanged, int failed, long bytes, long incidents,
                          TreeMap<String, Long> byKind, TreeMap<String, Long> bySeverity,
                          List<BundleReader.Outcome> withProblems) {
        public Summary {
            withProblems = List.copyOf(withProblems);
        }
    }

    private Batch() {
    }

    public static Summary run(List<HostBundle> bundles, IncidentIndex index, RuleSet rules, String rulesDigest,
                              Options options, Listener listener) throws IOException {
        AtomicLong bytes = new AtomicLong();
        BundleReader.Context context = new BundleReader.Context(rules, rulesDigest, index::hasBundle, n -> {
            bytes.addAndGet(n);
            listener.bytesRead(n);
        });
        long total = bundles.stream().mapToLong(HostBundle::bytes).sum();
        listener.started(bundles.size(), total);
        ExecutorService pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "daxray-batch");
            t.setDaemon(true);
            return t;
        });
        int indexed = 0;
        int unchanged = 0;
        int failed = 0;
        long incidents = 0;
        TreeMap<String, Long> byKind = new TreeMap<>();
        TreeMap<String, Long> bySeverity = new TreeMap<>();
        List<BundleReader.Outcome> withProblems = new ArrayList<>();
        try {
            Deque<Future<BundleReader.Outcome>> ahead = new ArrayDeque<>();
            int next = 0;
            int sinceCommit = 0;
            long lastCommit = System.nanoTime();
            for (int i = 0; i < bundles.size(); i++) {
                while (next < bundles.size() && ahead.size() < 2 * options.jobs()) {
                    HostBundle bundle = bundles.get(next++);
                    ahead.add(pool.submit(() -> BundleReader.read(bundle, context)));
                }
                BundleReader.Outcome outcome = await(ahead.poll(), bundles.get(i));
                switch (outcome.status()) {
                    case INDEXED -> {
                        // The listener hears of the incidents first: what it writes (--ndjson) is made
                        // durable before the commit that records the bundle ({@link Listener#beforeCommit}).
                        for (FleetIncident f : outcome.incidents()) {
                            byKind.merge(f.incident().kind(), 1L, Long::sum);
                            bySeverity.merge(f.incident().severity(), 1L, Long::sum);
                            listener.indexed(f);
                        }
                        index.add(outcome.record(), outcome.incidents());
                        incidents += outcome.incidents().size();
                        indexed++;
                        sinceCommit++;
                    }
                    case UNCHANGED -> unchanged++;
                    case FAILED, BROKEN -> failed++;
                }
                if (!outcome.problems().isEmpty()) {
                    withProblems.add(outcome);
                }
                listener.finished(outcome);
                if (sinceCommit > 0 && (sinceCommit >= options.commitEveryHosts()
                        || System.nanoTime() - lastCommit >= options.commitEveryMillis() * 1_000_000L)) {
                    listener.beforeCommit();
                    index.commit();
                    sinceCommit = 0;
                    lastCommit = System.nanoTime();
                }
            }
            listener.beforeCommit();
            index.commit();
        } finally {
            pool.shutdownNow();
        }
        return new Summary(bundles.size(), indexed, unchanged, failed, bytes.get(), incidents, byKind, bySeverity,
                withProblems);
    }

    private static BundleReader.Outcome await(Future<BundleReader.Outcome> future, HostBundle bundle) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error && !(error instanceof StackOverflowError)) {
                // Out of memory (or worse): the heap can no longer be trusted; stop. The index keeps
                // its last commit, whole hosts only, and the next run goes on from there.
                throw error;
            }
            return BundleReader.Outcome.broken(bundle, e.getCause());
        }
    }
}
