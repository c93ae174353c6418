package dev.daxray.timeline;

/**
 * How inputs are scanned.
 *
 * @param prefilter skip the parsers for lines no family's keyword occurs in (on by default; off
 *                  only to prove the prefilter changes nothing)
 */
public record ScanOptions(boolean prefilter) {

    public static ScanOptions defaults() {
        return new ScanOptions(true);
    }
}
