package com.cdcappsync.doctor;

/** A check's verdict; the worst one decides the exit code. */
public enum Status {
    OK(0), SKIPPED(0), WARN(1), FAIL(2);

    private final int exitCode;

    Status(int exitCode) {
        this.exitCode = exitCode;
    }

    /** 0 healthy, 1 warning, 2 failing. */
    public int exitCode() {
        return exitCode;
    }

    /** The worse of two verdicts. */
    public Status worst(Status other) {
        return other.exitCode > exitCode ? other : this;
    }
}
