package dev.daxray.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The file's comments, each attached to a place in the tree: an own-line comment to the first
 * rule, clause, step or closing brace after it (or the end of the file), a trailing comment to
 * the last one that starts on or before its line.
 */
final class RuleComments {

    private final Map<Object, List<Ast.Comment>> leading = new IdentityHashMap<>();
    private final Map<Object, List<Ast.Comment>> trailing = new IdentityHashMap<>();

    RuleComments(Ast.RuleFile file) {
        List<Object> anchors = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Ast.Rule rule : file.rules()) {
            add(anchors, lines, rule, rule.pos());
            for (Ast.Clause clause : rule.clauses()) {
                add(anchors, lines, clause, clause.pos());
                if (clause instanceof Ast.PatternClause p) {
                    p.steps().forEach(step -> add(anchors, lines, step, step.pos()));
                    add(anchors, lines, p.close(), p.close());
                }
            }
            add(anchors, lines, rule.close(), rule.close());
        }
        for (Ast.Comment comment : file.comments()) {
            int line = comment.pos().line();
            Object anchor = file;
            if (comment.trailing()) {
                for (int i = 0; i < anchors.size() && lines.get(i) <= line; i++) {
                    anchor = anchors.get(i);
                }
                trailing.computeIfAbsent(anchor, a -> new ArrayList<>()).add(comment);
            } else {
                for (int i = 0; i < anchors.size(); i++) {
                    if (lines.get(i) > line) {
                        anchor = anchors.get(i);
                        break;
                    }
                }
                leading.computeIfAbsent(anchor, a -> new ArrayList<>()).add(comment);
            }
        }
    }

    private static void add(List<Object> anchors, List<Integer> lines, Object anchor, Pos pos) {
        anchors.add(anchor);
        lines.add(pos.line());
    }

    List<Ast.Comment> leading(Object anchor) {
        return leading.getOrDefault(anchor, List.of());
    }

    /** Own-line comments at {@code indent}; an empty line after a comment stays. */
    void block(List<Ast.Comment> comments, String indent, StringBuilder out) {
        for (Ast.Comment c : comments) {
            out.append(indent).append(c.text()).append('\n');
            if (c.blankAfter()) {
                out.append('\n');
            }
        }
    }

    /** A line of code, with the trailing comments of {@code anchor}. */
    void line(String code, Object anchor, StringBuilder out) {
        lines(List.of(code), anchor, out);
    }

    void lines(List<String> code, Object anchor, StringBuilder out) {
        for (int i = 0; i < code.size(); i++) {
            out.append(code.get(i));
            if (i == code.size() - 1) {
                for (Ast.Comment c : trailing.getOrDefault(anchor, List.of())) {
                    out.append("  ").append(c.text());
                }
            }
            out.append('\n');
        }
    }
}
