package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.daxray.address.AddressMap;
import dev.daxray.address.ClearingAdvice;
import dev.daxray.address.Location;
import dev.daxray.address.Lookup;
import dev.daxray.devices.Badblock;
import dev.daxray.events.Hex;

/**
 * Places an incident's poisoned pages on the persistent-memory devices with the run's
 * {@link AddressMap}: the namespace sector and listed badblock of each page, a sentence for the
 * summary, and the clearing advice ({@link ClearingAdvice}) for the namespace's mode. When a base
 * address is missing, the location says what the bundle would need.
 */
final class IncidentLocations {

    /** The bundle has no persistent-memory layout at all. */
    static final String NO_LAYOUT = "the bundle has no persistent-memory layout: add `ndctl list -RNM` output and"
            + " `cat /sys/bus/nd/devices/region*/resource` (or /proc/iomem) to the bundle";

    /** How many pages the summary names; the rest are only in {@code locations}. */
    static final int SUMMARY_PAGES = 3;

    /**
     * @param locations one per page
     * @param sentences for the summary: one per placed page and one per reason pages cannot be placed
     *                  (at most {@link #SUMMARY_PAGES} in all)
     * @param advice    clearing advice lines, for the first page that has a namespace
     * @param listed    true when some page is in a listed badblock
     */
    record Placed(List<Incident.Location> locations, List<String> sentences, List<String> advice, boolean listed) {
        static final Placed NONE = new Placed(List.of(), List.of(), List.of(), false);
    }

    private IncidentLocations() {
    }

    /**
     * @param pfns      the incident's pages (as listed: at most {@link Incident#PFNS_LISTED})
     * @param pageCount how many pages the incident has in all (at least {@code pfns.size()})
     * @param pmem      true when the incident is about persistent memory (a dax page, a badblock), so a
     *                  page the map cannot place is worth a "needed" note even without any layout
     */
    static Placed place(List<String> pfns, long pageCount, boolean pmem, AddressMap map) {
        if (map == null || pfns.isEmpty() || (!pmem && map.isEmpty())) {
            return Placed.NONE;
        }
        List<Incident.Location> locations = new ArrayList<>();
        Sentences sentences = new Sentences(map.isEmpty() ? pageCount : -1);
        List<String> advice = new ArrayList<>();
        boolean anyListed = false;
        for (String p : pfns) {
            Hex pfn = Hex.parse(p);
            Hex phys = map.pageSize().address(pfn);
            Lookup<Location> page = map.isEmpty() ? Lookup.missing("its namespace", List.of(NO_LAYOUT)) : map.locatePfn(pfn);
            if (page instanceof Lookup.Missing<Location> m) {
                boolean outside = m.needed().stream().anyMatch(n -> n.contains("outside every persistent-memory"));
                if (outside && !pmem) {
                    continue; // DRAM: not a pmem question
                }
                String needed = String.join("; ", m.needed());
                locations.add(new Incident.Location(p, phys.toString(), null, null, null, null, null, false, needed));
                sentences.unplaced(p, needed);
                continue;
            }
            Location whole = page.value();
            Badblock bb = whole.badblocks().stream()
                    .sorted(Comparator.comparingInt((Badblock b) -> Objects.equals(b.device(), whole.namespace()) ? 0 : 1))
                    .findFirst().orElse(null);
            boolean listed = bb != null;
            anyListed |= listed;
            List<String> unknown = whole.unknown();
            String needed = unknown.isEmpty() ? null : String.join("; ", unknown);
            locations.add(new Incident.Location(p, phys.toString(), whole.namespace(), whole.region(), whole.sector(),
                    whole.regionSector(), bb == null ? null : new Incident.Badblock(bb.device(), bb.offset(), bb.length()),
                    listed, needed));
            ClearingAdvice.Advice clearing = whole.namespace() == null ? null
                    : ClearingAdvice.forLocation(whole, null, null);
            if (sentences.room()) {
                sentences.placed(sentence(p, whole, bb, !map.state().badblocks().isEmpty(), clearing, needed));
            }
            if (advice.isEmpty() && clearing != null && !clearing.steps().isEmpty()) {
                advice.add("To clear pfn " + p + ": " + clearing.summary() + ".");
                for (ClearingAdvice.Step step : clearing.steps()) {
                    advice.add("  `" + step.command() + "`: " + step.effect() + ".");
                }
                for (String note : clearing.notes()) {
                    advice.add("  Note: " + note + ".");
                }
            }
        }
        return new Placed(locations, sentences.text(), advice, anyListed);
    }

    /**
     * The summary's sentences about pages, in page order: one per placed page (at most {@link #SUMMARY_PAGES}),
     * and one per reason for the pages that cannot be placed, however many share it (a burst of 512 pages
     * without a layout is one sentence, not 512 copies of what to add to the bundle).
     */
    private static final class Sentences {
        private final List<Object> slots = new ArrayList<>();              // a placed sentence, or an Unplaced
        private final Map<String, Unplaced> byReason = new HashMap<>();
        private final long noneOf;

        /** @param noneOf the incident's page count when no page can be placed (no layout at all), else -1 */
        Sentences(long noneOf) {
            this.noneOf = noneOf;
        }

        private record Unplaced(String reason, List<String> pfns) {
            String text(long noneOf) {
                String which = noneOf > 1 ? "None of the " + noneOf + " pages"
                        : pfns.size() == 1 ? "pfn " + pfns.get(0)
                        : pfns.size() + " pages, pfn " + pfns.get(0) + " to " + pfns.get(pfns.size() - 1) + ",";
                return which + (noneOf > 1 ? " can" : " cannot") + " be placed on a namespace: " + reason + ".";
            }
        }

        boolean room() {
            return slots.size() < SUMMARY_PAGES;
        }

        void placed(String sentence) {
            slots.add(sentence);
        }

        void unplaced(String pfn, String reason) {
            Unplaced group = byReason.get(reason);
            if (group == null && room()) {
                group = new Unplaced(reason, new ArrayList<>());
                byReason.put(reason, group);
                slots.add(group);
            }
            if (group != null) {
                group.pfns().add(pfn);
            }
        }

        List<String> text() {
            return slots.stream().map(s -> s instanceof Unplaced u ? u.text(noneOf) : (String) s).toList();
        }
    }

    /** e.g. "pfn 0x219c200 is namespace0.0 sector 1048576 (region0 sector 1056768), listed as a media error …". */
    private static String sentence(String pfn, Location at, Badblock bb, boolean anyListed,
                                   ClearingAdvice.Advice clearing, String needed) {
        StringBuilder s = new StringBuilder("pfn ").append(pfn).append(" is ");
        if (at.namespace() != null) {
            s.append(at.namespace());
            if (at.sector() != null) {
                s.append(" sector ").append(at.sector());
            } else if (at.inMetadata()) {
                s.append(" metadata (before its data area)");
            }
            if (at.region() != null && at.regionSector() != null) {
                s.append(" (").append(at.region()).append(" sector ").append(at.regionSector()).append(')');
            }
        } else if (at.region() != null) {
            s.append(at.region());
            if (at.regionSector() != null) {
                s.append(" sector ").append(at.regionSector());
            }
        } else {
            s.append("persistent memory");
        }
        if (bb != null) {
            s.append(", listed as a media error (").append(bb.device()).append(" badblock offset ").append(bb.offset())
                    .append(" length ").append(bb.length()).append(')');
        } else if (!anyListed) {
            s.append(", and ndctl lists no badblock");
        } else if (needed != null) {
            s.append("; whether a listed badblock covers it is unknown");
        } else {
            s.append(", not in any listed badblock");
        }
        if (clearing != null && !clearing.steps().isEmpty()) {
            s.append("; clear it with `").append(clearing.steps().get(0).command()).append('`');
        }
        if (needed != null) {
            s.append("; to say more, ").append(needed);
        }
        return s.append('.').toString();
    }
}
