package com.cdcappsync.localstack.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** A function whose init fails, as a handler with a bad setting does: the runtime reports it on init/error. */
public final class FailingInitHandler implements RequestStreamHandler {

    /** Always throws. */
    public FailingInitHandler() {
        throw new IllegalStateException("settings are broken on purpose");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new UnsupportedOperationException("never initialised");
    }
}
