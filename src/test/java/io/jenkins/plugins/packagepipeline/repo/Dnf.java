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
public final class Dnf {
    private final Path installroot;
    private final String baseurl;
    private final String gpgkeyUrl;
    private final Path reposDir;

    /** @param gpgkeyUrl the public key URL: with it gpgcheck and repo_gpgcheck are on, without both are off */
    public Dnf(Path installroot, String baseurl, String gpgkeyUrl) {
        this.installroot = installroot;
        this.baseurl = baseurl;
        this.gpgkeyUrl = gpgkeyUrl;
        this.reposDir = null;
    }

    private Dnf(Path installroot, Path reposDir) {
        this.installroot = installroot;
        this.baseurl = null;
        this.gpgkeyUrl = null;
        this.reposDir = reposDir;
    }

    /** dnf configured by the .repo files in {@code reposDir} alone, as a user who downloaded one. */
    static Dnf withRepoFiles(Path installroot, Path reposDir) {
        return new Dnf(installroot, reposDir);
    }

    /** The same installroot with another repository URL. */
    Dnf on(String otherBaseurl, String otherGpgkeyUrl) {
        return new Dnf(installroot, otherBaseurl, otherGpgkeyUrl);
    }

    public ProcessResult run(String... args) throws IOException, InterruptedException {
        Files.createDirectories(installroot);
        List<String> command = new ArrayList<>(List.of("dnf", "-y", "--refresh", "--disableplugin=*",
                "--installroot", installroot.toString(), "--releasever=9", "--setopt=install_weak_deps=False",
                "--setopt=retries=1", "--setopt=fastestmirror=False"));
        if (reposDir != null) {
            command.add("--setopt=reposdir=" + reposDir);
        } else {
            boolean gpg = gpgkeyUrl != null;
            command.addAll(List.of("--setopt=reposdir=/dev/null", "--repofrompath=pp," + baseurl, "--repo", "pp",
                    "--setopt=pp.gpgcheck=" + (gpg ? 1 : 0), "--setopt=pp.repo_gpgcheck=" + (gpg ? 1 : 0)));
            if (gpg) {
                command.add("--setopt=pp.gpgkey=" + gpgkeyUrl);
            }
        }
        command.addAll(Arrays.asList(args));
        return ProcessRunner.command(command).timeout(Duration.ofMinutes(2)).run();
    }

    /** NAME-VERSION-RELEASE of every package the repository offers, sorted. */
    public List<String> available() throws IOException, InterruptedException {
        ProcessResult result = run("repoquery", "--quiet", "--qf", "%{name}-%{version}-%{release}");
        result.requireSuccess("dnf repoquery of " + baseurl);
        // keep the NVR lines; with gpgcheck dnf also prints the "Importing GPG key" lines
        return result.tail().stream().map(String::strip).filter(l -> l.matches("[^\\s:]+-[^\\s:-]+-[^\\s:-]+"))
                .sorted().toList();
    }

    /** NAME-VERSION-RELEASE of the installed package {@code name}. */
    public String installed(String name) throws IOException, InterruptedException {
        ProcessResult result = ProcessRunner.command("rpm", "--root", installroot.toString(), "-q", name)
                .timeout(Duration.ofMinutes(1)).run();
        return result.succeeded() ? result.tailText().strip().replace(".noarch", "") : null;
    }
}
