package io.jenkins.plugins.packagepipeline.jenkins.repo;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.packagepipeline.jenkins.run.BuildDatabase;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnApiClient;
import io.jenkins.plugins.packagepipeline.repo.remote.DlrnImports;
import io.jenkins.plugins.packagepipeline.store.BuildStore;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jenkins.MasterToSlaveFileCallable;

/**
 * The DLRN import of {@code publishRepo}: the engine's {@link DlrnImports} runs on the controller, where the DLRN
 * API's credentials stay, and sends every published build the target's DLRN API has not imported yet (this publish's
 * and any an earlier failed publish left behind), oldest first. The import state it reads and marks is in the
 * target's build database, reached from the agent that holds the data directory: each read and each mark is a
 * callable run there, as is the skip of the builds {@code dlrnSkip} names ({@link #skip}).
 */
final class DlrnImport {

    private DlrnImport() {
    }

    /** Runs a callable on the agent holding the data directory ({@code workspace::act}; a test runs it in place). */
    interface Agent {
        <T> T act(FilePath.FileCallable<T> callable) throws IOException, InterruptedException;
    }

    /** Imports the published builds the DLRN API of {@code client} lacks; returns them. */
    static List<DlrnImports.Pending> importPending(PublishRequest request, Agent agent, DlrnApiClient client,
            Consumer<String> progress) throws IOException, InterruptedException {
        AgentState state = state(request, client.apiUrl());
        return DlrnImports.importPending(new DlrnImports.Ledger() {
            @Override
            public List<DlrnImports.Pending> pending() throws IOException, InterruptedException {
                return agent.act(new PendingCallable(state));
            }

            @Override
            public void imported(DlrnImports.Pending build) throws IOException, InterruptedException {
                agent.act(new ImportedCallable(state, build));
            }

            @Override
            public List<String> skip(List<String> builds) throws IOException, InterruptedException {
                return agent.act(new SkipCallable(state, builds));
            }
        }, client, progress);
    }

    /**
     * Records the builds named skipped for the DLRN API at {@code apiUrl} ({@link DlrnImports.Ledger#skip}), on the
     * agent, before anything is published; reports one line per build.
     */
    static void skip(PublishRequest request, Agent agent, URI apiUrl, List<String> builds, Consumer<String> progress)
            throws IOException, InterruptedException {
        agent.act(new SkipCallable(state(request, apiUrl), builds)).forEach(progress);
    }

    private static AgentState state(PublishRequest request, URI apiUrl) {
        return new AgentState(request.target(), request.dataDirectory(), request.publicBaseUrl(), request.options(),
                request.database(), apiUrl);
    }

    /**
     * Where a target's DLRN import state is, as the agent opens it. It crosses the agent channel with the database's
     * password, as {@link PublishRequest} does.
     */
    record AgentState(String target, String dataDirectory, String publicBaseUrl, PublishOptions options,
            BuildDatabase database, URI apiUrl) implements Serializable {

        private DlrnImports.Ledger open(BuildStore store) {
            Path dataDir = Path.of(dataDirectory);
            return DlrnImports.ledger(RepoPublishing.config(target, dataDir, publicBaseUrl, options), store, apiUrl);
        }

        private BuildStore openStore() {
            return database.open(Path.of(dataDirectory), true, "Repo target '" + target + "'");
        }
    }

    /** The published builds not imported yet, read on the agent. */
    static final class PendingCallable extends MasterToSlaveFileCallable<ArrayList<DlrnImports.Pending>> {
        private static final long serialVersionUID = 1L;

        private final AgentState state;

        PendingCallable(AgentState state) {
            this.state = state;
        }

        @Override
        public ArrayList<DlrnImports.Pending> invoke(File workspace, VirtualChannel channel)
                throws IOException, InterruptedException {
            try (BuildStore store = state.openStore()) {
                return new ArrayList<>(state.open(store).pending());
            }
        }
    }

    /** Marks the builds named skipped, on the agent; returns one line per build. */
    static final class SkipCallable extends MasterToSlaveFileCallable<ArrayList<String>> {
        private static final long serialVersionUID = 1L;

        private final AgentState state;
        private final ArrayList<String> builds;

        SkipCallable(AgentState state, List<String> builds) {
            this.state = state;
            this.builds = new ArrayList<>(builds);
        }

        @Override
        public ArrayList<String> invoke(File workspace, VirtualChannel channel)
                throws IOException, InterruptedException {
            try (BuildStore store = state.openStore()) {
                return new ArrayList<>(state.open(store).skip(builds));
            }
        }
    }

    /** Marks one build imported, on the agent. */
    static final class ImportedCallable extends MasterToSlaveFileCallable<Boolean> {
        private static final long serialVersionUID = 1L;

        private final AgentState state;
        private final DlrnImports.Pending build;

        ImportedCallable(AgentState state, DlrnImports.Pending build) {
            this.state = state;
            this.build = build;
        }

        @Override
        public Boolean invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
            try (BuildStore store = state.openStore()) {
                state.open(store).imported(build);
            }
            return Boolean.TRUE;
        }
    }
}
