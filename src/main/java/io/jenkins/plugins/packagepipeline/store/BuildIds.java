package io.jenkins.plugins.packagepipeline.store;

import io.jenkins.plugins.packagepipeline.PackagePipelineException;
import java.util.List;
import java.util.Optional;

/**
 * How a recorded build is named to users: its build id, {@code <package>/<source-hash>_<distgit-hash[0:8]>} (the
 * package and the name of its output directory), as {@code buildPackage}'s result, {@code publishRepo}'s
 * {@code builds} and the DLRN import's messages write it.
 */
public final class BuildIds {

    private BuildIds() {
    }

    /** The build id of {@code build}. */
    public static String of(BuildRecord build) {
        return build.packageName() + "/" + BuildRecord.outputDirName(build.sourceCommit(), build.distgitCommit());
    }

    /** The build of this exact build id, if the build database holds it. */
    public static Optional<BuildRecord> find(BuildStore store, String id) {
        return matching(store, id).stream().filter(b -> of(b).equals(id)).findFirst();
    }

    /**
     * The one build named by a build id or by its package and a start of the rest ({@code hello/3f7a9c1e5b}).
     *
     * @param what what the name is for, to begin the messages ("Cannot skip build")
     * @throws PackagePipelineException naming {@code id} when it names no build or several
     */
    public static BuildRecord resolve(BuildStore store, String id, String what) {
        Optional<BuildRecord> exact = find(store, id);
        if (exact.isPresent()) {
            return exact.get();
        }
        List<BuildRecord> found = matching(store, id);
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new PackagePipelineException(what + " '" + id + "': the build database holds no such build; name"
                    + " it by its build id, <package>/<source-hash>_<distgit-hash[0:8]>, or the package and a start"
                    + " of the source hash (hello/3f7a9c1e5b).");
        }
        throw new PackagePipelineException(what + " '" + id + "': it names " + found.size() + " builds ("
                + String.join(", ", found.stream().limit(3).map(BuildIds::of).toList())
                + (found.size() > 3 ? ", ..." : "") + "); give more of the build id.");
    }

    /** The builds of the package named whose output directory name starts with the rest; none for a bad id. */
    private static List<BuildRecord> matching(BuildStore store, String id) {
        int slash = id.indexOf('/');
        if (slash <= 0 || slash == id.length() - 1) {
            return List.of();
        }
        String dir = id.substring(slash + 1);
        return store.history(id.substring(0, slash)).stream()
                .filter(b -> BuildRecord.outputDirName(b.sourceCommit(), b.distgitCommit()).startsWith(dir))
                .toList();
    }
}
