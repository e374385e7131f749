package io.jenkins.plugins.packagepipeline.cloud;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Provisions N servers (default 10) in parallel through the engine, then the same through the {@code openstack} CLI
 * (python3-openstackclient), against the test OpenStack, and prints wall time, latency and client CPU per server.
 * Not a test: run it as documented in docs/benchmarks-openstack.md.
 */
public final class ProvisioningBenchmark {
    private ProvisioningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path clouds = TestOpenStack.cloudsYaml();
        CloudSession session = CloudSession.open(CloudsYaml.read(clouds, TestOpenStack.CLOUD), ProgressListener.NONE);
        Provisioner provisioner = new Provisioner(session);
        System.out.printf("provisioning %d servers in parallel (image %s, flavor %s, network %s)%n", count,
                TestOpenStack.IMAGE, TestOpenStack.FLAVOR, TestOpenStack.NETWORK);

        // warm-up: one server through each path, so neither pays class loading / first-call costs in the figures
        Instance warm = provisioner.provision(spec("pp-bench-warm").build(), ProgressListener.NONE);
        provisioner.destroy(warm.id(), ProgressListener.NONE);

        ExecutorService pool = Executors.newFixedThreadPool(count);
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        List<Future<long[]>> engine = new ArrayList<>();
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < count; i++) {
            engine.add(pool.submit(timed(() -> ids.add(provisioner.provision(spec("pp-bench-engine").build(),
                    ProgressListener.NONE).id()))));
        }
        List<Long> engineLatency = new ArrayList<>();
        for (Future<long[]> f : engine) {
            engineLatency.add(f.get()[0]);
        }
        long engineWall = System.nanoTime() - t0;
        long engineCpu = processCpuNanos() - cpu0;
        List<Future<?>> deletes = new ArrayList<>();
        for (String id : ids) {
            deletes.add(pool.submit(() -> provisioner.destroy(id, ProgressListener.NONE)));
        }
        for (Future<?> f : deletes) {
            f.get();
        }

        Path openrc = clouds.resolveSibling("openrc");
        long child0 = childrenCpuNanos();
        long t1 = System.nanoTime();
        List<Future<long[]>> cli = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "pp-bench-cli-" + i;
            cli.add(pool.submit(timed(() -> run(openrc, "openstack server create --image " + TestOpenStack.IMAGE
                    + " --flavor " + TestOpenStack.FLAVOR + " --network " + TestOpenStack.NETWORK + " --wait -f value"
                    + " -c id " + name))));
        }
        List<Long> cliLatency = new ArrayList<>();
        for (Future<long[]> f : cli) {
            cliLatency.add(f.get()[0]);
        }
        long cliWall = System.nanoTime() - t1;
        long cliCpu = childrenCpuNanos() - child0;
        List<Future<?>> cliDeletes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "pp-bench-cli-" + i;
            cliDeletes.add(pool.submit(timed(() -> run(openrc, "openstack server delete --wait " + name))));
        }
        for (Future<?> f : cliDeletes) {
            f.get();
        }
        pool.shutdown();

        System.out.printf("%-32s %12s %14s %18s%n", "path", "wall (s)", "mean latency", "client CPU/server");
        System.out.printf("%-32s %12.1f %12.1f s %16.2f s%n", "engine (OpenStack4j, 1 JVM)", engineWall / 1e9,
                mean(engineLatency), engineCpu / 1e9 / count);
        System.out.printf("%-32s %12.1f %12.1f s %16.2f s%n", "openstack CLI (python, --wait)", cliWall / 1e9,
                mean(cliLatency), cliCpu / 1e9 / count);
        System.out.printf("client CPU per server, CLI / engine: %.1fx; wall time, CLI / engine: %.1fx%n",
                (double) cliCpu / engineCpu, (double) cliWall / engineWall);
        System.exit(0);
    }

    private static InstanceSpec.Builder spec(String prefix) {
        return InstanceSpec.builder().namePrefix(prefix).image(TestOpenStack.IMAGE).flavor(TestOpenStack.FLAVOR)
                .network(TestOpenStack.NETWORK).job("ProvisioningBenchmark", "");
    }

    private static Callable<long[]> timed(Callable<?> work) {
        return () -> {
            long start = System.nanoTime();
            work.call();
            return new long[] {System.nanoTime() - start};
        };
    }

    private static String run(Path openrc, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", ". " + openrc + " && " + command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
        return output.strip();
    }

    private static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU of reaped child processes (cutime + cstime of /proc/self/stat), in nanoseconds. */
    private static long childrenCpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        return ticks * 10_000_000L; // USER_HZ = 100
    }
}
