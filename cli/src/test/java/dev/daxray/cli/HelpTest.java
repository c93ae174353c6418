package dev.daxray.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import picocli.CommandLine;

/** --help and --version of every command and subcommand. */
class HelpTest {

    /** Every command's qualified name, e.g. "daxray rules check". */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Cli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0])), names);
        return names.stream();
    }

    private static void collect(CommandLine cli, List<String> names) {
        if (!cli.getCommandName().equals("help")) {
            names.add(cli.getCommandSpec().qualifiedName());
        }
        cli.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    private static String[] args(String qualifiedName, String option) {
        List<String> args = new ArrayList<>(Arrays.asList(qualifiedName.split(" ")).subList(1, qualifiedName.split(" ").length));
        args.add(option);
        return args.toArray(String[]::new);
    }

    /** The footer (examples, exit codes) is printed as written: no line is wrapped into the middle of a command. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void footerLinesAreNotWrapped(String command) {
        CliRun help = CliRun.run(args(command, "--help"));
        assertEquals(ExitCodes.OK, help.exitCode(), help.err());
        CommandLine cli = Cli.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]));
        for (String name : args(command, "x")) {
            if (!name.equals("x")) {
                cli = cli.getSubcommands().get(name);
            }
        }
        String[] declared = cli.getCommandSpec().usageMessage().footer();
        int width = cli.getUsageHelpWidth();
        for (String line : declared) {
            assertTrue(line.length() <= width, "footer line of " + command + " longer than " + width + ": " + line);
        }
        List<String> printed = help.out().lines().toList();
        int start = printed.indexOf(declared.length > 1 ? declared[1] : "");
        assertTrue(declared.length == 0 || start > 0, help.out());
        if (declared.length > 1) {
            assertEquals(Arrays.asList(declared).subList(1, declared.length),
                    printed.subList(start, Math.min(printed.size(), start + declared.length - 1)), help.out());
        }
        for (String line : printed) {
            if (line.contains("daxray ") && line.strip().startsWith("daxray ")) {
                assertTrue(line.startsWith("  daxray ") || line.startsWith("      "), "an example wraps: " + line);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void versionOfEveryCommand(String command) {
        CliRun version = CliRun.run(args(command, "--version"));
        assertEquals(ExitCodes.OK, version.exitCode(), version.err());
        assertTrue(version.out().matches("daxray \\S+\\R"), command + ": [" + version.out() + "]");
    }
}
