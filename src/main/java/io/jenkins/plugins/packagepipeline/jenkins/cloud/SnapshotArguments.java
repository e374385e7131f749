package io.jenkins.plugins.packagepipeline.jenkins.cloud;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** The arguments of {@code snapshotInstance} and its Freestyle build step, as typed. */
public final class SnapshotArguments implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many snapshots of a label series are kept unless the step says otherwise (0: all). */
    public static final int DEFAULT_KEEP = 0;

    private String name;
    private List<String> labels = new ArrayList<>(); // a list XStream saves as a plain list
    private int keep = DEFAULT_KEEP;
    private boolean includeVolumes = true;

    /** The snapshot's name: the one given, or {@code <server>-<build tag>}. */
    public String nameFor(String server, String buildTag) {
        return name != null ? name : server + "-" + buildTag;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.strip();
    }

    public List<String> getLabels() {
        return labels;
    }

    public void setLabels(List<String> labels) {
        this.labels = labels == null ? new ArrayList<>() : new ArrayList<>(labels);
    }

    public int getKeep() {
        return keep;
    }

    public void setKeep(int keep) {
        this.keep = keep;
    }

    public boolean isIncludeVolumes() {
        return includeVolumes;
    }

    public void setIncludeVolumes(boolean includeVolumes) {
        this.includeVolumes = includeVolumes;
    }
}
