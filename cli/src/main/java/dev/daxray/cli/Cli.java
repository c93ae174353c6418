package dev.daxray.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;

/** Builds the command line; {@link Main} and the tests use the same factory. */
public final class Cli {

    private Cli() {
    }

    /** The subcommands, by name, in the order {@code daxray --help} lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("events", EventsCommand.class);
        all.put("schema", SchemaCommand.class);
        all.put("triage", TriageCommand.class);
        all.put("rules", RulesCommand.class);
        all.put("batch", BatchCommand.class);
        all.put("search", SearchCommand.class);
        all.put("report", ReportCommand.class);
        all.put("serve", ServeCommand.class);
        all.put("index", IndexCommand.class);
        all.put("export", ExportCommand.class);
        all.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(all);
    }

    /** The command line with every subcommand (for help and tests). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, InputStream stdin) {
        return newCommandLine(out, err, stdin, new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a subcommand's name, only that subcommand's
     * model is built (picocli reads every option of every command it is given, which was a third of a small
     * triage's start); otherwise every subcommand, so help, suggestions and errors see them all.
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, InputStream stdin, String... args) {
        CommandFactory factory = new CommandFactory(stdin);
        CommandLine cli = new CommandLine(new DaxrayCommand(), factory);
        String named = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help") ? args[0] : null;
        for (Map.Entry<String, Class<?>> sub : SUBCOMMANDS.entrySet()) {
            if (named == null || named.equals(sub.getKey())) {
                cli.addSubcommand(sub.getKey(), sub.getValue());
            }
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // A query may start with '-' (-severity:high): what no option of search matches is the query.
        CommandLine search = cli.getSubcommands().get("search");
        if (search != null) {
            search.setUnmatchedOptionsArePositionalParams(true);
        }
        cli.setExecutionExceptionHandler(new ErrorHandler());
        shareVersion(cli, cli.getCommandSpec().versionProvider());
        cli.setParameterExceptionHandler((ex, unmatched) -> {
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
