package dev.daxray.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.incidents.Incident;
import dev.daxray.incidents.Triage;
import dev.daxray.timeline.Timeline;

/**
 * Host bundles: the incidents of a bundle with dmesg, ndctl listings and base addresses name the
 * namespace sector and badblock of the poisoned page (reference §1.7 worked example), and say what
 * is needed when a base is missing.
 */
class HostBundleTriageTest {

    private static List<Incident> triage(String sample) {
        Path dir = Captures.repositoryRoot().resolve("samples").resolve(sample);
        Timeline timeline = Captures.read(Captures.sampleInputs(dir), true);
        Triage.Result result = Captures.triage(timeline);
        return result.incidents();
    }

    private static Incident only(List<Incident> incidents, String kind) {
        List<Incident> of = incidents.stream().filter(i -> i.kind().equals(kind)).toList();
        assertEquals(1, of.size(), kind + " incidents: " + incidents);
        return of.get(0);
    }

    private static void assertWorkedExamplePage(Incident consumed) {
        assertEquals(List.of("0x219c200"), consumed.pfns());
        assertTrue(consumed.labels().contains("media-error-badblocks"), consumed.labels().toString());
        assertEquals(1, consumed.locations().size());
        Incident.Location l = consumed.locations().get(0);
        assertEquals("0x219c200", l.pfn());
        assertEquals("0x219c200000", l.physAddr());
        assertEquals("namespace0.0", l.namespace());
        assertEquals("region0", l.region());
        assertEquals(1048576L, l.sector());
        assertEquals(9310208L, l.regionSector());
        assertEquals(new Incident.Badblock("namespace0.0", 1048576, 8), l.badblock());
        assertTrue(l.listed());
        assertNull(l.needed());
        assertTrue(consumed.summary().contains("pfn 0x219c200 is namespace0.0 sector 1048576 (region0 sector 9310208),"
                + " listed as a media error (namespace0.0 badblock offset 1048576 length 8)"), consumed.summary());
        assertTrue(consumed.advice().contains("`ndctl clear-errors namespace0.0`"), consumed.advice());
        assertTrue(consumed.advice().contains("seek=1048576 count=8"), consumed.advice());
    }

    @Test
    void ndctlV62ArrayWithSysfsResourcesNamesSectorAndBadblock() {
        List<Incident> incidents = triage("pmem-badblock-bundle-ndctl-v62");
        assertWorkedExamplePage(only(incidents, "dax-poison-consumed"));
        Incident latent = only(incidents, "latent-media-error");
        assertEquals(List.of("0x21bc200"), latent.pfns());
        Incident.Location l = latent.locations().get(0);
        assertEquals(2097152L, l.sector());
        assertEquals(10358784L, l.regionSector());
        assertTrue(l.listed());
        assertTrue(latent.summary().contains("files at risk are unknown"), latent.summary());
        assertEquals(2, latent.evidenceCount(), "the region and the namespace list of one error are one incident");
    }

    @Test
    void preV62BareObjectsWithProcIomemInferTheDataOffset() {
        List<Incident> incidents = triage("pmem-badblock-bundle-ndctl-pre-v62");
        assertWorkedExamplePage(only(incidents, "dax-poison-consumed"));
        assertEquals("pmem-host-09", only(incidents, "dimm-health").host(), "listings join the bundle's one host");
        assertTrue(incidents.stream().noneMatch(i -> i.kind().equals("latent-media-error")),
                "the consumed badblock is no latent error");
    }

    @Test
    void withoutAnyLayoutTheIncidentSaysWhatIsNeeded() {
        Incident consumed = only(triage("dax-poison-consumed-6x"), "dax-poison-consumed");
        Incident.Location l = consumed.locations().get(0);
        assertNull(l.namespace());
        assertFalse(l.listed());
        assertTrue(l.needed().contains("ndctl list -RNM") && l.needed().contains("/proc/iomem"), l.needed());
        assertTrue(consumed.summary().contains("cannot be placed on a namespace"), consumed.summary());
    }

    @Test
    void aMissingRegionBaseIsNamed() {
        // corpus 005 lists namespace0.0 but no base address: the incident asks for region0's resource
        Path dir = Captures.corpus().resolve("005-phantom-pmem-poison-ghes-after-clear");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(dir));
        Timeline timeline = Captures.read(Captures.fileInputs(dir, uncheckedFiles(dir)), true);
        Incident consumed = only(Captures.triage(timeline).incidents(), "dax-poison-consumed");
        assertEquals("region0's base address: add `cat /sys/bus/nd/devices/region0/resource` or /proc/iomem to the"
                + " bundle", consumed.locations().get(0).needed());
    }

    private static List<Path> uncheckedFiles(Path dir) {
        try {
            return Captures.corpusFiles(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
