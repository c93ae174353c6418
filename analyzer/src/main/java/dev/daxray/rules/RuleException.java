package dev.daxray.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rule files that cannot be used: every problem found, in file and position order. The message is
 * the problems one per line, ready to print; no stack trace is needed to act on it.
 */
public final class RuleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public RuleException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = problems.stream().sorted().toList();
    }

    public List<Problem> problems() {
        return problems;
    }
}
