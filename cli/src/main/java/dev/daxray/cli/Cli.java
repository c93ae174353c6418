package dev.daxray.cli;

import java.io.InputStream;
import java.io.PrintWriter;

import picocli.CommandLine;

/** Builds the command line; {@link Main} and the tests use the same factory. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, InputStream stdin) {
        CommandLine cli = new CommandLine(new DaxrayCommand(), new CommandFactory(stdin));
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A query may start with '-' (-severity:high): what no option of search matches is the query.
        cli.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler(new ErrorHandler());
        shareVersion(cli, cli.getCommandSpec().versionProvider());
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine command = ex.getCommandLine();
            command.getErr().println("daxray: " + ex.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.USAGE_OR_IO;
        });
        return cli;
    }

    /** Every subcommand's --version prints the root's version (picocli gives subcommands none of their own). */
    private static void shareVersion(CommandLine command, CommandLine.IVersionProvider version) {
        for (CommandLine sub : command.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            shareVersion(sub, version);
        }
    }

    /** Hands standard input to the commands that read captures. */
    private record CommandFactory(InputStream stdin) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == EventsCommand.class) {
                return type.cast(new EventsCommand(stdin));
            }
            if (type == TriageCommand.class) {
                return type.cast(new TriageCommand(stdin));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    /** A usage error of the command {@code spec} describes: one line, exit 2, and a pointer to its --help. */
    static picocli.CommandLine.ParameterException usageError(picocli.CommandLine.Model.CommandSpec spec, String message) {
        return new picocli.CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A failure in words: a file system error names its file and why (the JDK's message is often just the path). */
    static String describe(Exception ex) {
        Exception e = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": "
                    + dev.daxray.capture.Inputs.reason(fs);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Runs {@code cli} on {@code args}: what picocli's handler does not see (an {@link Error} such as
     * {@link OutOfMemoryError} or {@link StackOverflowError} escapes it) is reported here, the same way.
     */
    public static int execute(CommandLine cli, String... args) {
        try {
            return cli.execute(args);
        } catch (Throwable t) {     // an Error: reported with its own exit code, never a stack trace alone
            return Failures.report(t, cli.getErr(), debug(cli.getParseResult()));
        }
    }

    /** True when the command that ran (the last subcommand) was given --debug. */
    static boolean debug(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult last = parsed;
        while (last != null && last.hasSubcommand()) {
            last = last.subcommand();
        }
        return last != null && last.hasMatchedOption("--debug");
    }

    /** Maps failures to exit codes: a user-facing message, never a stack trace unless --debug. */
    private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine command, CommandLine.ParseResult parsed) {
            return Failures.report(ex, command.getErr(), debug(parsed));
        }
    }
}
