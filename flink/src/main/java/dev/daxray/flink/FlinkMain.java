package dev.daxray.flink;

import java.io.PrintWriter;

import picocli.CommandLine;

/** {@code daxray flink} (via the launcher) and {@code flink run daxray-flink.jar}. */
public final class FlinkMain {

    private FlinkMain() {
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(new FlinkCommand(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /** The command line with daxray's conventions: errors in one line, exit 2, no stack trace. */
    public static CommandLine newCommandLine(FlinkCommand command, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            Throwable cause = ex;
            while (cause.getCause() != null && (cause.getMessage() == null || cause.getClass().getName().startsWith("org.apache.flink"))) {
                cause = cause.getCause();
            }
            line.getErr().println("daxray: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            return 2;
        });
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("daxray: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'daxray flink --help' for more information.");
            return 2;
        });
        return cli;
    }
}
