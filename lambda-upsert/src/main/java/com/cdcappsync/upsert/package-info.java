/** Debezium change events to versioned AppSync mutations. */
package com.cdcappsync.upsert;
