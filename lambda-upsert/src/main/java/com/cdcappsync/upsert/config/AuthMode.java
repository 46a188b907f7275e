package com.cdcappsync.upsert.config;

/** How the handler authenticates to AppSync. */
public enum AuthMode {
    /** SigV4 with the function's role: the production setting (mutations are IAM-only). */
    IAM("iam"),
    /** An API key: for local stacks and tests only. */
    API_KEY("api-key");

    private final String text;

    AuthMode(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}
