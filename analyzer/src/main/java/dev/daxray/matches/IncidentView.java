package dev.daxray.matches;

import java.util.List;

/**
 * What {@code {incident.*}} references in titles and summaries read: the incident a finding is the
 * primary of, or at match time the finding alone ({@link EventTally#of(Finding)}).
 */
public interface IncidentView {

    /** Fields of {@code {incident.*}} references. */
    List<String> FIELDS = List.of("processes", "pfns", "pages", "devices", "filesystems", "findings", "evidence");

    /** Processes signalled, as {@code comm:pid}, in the order the evidence first names them. */
    Names processes();

    /** The {@code pfn} values of the evidence (SIGBUS lines aside), sorted. */
    Names pfns();

    /** The poisoned pages in words: "pfn 0x1", "pfns 0x1 and 0x2", "9 pages from pfn 0x1 to 0x9". */
    String pages();

    Names devices();

    /** Filesystem types. */
    Names filesystems();

    /** Findings of {@code kind} in the incident. */
    long findings(String kind);

    /** Evidence lines (distinct events). */
    long evidence();

    /**
     * Some values and how many there are in all.
     *
     * @param first the first few values (at most {@link #SHOWN})
     * @param total how many distinct values there are
     */
    record Names(List<String> first, long total) {

        /** Values a list names before "and N more". */
        public static final int SHOWN = 4;

        public Names {
            first = List.copyOf(first.subList(0, Math.min(first.size(), SHOWN)));
        }

        /** "a", "a and b", "a, b and c", "a, b, c and 2 more"; {@code none} when empty. */
        public String text(String none) {
            if (total == 0) {
                return none;
            }
            if (total == 1) {
                return first.get(0);
            }
            if (total <= SHOWN && first.size() == total) {
                return String.join(", ", first.subList(0, first.size() - 1)) + " and " + first.get(first.size() - 1);
            }
            return String.join(", ", first.subList(0, 3)) + " and " + (total - 3) + " more";
        }
    }
}
