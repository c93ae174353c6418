package dev.daxray.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, for every command that can fail on input: the error handler in {@link Cli}
 * reads it from the parse result and then prints the stack trace after the one-line message.
 */
final class DebugOption {

    @Option(names = "--debug", description = "Show stack traces for internal errors.")
    boolean debug;
}
