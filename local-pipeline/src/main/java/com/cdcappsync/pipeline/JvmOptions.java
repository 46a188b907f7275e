package com.cdcappsync.pipeline;

import java.util.List;

/** JVM options for the child JVMs: a small heap and a collector that suits two cores. */
final class JvmOptions {

    private JvmOptions() {
    }

    static List<String> forChild(String heap) {
        return List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=256m",
                "-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
                "--enable-native-access=ALL-UNNAMED");
    }
}
