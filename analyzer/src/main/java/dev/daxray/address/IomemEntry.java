package dev.daxray.address;

/**
 * One {@code /proc/iomem} line.
 *
 * @param depth  nesting level from the indentation (0 = top level)
 * @param parent the enclosing entry's name, null at top level
 */
public record IomemEntry(Range range, int depth, String parent, String file, long line) {

    public String name() {
        return range.name();
    }

    public boolean isPersistentMemory() {
        return range.name().startsWith("Persistent Memory");
    }
}
