package dev.daxray.fuzz;

import java.lang.management.ManagementFactory;

/**
 * What a fuzz target may spend on one input: at most {@value #MAX_ALLOCATED_MB} MB allocated (the
 * fuzzing runs also stop an input after 1 s, see bench/fuzz.sh). Allocation is counted by the JVM per
 * thread, so the check is exact and cheap; it holds in the regression runs of {@code mvn verify},
 * which replay every seed and finding. While fuzzing, Jazzer's comparison hooks allocate on every
 * String comparison they trace (about eight times what the code itself allocates), so the limit is
 * then {@value #HOOKED_FACTOR} times higher: it still catches an input that blows up. An input over
 * the limit is run once more before it fails: the first inputs of a run also pay for warming up
 * (ANTLR fills its prediction caches, classes load), which is not what the input costs.
 */
public final class Limits {

    public static final long MAX_ALLOCATED_MB = 64;
    static final long HOOKED_FACTOR = 8;
    private static final long LIMIT = (MAX_ALLOCATED_MB << 20)
            * (Boolean.parseBoolean(System.getProperty("jazzer.hooks", "false")) ? HOOKED_FACTOR : 1);

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Limits() {
    }

    /** Runs {@code target} and fails when it allocated more than the limit, warm. */
    public static void within(Runnable target) {
        long allocated = allocatedBy(target);
        if (allocated > LIMIT) {
            allocated = allocatedBy(target);
            if (allocated > LIMIT) {
                throw new AssertionError("one input allocated " + (allocated >> 20) + " MB, more than " + (LIMIT >> 20));
            }
        }
    }

    private static long allocatedBy(Runnable target) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        target.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
