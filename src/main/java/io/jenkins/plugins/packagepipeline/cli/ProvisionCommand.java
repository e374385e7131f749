package io.jenkins.plugins.packagepipeline.cli;

import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.Instance;
import io.jenkins.plugins.packagepipeline.cloud.InstanceSpec;
import io.jenkins.plugins.packagepipeline.cloud.Provisioner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code provision}: creates an instance on OpenStack and prints it as JSON. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = "Creates a server (with key pair, security group, volumes, floating IP as asked) and prints "
                + "it as JSON; on failure removes everything it created.")
public final class ProvisionCommand implements Callable<Integer> {
    @Mixin
    CloudOptions cloud;

    @Option(names = "--image", required = true, description = "Image name or id.")
    String image;

    @Mixin
    InstanceOptions instance;

    @Override
    public Integer call() throws Exception {
        InstanceSpec wanted = instance.toSpec(image).build();
        CloudSession session = cloud.open();
        Instance created = new Provisioner(session).provision(wanted, cloud.progress());
        cloud.printJson(instance.result(created));
        return 0;
    }

}
