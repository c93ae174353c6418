package dev.daxray.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import dev.daxray.bpftrace.BpftraceMappingException;
import dev.daxray.index.QueryException;
import dev.daxray.output.Untrusted;
import dev.daxray.rules.RuleException;

import picocli.CommandLine;

/**
 * What a failed command says and returns. A user's mistake or an unreadable file (a rule, query or
 * mapping error, an I/O error) is exit {@value ExitCodes#USAGE_OR_IO} with its message; running out
 * of memory is {@value ExitCodes#OUT_OF_MEMORY} with the heap size and how to raise it; anything
 * else is a bug, exit {@value ExitCodes#INTERNAL}. Each is one line on standard error (a rule file's
 * problems are one line each); the stack trace only with {@code --debug}.
 */
final class Failures {

    /**
     * Memory set aside at start and released on an {@link OutOfMemoryError}, so that saying so
     * (formatting one line, flushing a writer) does not itself run out.
     */
    private static volatile byte[] reserve = new byte[1 << 20];

    private Failures() {
    }

    /** Prints the failure's line (and, with {@code debug}, its stack trace) and returns its exit code. */
    static int report(Throwable failure, PrintWriter err, boolean debug) {
        Throwable t = unwrap(failure);
        OutOfMemoryError oom = find(t, OutOfMemoryError.class);
        if (oom != null) {
            reserve = null;
        }
        int code = exitCode(t);
        // Rule and mapping errors are one line per problem; each line is escaped on its own.
        String message = message(t, oom);
        boolean lines = t instanceof RuleException || t instanceof BpftraceMappingException;
        err.println("daxray: " + (lines ? message.lines().map(Untrusted::terminal).collect(java.util.stream.Collectors.joining("\n"))
                : Untrusted.terminal(message)));
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable failure) {
        Throwable t = unwrap(failure);
        if (find(t, OutOfMemoryError.class) != null) {
            return ExitCodes.OUT_OF_MEMORY;
        }
        return userFacing(t) ? ExitCodes.USAGE_OR_IO : ExitCodes.INTERNAL;
    }

    /** Failures caused by what the user gave: a file, an option, a rule, a query, a mapping. */
    private static boolean userFacing(Throwable t) {
        return t instanceof IOException || t instanceof UncheckedIOException || t instanceof RuleException
                || t instanceof QueryException || t instanceof BpftraceMappingException
                || t instanceof CommandLine.ParameterException;
    }

    private static String message(Throwable t, OutOfMemoryError oom) {
        if (oom != null) {
            long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
            return "out of memory (" + (oom.getMessage() == null ? "heap" : oom.getMessage()) + ", max heap " + maxMiB
                    + " MiB); give the JVM more, e.g. DAXRAY_JAVA_OPTS=-Xmx" + Math.max(1, maxMiB * 4 / 1024 + 1) + "g";
        }
        if (userFacing(t)) {
            return t instanceof Exception e ? Cli.describe(e) : String.valueOf(t.getMessage());
        }
        if (t instanceof StackOverflowError) {
            StackTraceElement[] stack = t.getStackTrace();
            return "internal error: stack overflow" + (stack.length == 0 ? "" : " in " + stack[0].getClassName()
                    + "." + stack[0].getMethodName()) + " (input or rules nested too deeply); please report it, with --debug";
        }
        return "internal error: " + t + "; please report it (--debug shows where)";
    }

    /** The failure inside the wrappers that threads and futures put around it. */
    private static Throwable unwrap(Throwable t) {
        Throwable at = t;
        while ((at instanceof CompletionException || at instanceof ExecutionException
                || at instanceof CommandLine.ExecutionException) && at.getCause() != null && at.getCause() != at) {
            at = at.getCause();
        }
        return at;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable at = t; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
