package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.Provisioner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code destroy}: removes instances created by {@code provision}; repeating it is harmless. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Removes what provision created for each server id, name or allocation id (server, volumes, "
                + "floating IP, generated key pair and security group); prints what was removed as JSON.")
public final class DestroyCommand implements Callable<Integer> {
    @Mixin
    CloudOptions cloud;

    @Parameters(arity = "1..*", paramLabel = "INSTANCE", description = "Server id or name, or allocation id.")
    List<String> references;

    @Override
    public Integer call() {
        CloudSession session = cloud.open();
        Provisioner provisioner = new Provisioner(session);
        List<Object> results = new ArrayList<>();
        for (String reference : references) {
            results.add(provisioner.destroy(reference, cloud.progress()).toMap());
        }
        cloud.printJson(results.size() == 1 ? results.get(0) : results);
        return 0;
    }
}
