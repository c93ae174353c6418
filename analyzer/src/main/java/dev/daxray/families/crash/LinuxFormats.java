package dev.daxray.families.crash;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The report formats of each {@link ReportHeader}, gathered from the tables of the kernel's report
 * kinds ({@link BugFormats}, {@link WarningFormats}, {@link TrapFormats}).
 *
 * <p>The titles follow syzkaller's naming ({@code KASAN: slab-use-after-free Read in foo},
 * {@code INFO: task hung in foo}, {@code possible deadlock in foo}) because that is how the kernel
 * community refers to a bug: syzbot's dashboard, bug trackers and mailing-list threads key crashes by
 * these titles. The patterns are written from the kernel's format strings (reference:
 * kernel-report-kinds.md).
 */
final class LinuxFormats {

    private static final Map<ReportHeader, List<ReportFormat>> FORMATS = new EnumMap<>(ReportHeader.class);

    static {
        FORMATS.put(ReportHeader.BUG, BugFormats.BUG);
        FORMATS.put(ReportHeader.WARNING, WarningFormats.WARNING);
        FORMATS.put(ReportHeader.INFO, WarningFormats.INFO);
        TrapFormats.addTo(FORMATS);
    }

    private LinuxFormats() {
    }

    static List<ReportFormat> of(ReportHeader header) {
        return FORMATS.getOrDefault(header, List.of());
    }
}
