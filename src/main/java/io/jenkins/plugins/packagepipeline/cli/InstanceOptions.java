package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.cloud.SecurityGroupRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options describing an instance, shared by {@code provision} and {@code restore}. */
final class InstanceOptions {
    @Option(names = "--name", description = "Exact server name.")
    String name;

    @Option(names = "--name-prefix", description = "Server name prefix; a random suffix is added.")
    String namePrefix;

    @Option(names = "--flavor", required = true, description = "Flavor name or id.")
    String flavor;

    @Option(names = "--network", description = "Network name or id (repeatable).")
    List<String> networks = new ArrayList<>();

    @Option(names = "--key-pair", description = "Existing key pair name.")
    String keyPair;

    @Option(names = "--generate-key-pair", description = "Generate a key pair; needs --private-key-file.")
    boolean generateKeyPair;

    @Option(names = "--private-key-file", description = "Where to write the generated private key (mode 0600).")
    Path privateKeyFile;

    @Option(names = "--security-group", description = "Existing security group name or id (repeatable).")
    List<String> securityGroups = new ArrayList<>();

    @Option(names = "--create-security-group", split = ",",
            description = "Create a security group with these ingress rules, e.g. 22,80,443,3300 or udp/53@10.0.0.0/8.")
    List<String> rules = new ArrayList<>();

    @Option(names = "--availability-zone", description = "Availability zone.")
    String availabilityZone;

    @Option(names = "--metadata", description = "Server metadata KEY=VALUE (repeatable).")
    Map<String, String> metadata = new LinkedHashMap<>();

    @Option(names = "--user-data-file", description = "Cloud-init user-data file (gzip+base64 when large).")
    Path userDataFile;

    @Option(names = "--data-volume-gb", description = "Create and attach a data volume of this size.")
    int dataVolumeGb;

    @Option(names = "--boot-volume-gb", description = "Boot from a new volume of this size made from the image.")
    int bootVolumeGb;

    @Option(names = "--floating-ip-pool", description = "External network to allocate a floating IP from.")
    String floatingIpPool;

    @Option(names = "--owner", description = "Owner recorded on every resource (default: the user name).")
    String owner = System.getProperty("user.name", "");

    @Option(names = "--job", description = "Job name recorded on every resource.")
    String job = "";

    @Option(names = "--build", description = "Build id recorded on every resource.")
    String build = "";

    @Option(names = "--lease", description = "After this the sweeper may remove the instance (default: ${DEFAULT-VALUE}).")
    String lease = "24h";

    @Option(names = "--timeout", description = "How long to wait for ACTIVE (default: ${DEFAULT-VALUE}).")
    String timeout = "10m";

    @Option(names = "--wait-for-port", description = "After ACTIVE, wait until this TCP port answers.")
    int waitForPort;

    @Option(names = "--capacity-attempts", description = "Boots when the cloud has no room (\"No valid host\"):"
            + " the failed server is deleted and booted again after 30 s, 60 s... (1: no retry; default:"
            + " ${DEFAULT-VALUE}).")
    int capacityAttempts = InstanceSpec.DEFAULT_CAPACITY_ATTEMPTS;

    InstanceSpec.Builder toSpec(String image) throws IOException {
        if (generateKeyPair && privateKeyFile == null) {
            throw new PackagePipelineException("--generate-key-pair needs --private-key-file: the private key is "
                    + "written there and never printed");
        }
        List<SecurityGroupRule> parsed = new ArrayList<>();
        for (String rule : rules) {
            parsed.add(SecurityGroupRule.parse(rule));
        }
        InstanceSpec.Builder spec = InstanceSpec.builder().name(name).namePrefix(namePrefix).image(image)
                .flavor(flavor).networks(networks).keyPair(keyPair).generateKeyPair(generateKeyPair)
                .securityGroups(securityGroups).createSecurityGroup(parsed).availabilityZone(availabilityZone)
                .metadata(metadata).dataVolumeGb(dataVolumeGb).bootVolumeGb(bootVolumeGb)
                .floatingIpPool(floatingIpPool).owner(owner).job(job, build)
                .lease(Durations.parsePositive(lease, "--lease"))
                .activeTimeout(Durations.parsePositive(timeout, "--timeout")).capacityAttempts(capacityAttempts);
        if (userDataFile != null) {
            if (!Files.isRegularFile(userDataFile)) {
                throw new PackagePipelineException("User-data file '" + userDataFile + "' does not exist");
            }
            spec.userData(Files.readAllBytes(userDataFile), userDataFile.toString());
        }
        if (waitForPort > 0) {
            spec.waitForPort(waitForPort, Durations.parsePositive(timeout, "--timeout"));
        }
        return spec;
    }

    /** The JSON result of an instance; writes a generated private key to its file first. */
    Map<String, Object> result(Instance instance) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>(instance.toMap());
        if (instance.privateKey() != null && privateKeyFile != null) {
            Files.deleteIfExists(privateKeyFile);
            Files.createFile(privateKeyFile, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateKeyFile, instance.privateKey(), StandardOpenOption.TRUNCATE_EXISTING);
            result.put("privateKeyFile", privateKeyFile.toAbsolutePath().toString());
        }
        return result;
    }
}
