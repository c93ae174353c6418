package dev.daxray.cli;

/** The exit codes of every daxray command, documented in the README and in --help. */
public final class ExitCodes {

    /** Success: nothing to report at or above the threshold. */
    public static final int OK = 0;
    /** triage: an incident reached the --fail-on severity. */
    public static final int FINDINGS = 1;
    /** A usage error, or an input that could not be read. */
    public static final int USAGE_OR_IO = 2;
    /** --strict: some lines could not be parsed. */
    public static final int UNPARSED = 3;
    /** An internal error: a bug in daxray (an unexpected exception, a stack overflow), never a finding. */
    public static final int INTERNAL = 4;
    /** The JVM ran out of memory: give it more heap (DAXRAY_JAVA_OPTS=-Xmx...). */
    public static final int OUT_OF_MEMORY = 5;

    private ExitCodes() {
    }
}
