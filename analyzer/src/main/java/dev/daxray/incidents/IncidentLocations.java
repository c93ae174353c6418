package dev.daxray.incidents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

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
        if (map.isEmpty()) {
            return noLayout(pfns, pageCount, map);
        }
        List<Incident.Location> locations = new ArrayList<>();
        Sentences sentences = new Sentences();
        List<String> advice = new ArrayList<>();
        boolean anyListed = false;
        for (String p : pfns) {
            Hex pfn = Hex.parse(p);
            Hex phys = map.pageSize().address(pfn);
            Lookup<Location> page = map.locatePfn(pfn);
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

    /** No layout at all: no page can be placed, and the summary says so once. */
    private static Placed noLayout(List<String> pfns, long pageCount, AddressMap map) {
        List<Incident.Location> locations = pfns.stream().map(p -> new Incident.Location(p,
                map.pageSize().address(Hex.parse(p)).toString(), null, null, null, null, null, false, NO_LAYOUT)).toList();
        String which = pageCount > 1 ? "None of the " + pageCount + " pages can" : "pfn " + pfns.get(0) + " cannot";
        return new Placed(locations, List.of(which + " be placed on a namespace: " + NO_LAYOUT + "."), List.of(), false);
    }

    /**
     * The summary's sentences about pages, in page order: one per placed page and one per reason some pages
     * cannot be placed, however many share it, at most {@link #SUMMARY_PAGES} in all.
     */
    private static final class Sentences {
        private final List<Supplier<String>> slots = new ArrayList<>();
        private final Map<String, Unplaced> byReason = new HashMap<>();

        private record Unplaced(String reason, List<String> pfns) {
            String text() {
                String which = pfns.size() == 1 ? "pfn " + pfns.get(0)
                        : pfns.size() + " pages, pfn " + pfns.get(0) + " to " + pfns.get(pfns.size() - 1) + ",";
                return which + " cannot be placed on a namespace: " + reason + ".";
            }
        }

        boolean room() {
            return slots.size() < SUMMARY_PAGES;
        }

        void placed(String sentence) {
            slots.add(() -> sentence);
        }

        void unplaced(String pfn, String reason) {
            Unplaced group = byReason.get(reason);
            if (group == null && room()) {
                group = new Unplaced(reason, new ArrayList<>());
                byReason.put(reason, group);
                slots.add(group::text);
            }
            if (group != null) {
                group.pfns().add(pfn);
            }
        }

        List<String> text() {
            return slots.stream().map(Supplier::get).toList();
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
