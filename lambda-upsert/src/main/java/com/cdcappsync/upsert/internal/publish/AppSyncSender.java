package com.cdcappsync.upsert.internal.publish;

import com.cdcappsync.upsert.appsync.AppSyncClient;
import com.cdcappsync.upsert.appsync.AppSyncException;
import com.cdcappsync.upsert.appsync.Deadline;
import com.cdcappsync.upsert.appsync.GraphQlError;
import com.cdcappsync.upsert.appsync.GraphQlRequest;
import com.cdcappsync.upsert.appsync.GraphQlResponse;
import com.cdcappsync.upsert.mapping.MappedChange;
import com.cdcappsync.upsert.publish.MutationSender;
import com.cdcappsync.upsert.publish.SendResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Sends mutations through the AppSync client and classifies the answer: a version-guard failure
 * ({@code ConditionalCheckFailed}) is stale, any other error is a failure with AppSync's own words.
 */
public final class AppSyncSender implements MutationSender {

    private final AppSyncClient client;

    public AppSyncSender(AppSyncClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public SendResult send(MappedChange change) {
        return send(change, Deadline.NONE);
    }

    @Override
    public SendResult send(MappedChange change, Deadline deadline) {
        GraphQlResponse response;
        try {
            response = client.execute(new GraphQlRequest(change.query(), change.variables()), deadline);
        } catch (AppSyncException e) {
            return new SendResult.Failed(e.getMessage(), e.outOfTime());
        }
        if (response.hasErrors()) {
            if (response.errors().stream().allMatch(GraphQlError::isConditionalCheckFailed)) {
                return new SendResult.Stale("the store already has version " + change.version()
                        + " or newer of " + change.itemKey());
            }
            GraphQlError first = response.errors().getFirst();
            return new SendResult.Failed(change.mutationField() + " returned " + response.errors().size()
                    + " error(s), first: " + (first.errorType() == null ? "" : first.errorType() + ": ")
                    + first.message());
        }
        JsonNode item = response.data() == null ? null : response.data().get(change.mutationField());
        if (item == null || item.isNull()) {
            return new SendResult.Failed(change.mutationField() + " returned null without an error; check that "
                    + "the resolver's data source can reach its table (and its credentials)");
        }
        return new SendResult.Applied(item);
    }
}
