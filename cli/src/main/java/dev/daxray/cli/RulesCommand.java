package dev.daxray.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.daxray.output.Untrusted;
import dev.daxray.rules.Ast;
import dev.daxray.rules.BoundRule;
import dev.daxray.rules.RuleException;
import dev.daxray.rules.RuleFormatter;
import dev.daxray.rules.RuleLoader;
import dev.daxray.rules.RuleParser;
import dev.daxray.rules.RuleSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code daxray rules list|check|fmt}: the correlation rules, and tools for writing them. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "List, check and format correlation rule files.",
        subcommands = {RulesCommand.ListRules.class, RulesCommand.Check.class, RulesCommand.Format.class},
        footer = {"", "Examples:",
                "  daxray rules check my-rules/",
                "  daxray rules fmt --write my-rules/*.rules",
                "",
                "Exit codes: 0 ok, 2 rule errors (reported as file:line:col: message) or I/O",
                "errors, 4 internal error."})
public final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The rule set a background load produced, or the load's own failure (a rule error, an I/O error). */
    static RuleSet loaded(java.util.concurrent.CompletableFuture<RuleSet> loading) throws IOException {
        try {
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.io.UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The shipped rules plus those of {@code paths}, bound together (all problems at once). */
    static RuleSet load(List<Path> paths) throws IOException {
        return RuleLoader.load(texts(paths));
    }

    /** The shipped rule files followed by those of {@code paths} (files or directories). */
    static List<RuleLoader.RuleText> texts(List<Path> paths) throws IOException {
        List<RuleLoader.RuleText> texts = new ArrayList<>(RuleLoader.shipped());
        for (Path path : paths) {
            texts.addAll(RuleLoader.read(path));
        }
        return texts;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the rules: name, kind, severity, where defined.")
    static final class ListRules implements Callable<Integer> {
        @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.rules files of DIR (repeatable).")
        List<Path> ruleDirs = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RuleSet rules = load(ruleDirs);
            var out = spec.commandLine().getOut();
            out.printf("%-28s %-24s %-9s %s%n", "RULE", "KIND", "SEVERITY", "DEFINED AT");
            for (BoundRule rule : rules.rules()) {
                out.printf("%-28s %-24s %-9s %s%n", Untrusted.terminal(rule.name()), Untrusted.terminal(rule.kind()),
                        rule.severity().label(), Untrusted.terminal(rule.pos().location()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Parse and bind rule files together with the shipped rules; report every problem.")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files or directories.")
        List<Path> files = new ArrayList<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                RuleSet rules = load(files);
                spec.commandLine().getOut().println("ok: " + rules.rules().size() + " rules");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (RuleException e) {
                e.problems().forEach(p -> spec.commandLine().getErr().println(Untrusted.terminal(p.toString())));
                spec.commandLine().getErr().flush();
                return ExitCodes.USAGE_OR_IO;
            }
        }
    }

    @Command(name = "fmt", mixinStandardHelpOptions = true,
            description = {"Print rule files in the canonical layout, comments kept where they are.",
                    "With --write, rewrite the files in place."})
    static final class Format implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--write", description = "Rewrite the files instead of printing them.")
        boolean write;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RuleParser parser = new RuleParser();
            List<String> problems = new ArrayList<>();
            for (Path file : files) {
                try {
                    Ast.RuleFile ast = parser.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                    String text = RuleFormatter.format(ast);
                    if (write) {
                        Files.writeString(file, text, StandardCharsets.UTF_8);
                    } else {
                        spec.commandLine().getOut().print(text);
                    }
                } catch (RuleException e) {
                    e.problems().forEach(p -> problems.add(Untrusted.terminal(p.toString())));
                }
            }
            spec.commandLine().getOut().flush();
            problems.forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.USAGE_OR_IO;
        }
    }
}
