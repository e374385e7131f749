package io.jenkins.plugins.packagepipeline.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs, as the tests of the mirror's ssh-agent see it: its {@code /proc} entry exists and it
 * is not a zombie (a zombie has freed its memory and closed its socket; only its exit status waits for a parent).
 */
public final class Processes {
    private Processes() {
    }

    public static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 1).strip().charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
