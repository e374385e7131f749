package io.jenkins.plugins.packagepipeline.repo;

import io.jenkins.plugins.packagepipeline.process.ProcessResult;
import io.jenkins.plugins.packagepipeline.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The real dnf client against one repository URL, in a throwaway installroot (nothing touches the host). */
final class Dnf {
    private final Path installroot;
    private final String baseurl;
    private final String gpgkeyUrl;

    /** @param gpgkeyUrl the public key URL: with it gpgcheck and repo_gpgcheck are on, without both are off */
    Dnf(Path installroot, String baseurl, String gpgkeyUrl) {
        this.installroot = installroot;
        this.baseurl = baseurl;
        this.gpgkeyUrl = gpgkeyUrl;
    }

    ProcessResult run(String... args) throws IOException, InterruptedException {
        Files.createDirectories(installroot);
        boolean gpg = gpgkeyUrl != null;
        List<String> command = new ArrayList<>(List.of("dnf", "-y", "--refresh", "--disableplugin=*",
                "--setopt=reposdir=/dev/null", "--repofrompath=pp," + baseurl, "--repo", "pp",
                "--installroot", installroot.toString(), "--releasever=9", "--setopt=install_weak_deps=False",
                "--setopt=pp.gpgcheck=" + (gpg ? 1 : 0), "--setopt=pp.repo_gpgcheck=" + (gpg ? 1 : 0)));
        if (gpg) {
            command.add("--setopt=pp.gpgkey=" + gpgkeyUrl);
        }
        command.addAll(Arrays.asList(args));
        return ProcessRunner.command(command).timeout(Duration.ofMinutes(2)).run();
    }

    /** NAME-VERSION-RELEASE of every package the repository offers, sorted. */
    List<String> available() throws IOException, InterruptedException {
        ProcessResult result = run("repoquery", "--quiet", "--qf", "%{name}-%{version}-%{release}");
        result.requireSuccess("dnf repoquery of " + baseurl);
        return result.tail().stream().filter(l -> !l.isBlank()).sorted().toList();
    }

    /** NAME-VERSION-RELEASE of the installed package {@code name}. */
    String installed(String name) throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.command("rpm", "--root", installroot.toString(), "-q", name)
                .timeout(Duration.ofMinutes(1)).run();
        return result.succeeded() ? result.tailText().strip().replace(".noarch", "") : null;
    }
}
