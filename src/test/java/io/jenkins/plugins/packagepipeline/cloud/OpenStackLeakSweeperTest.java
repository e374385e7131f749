package io.jenkins.plugins.packagepipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;

/** The leak sweeper against the real test OpenStack: dry run first, then removal. */
@Tag("openstack")
class OpenStackLeakSweeperTest {
    private final CloudSession session = TestOpenStack.session();
    private final Provisioner provisioner = new Provisioner(session);

    @Test
    void expiredLeaseIsReportedByDryRunThenRemoved() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        Instance leaked = provisioner.provision(InstanceSpec.builder().namePrefix("pp-leak").image(TestOpenStack.IMAGE)
                .flavor(TestOpenStack.FLAVOR).network(TestOpenStack.NETWORK).generateKeyPair(true).dataVolumeGb(1)
                .floatingIpPool(TestOpenStack.FLOATING_POOL).lease(Duration.ofMinutes(5)).owner("test")
                .job("OpenStackLeakSweeperTest", "7").build(), lines);
        Instance kept = provisioner.provision(InstanceSpec.builder().namePrefix("pp-kept").image(TestOpenStack.IMAGE)
                .flavor(TestOpenStack.FLAVOR).network(TestOpenStack.NETWORK).lease(Duration.ofDays(1)).build(), lines);
        OSClientV3 os = session.client();
        try {
            // an hour later: the 5-minute lease is over, the 1-day lease is not
            LeakSweeper sweeper = new LeakSweeper(session, Clock.fixed(Instant.now().plus(Duration.ofHours(1)),
                    ZoneOffset.UTC), Duration.ofDays(365));
            SweepReport dryRun = sweeper.sweep(true, o -> false, lines);
            SweepReport.Leak leak = only(dryRun, leaked.allocation());
            assertTrue(leak.reason().startsWith("lease expired"), leak.reason());
            assertEquals(4, leak.resources().size(), "server, volume, floating IP, key pair: " + leak.resources());
            assertTrue(dryRun.leaks().stream().noneMatch(l -> l.allocation().equals(kept.allocation())));
            assertEquals(4, provisioner.resourcesOf(leaked.allocation()).size(), "dry run removes nothing");

            SweepReport swept = sweeper.sweep(false, o -> false, lines);
            only(swept, leaked.allocation());
            assertTrue(provisioner.resourcesOf(leaked.allocation()).isEmpty());
            assertNull(os.compute().servers().get(leaked.id()));
            assertEquals(1, provisioner.resourcesOf(kept.allocation()).size(), "unexpired instance untouched");
        } finally {
            provisioner.destroy(leaked.id(), lines);
            provisioner.destroy(kept.id(), lines);
        }
    }

    @Test
    void goneOwnerAndOrphanedVolumeAreSwept() {
        TestOpenStack.Lines lines = new TestOpenStack.Lines();
        Instance orphan = provisioner.provision(InstanceSpec.builder().namePrefix("pp-orphan").image(TestOpenStack.IMAGE)
                .flavor(TestOpenStack.FLAVOR).network(TestOpenStack.NETWORK).dataVolumeGb(1).job("gone-job", "3")
                .build(), lines);
        OSClientV3 os = session.client();
        try {
            // the server disappears behind our back (someone deleted it by hand): its volume is an orphan
            os.compute().servers().delete(orphan.id());
            new Waiter(lines, Duration.ofSeconds(1)).until("server gone", Duration.ofMinutes(2),
                    () -> os.compute().servers().get(orphan.id()), s -> s == null ? java.util.Optional.of(true)
                            : java.util.Optional.empty(), s -> s == null ? "gone" : String.valueOf(s.getStatus()));
            LeakSweeper withGrace = new LeakSweeper(session, Clock.systemUTC(), Duration.ofHours(1));
            assertTrue(withGrace.sweep(true, o -> false, lines).leaks().stream()
                    .noneMatch(l -> l.allocation().equals(orphan.allocation())), "young orphans are left alone");
            LeakSweeper noGrace = new LeakSweeper(session, Clock.fixed(Instant.now().plusSeconds(60), ZoneOffset.UTC),
                    Duration.ZERO);
            SweepReport.Leak leak = only(noGrace.sweep(true, o -> false, lines), orphan.allocation());
            assertTrue(leak.reason().startsWith("orphaned"), leak.reason());
            SweepReport.Leak ownerGone = only(new LeakSweeper(session).sweep(false,
                    o -> "gone-job".equals(o.job()), lines), orphan.allocation());
            assertTrue(ownerGone.reason().startsWith("owner gone"), ownerGone.reason());
            assertTrue(provisioner.resourcesOf(orphan.allocation()).isEmpty());
        } finally {
            provisioner.destroy(orphan.allocation(), lines);
        }
    }

    private static SweepReport.Leak only(SweepReport report, String allocation) {
        List<SweepReport.Leak> matching = report.leaks().stream().filter(l -> l.allocation().equals(allocation))
                .toList();
        assertEquals(1, matching.size(), report.toMap().toString());
        return matching.get(0);
    }
}
