package dev.daxray.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daxray.events.Event;

/** The real ndctl documents in {@code ../shared/corpus/real} must parse, with their content. */
class NdctlRealCorpusTest {

    private static final String DCPMEM = "004-dcpmem-ghes-dax-recovered-nfit-badrange-8-blocks";
    private static final String PHANTOM = "005-phantom-pmem-poison-ghes-after-clear";
    private static final String DEVDAX = "018-devdax-destroy-namespace-gpf-section_deactivate-then-kasan-nfit-scrub-6.11-rc1";

    @Test
    void bareFsdaxNamespaceWithEightBadSectors() {
        NdctlReader.Result r = NdctlReader.read("ndctl.json", SharedCorpus.text(DCPMEM, "ndctl.json"), 1);
        assertEquals(List.of(), r.problems());
        Namespace ns = r.state().namespaces().get(0);
        assertEquals("namespace0.0", ns.dev());
        assertEquals("fsdax", ns.mode());
        assertEquals("dev", ns.map());
        assertEquals(Size.exact(33820770304L), ns.size());
        assertEquals("a1b0f07f-747f-40a8-bcd4-de1560a1ef75", ns.uuid());
        assertEquals("pmem0", ns.blockdev());
        assertEquals("region0", ns.region());
        assertEquals(8L, ns.badblockCount());
        assertEquals(List.of(new Badblock("ndctl.json", 12, "namespace0.0", Badblock.Scope.NAMESPACE, 8208, 8,
                List.of("nmem0"), "{\"offset\":8208,\"length\":8,\"dimms\":[\"nmem0\"]}")), ns.badblocks());
        List<Event> events = r.events();
        assertEquals(1, events.size());
        dev.daxray.events.Badblock e = (dev.daxray.events.Badblock) events.get(0);
        assertEquals("namespace", e.scope());
        assertEquals(4096L, e.size());
        assertEquals("ndctl.json:12", e.origin().location());
    }

    @Test
    void humanSizedListingsBeforeAndAfterThePhantom() {
        NdctlReader.Result before = NdctlReader.read("before.json",
                SharedCorpus.text(PHANTOM, "ndctl-list-before-phantom.json"), 1);
        NdctlReader.Result after = NdctlReader.read("after.json",
                SharedCorpus.text(PHANTOM, "ndctl-list-after-phantom.json"), 1);
        assertEquals(List.of(), before.problems());
        assertEquals(List.of(), after.problems());
        Namespace b = before.state().namespaces().get(0);
        assertEquals(List.of(), b.badblocks());
        assertEquals(4096, b.sectorSize());
        Size size = b.size();
        assertFalse(size.isExact(), "15.75 GiB (16.91 GB) is rounded");
        assertTrue(size.min() <= 16909336576L && 16909336576L <= size.max(), size.toString());
        assertTrue(size.max() - size.min() < 10_000_000L, "GiB and GB roundings intersect: " + size);

        DeviceState both = before.state().merge(after.state());
        assertEquals(2, both.namespaces().size());
        Namespace latest = both.namespace("namespace0.0").orElseThrow();
        assertEquals("after.json", latest.file());
        assertEquals(1L, latest.badblockCount());
        Badblock bb = latest.badblocks().get(0);
        assertEquals(8217, bb.offset());
        assertEquals(1, bb.length());
        assertEquals(List.of("nmem0"), bb.dimms());
        assertEquals(12, bb.line());
    }

    @Test
    void createNamespaceOutputInsideAShellSession() {
        NdctlReader.Result r = NdctlReader.read("ndctl-session.txt", SharedCorpus.text(DEVDAX, "ndctl-session.txt"), 1);
        assertEquals(List.of(), r.problems());
        DeviceState s = r.state();
        Namespace ns = s.namespaces().get(0);
        assertEquals("namespace0.0", ns.dev());
        assertEquals(2, ns.line());
        assertEquals("devdax", ns.mode());
        assertEquals(4096L, ns.align());
        assertTrue(ns.size().min() <= 12682529792L && 12682529792L <= ns.size().max(), ns.size().toString());
        assertEquals(0, ns.daxRegion().id());
        assertEquals(4096L, ns.daxRegion().align());
        DaxDevice dax = s.daxDevices().get(0);
        assertEquals("dax0.0", dax.chardev());
        assertEquals(13, dax.line());
        assertEquals("devdax", dax.mode());
        assertEquals(0, dax.targetNode());
        assertEquals("namespace0.0", dax.namespace());
        assertEquals(List.of(), r.events());
    }
}
