package com.cdcappsync.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What can be deployed again to a running stack ({@link LocalStack}), as {@code cdk deploy} does in AWS. */
public interface Deployments {

    /** Serves the API definition in {@code apiDir} from now on (see {@link LocalStack#deployApi}). */
    void deployApi(Path apiDir);

    /** Runs the function with {@code mapping} (null: the packaged one) from now on. */
    void deployFunction(Path mapping);

    /** Gives the API exactly these website API keys, the current one last (see {@link LocalStack#deployApiKeys}). */
    void deployApiKeys(List<String> keys);

    /** The API keys accepted now, the current one last. */
    List<String> apiKeys();

    /** The API definition deployed last. */
    Path apiDir();

    /** The function's mapping file; empty for the packaged one. */
    Optional<Path> mappingFile();

    /** The faults the AppSync endpoint plays on demand: not a deployment, but typed at the same console. */
    AppSyncFaults appSyncFaults();
}
