package io.jenkins.plugins.packagepipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.packagepipeline.Durations;
import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import io.jenkins.plugins.packagepipeline.cloud.CloudConnection;
import io.jenkins.plugins.packagepipeline.cloud.CloudSession;
import io.jenkins.plugins.packagepipeline.cloud.CloudsYaml;
import io.jenkins.plugins.packagepipeline.cloud.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The cloud options shared by the OpenStack subcommands: which cloud ({@code clouds.yaml} or {@code OS_*}
 * variables), timeouts and TLS; plus JSON output on standard output and progress lines on standard error.
 */
final class CloudOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--clouds-yaml", description = "An OpenStack clouds.yaml (default: the OS_* environment variables).")
    Path cloudsYaml;

    @Option(names = "--cloud", description = "The cloud's name in clouds.yaml (needed when it holds several).")
    String cloud;

    @Option(names = "--connect-timeout", description = "HTTP connect timeout, e.g. 10s (default: ${DEFAULT-VALUE}).")
    String connectTimeout = "10s";

    @Option(names = "--read-timeout", description = "HTTP read timeout, e.g. 60s, 2m (default: ${DEFAULT-VALUE}).")
    String readTimeout = "60s";

    @Option(names = "--cacert", description = "PEM bundle of the CA(s) to trust for TLS.")
    Path caBundle;

    @Option(names = "--insecure", description = "Do not verify TLS certificates (logged as a warning).")
    boolean insecure;

    /** Opens the cloud, reporting progress on the command's standard error. */
    CloudSession open() {
        CloudConnection connection = cloudsYaml != null ? CloudsYaml.read(cloudsYaml, cloud)
                : CloudsYaml.fromEnvironment(System.getenv());
        connection = connection.withTimeouts(Durations.parsePositive(connectTimeout, "--connect-timeout"),
                Durations.parsePositive(readTimeout, "--read-timeout"));
        if (caBundle != null) {
            connection = connection.withCaBundle(caBundle);
        }
        if (insecure) {
            connection = connection.withInsecure(true);
        }
        return CloudSession.open(connection, progress());
    }

    /** Progress lines on the command's standard error. */
    ProgressListener progress() {
        PrintWriter err = command.commandLine().getErr();
        return line -> {
            err.println(line);
            err.flush();
        };
    }

    /** Prints {@code value} as indented JSON on the command's standard output. */
    void printJson(Object value) {
        PrintWriter out = command.commandLine().getOut();
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
