package dev.daxray.matches;

import java.util.List;

import dev.daxray.rules.Fact;

/**
 * A partial match that did not become a finding, and why: the check that ended it and the step
 * that never came. {@code message} reads like "mce [pfn 0x1850602] at dmesg.log:12 but no
 * memory-failure within 5s".
 */
public record NearMiss(String rule, String kind, Check check, List<Fact> evidence, String missing, String message) {

    public NearMiss {
        evidence = List.copyOf(evidence);
    }
}
