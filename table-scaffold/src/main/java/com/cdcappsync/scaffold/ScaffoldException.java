package com.cdcappsync.scaffold;

/** Input the scaffold cannot work from (unknown table, no primary key, a column type it cannot map). */
public final class ScaffoldException extends RuntimeException {

    public ScaffoldException(String message) {
        super(message);
    }

    public ScaffoldException(String message, Throwable cause) {
        super(message, cause);
    }
}
