package dev.daxray.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import dev.daxray.grammar.ParseDriver;
import dev.daxray.grammar.rules.RulesLexer;
import dev.daxray.grammar.rules.RulesParser;

/**
 * The rule language's façade: text in, {@link Ast.RuleFile} out, or a {@link RuleException} with
 * every syntax error of the file, each as {@code file:line:col: message}. Names stay unresolved;
 * {@link RuleBinder} checks them against the event schema.
 *
 * <p>Not thread-safe (it reuses one lexer and parser); use one per thread.
 */
public final class RuleParser {

    /** How ANTLR's token names read to someone writing a rule. */
    private static final Map<String, String> TOKEN_WORDS = Map.of(
            "IDENT", "a name",
            "STRING", "a string",
            "INT", "a number",
            "HEX", "a hex number",
            "DURATION", "a duration such as 30s",
            "<EOF>", "end of file");

    private final ParseDriver<RulesParser> driver = new ParseDriver<>(RulesLexer::new, RulesParser::new);
    private final boolean keepComments;

    /** A parser that keeps the files' comments, as the formatter needs. */
    public RuleParser() {
        this(true);
    }

    /**
     * @param keepComments whether {@link Ast.RuleFile#comments()} is filled: only the formatter needs
     *                     them, and binding without them saves a second lexing pass of every file
     */
    public RuleParser(boolean keepComments) {
        this.keepComments = keepComments;
    }

    public Ast.RuleFile parse(String file, String text) {
        ParseDriver.Result<RulesParser.RulesFileContext> result = driver.parseReportingAll(text, RulesParser::rulesFile);
        if (!result.ok()) {
            List<Problem> problems = new ArrayList<>();
            for (ParseDriver.SyntaxError error : result.errors()) {
                problems.add(new Problem(new Pos(file, error.line(), error.column()), readable(error.message())));
            }
            throw new RuleException(problems);
        }
        RuleAstBuilder builder = new RuleAstBuilder(file);
        Ast.RuleFile ast = builder.visitRulesFile(result.tree());
        if (!builder.problems().isEmpty()) {
            throw new RuleException(builder.problems());
        }
        return new Ast.RuleFile(ast.pos(), ast.rules(), keepComments ? comments(file, text) : List.of());
    }

    /**
     * The file's comments, from the hidden channel of a second lexing pass (rule files are small;
     * the parse driver's token stream stays private to it). An own-line comment followed by an
     * empty line remembers it, so the formatter keeps paragraphs of comments apart.
     */
    static List<Ast.Comment> comments(String file, String text) {
        RulesLexer lexer = new RulesLexer(org.antlr.v4.runtime.CharStreams.fromString(text));
        lexer.removeErrorListeners();
        String[] lines = text.split("\r?\n", -1);
        List<Ast.Comment> comments = new ArrayList<>();
        int lastCodeLine = 0;
        for (org.antlr.v4.runtime.Token token : lexer.getAllTokens()) {
            if (token.getType() == RulesLexer.COMMENT) {
                int line = token.getLine();
                boolean trailing = lastCodeLine == line;
                boolean blankAfter = !trailing && line + 1 < lines.length && lines[line].isBlank();
                comments.add(new Ast.Comment(new Pos(file, line, token.getCharPositionInLine() + 1),
                        token.getText().stripTrailing(), trailing, blankAfter));
            } else if (token.getChannel() == org.antlr.v4.runtime.Token.DEFAULT_CHANNEL) {
                lastCodeLine = token.getLine() + (int) token.getText().chars().filter(c -> c == '\n').count();
            }
        }
        return comments;
    }

    /**
     * Rewrites ANTLR's messages into ours: the offending text in brackets, token names in words.
     * {@code mismatched input 'x' expecting {'}', IDENT}} becomes
     * {@code unexpected [x], expected one of: '}', a name}.
     */
    static String readable(String antlr) {
        String message = antlr;
        Matcher m;
        if ((m = java.util.regex.Pattern.compile("^(?:mismatched|extraneous) input '(.*)' expecting (.*)$", java.util.regex.Pattern.DOTALL).matcher(message)).matches()) {
            message = "unexpected [" + m.group(1) + "], expected " + expected(m.group(2));
        } else if ((m = java.util.regex.Pattern.compile("^missing (.*) at '(.*)'$").matcher(message)).matches()) {
            message = "missing " + expected(m.group(1)) + " before [" + m.group(2) + "]";
        } else if ((m = java.util.regex.Pattern.compile("^no viable alternative at input '(.*)'$", java.util.regex.Pattern.DOTALL).matcher(message)).matches()) {
            message = "cannot read [" + m.group(1) + "] here";
        } else if ((m = java.util.regex.Pattern.compile("^token recognition error at: '(.*)'$", java.util.regex.Pattern.DOTALL).matcher(message)).matches()) {
            message = "unexpected character [" + m.group(1) + "]";
        }
        return message.replace("<EOF>", "end of file");
    }

    private static String expected(String set) {
        String inner = set.startsWith("{") && set.endsWith("}") ? set.substring(1, set.length() - 1) : set;
        List<String> words = new ArrayList<>();
        for (String token : inner.split(", ")) {
            words.add(TOKEN_WORDS.getOrDefault(token, token));
        }
        return words.size() == 1 ? words.get(0) : "one of: " + String.join(", ", words);
    }
}
