/**
 * The implementation of the library: nothing here is API. Types are public only where another package of the
 * library needs them; they may change or go at any release. Code outside {@code com.cdcappsync.upsert} must not
 * use them (checked by {@code PublicApiArchitectureTest}): what a user needs is in the public packages, listed in
 * {@code lambda-upsert/README.md}.
 */
package com.cdcappsync.upsert.internal;
