package dev.daxray.fuzz;

import java.lang.management.ManagementFactory;

/**
 * What a fuzz target may spend on one input: at most {@value #MAX_ALLOCATED_MB} MB allocated (the
 * fuzzing runs also stop an input after 1 s, see bench/fuzz.sh). Allocation is counted by the JVM per
 * thread, so the check is exact and cheap, and it holds in the regression runs of {@code mvn verify}
 * as well as while fuzzing.
 */
public final class Limits {

    public static final long MAX_ALLOCATED_MB = 64;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Limits() {
    }

    /** Runs {@code target} and fails when it allocated more than the limit. */
    public static void within(Runnable target) {
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        target.run();
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        if (allocated > MAX_ALLOCATED_MB << 20) {
            throw new AssertionError("one input allocated " + (allocated >> 20) + " MB, more than " + MAX_ALLOCATED_MB);
        }
    }
}
