package com.cdcappsync.connectors;

import com.cdcappsync.cli.CommandLines;
import com.cdcappsync.cli.UsageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/render-connector-config}: writes ready-to-POST Kafka Connect configs, filled with the outputs of a
 * deployed CdcAppSync stack. Exit status 0 when every file was written, 2 for a problem the message explains.
 */
public final class RenderConnectorConfig {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RenderConnectorConfig() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            RenderOptions options = RenderOptions.parse(args);
            if (options.help()) {
                out.print(RenderOptions.usage());
                return 0;
            }
            for (Path written : render(options)) {
                out.println("wrote " + written.toAbsolutePath().normalize());
            }
            return 0;
        } catch (UsageException e) {
            return CommandLines.reportUsage("render-connector-config", e, RenderOptions.usage(), err);
        } catch (RenderException e) {
            err.println("render-connector-config: " + e.getMessage());
            return 2;
        }
    }

    /**
     * Renders every requested template into {@code options.outDir()}. Nothing is written unless every template
     * renders, so a failed run never leaves half a set of configs behind.
     *
     * @return the files written, in the order of {@code options.connectors()}
     * @throws RenderException for any problem the user can fix
     */
    public static List<Path> render(RenderOptions options) {
        StackOutputs outputs = options.outputs() == null ? null
                : StackOutputs.read(options.outputs(), options.stack(), MAPPER);
        PlaceholderValues values = new PlaceholderValues(outputs, options.overrides());
        TemplateRenderer renderer = new TemplateRenderer(values::resolve);
        List<JsonNode> rendered = new ArrayList<>();
        for (ConnectorTemplate template : options.connectors()) {
            rendered.add(renderer.render(template.parse(MAPPER), template.fileStem() + ".json"));
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(options.outDir());
            for (int i = 0; i < rendered.size(); i++) {
                Path file = options.outDir().resolve(options.connectors().get(i).fileStem() + ".json");
                Files.writeString(file, MAPPER.writeValueAsString(rendered.get(i)) + System.lineSeparator());
                written.add(file);
            }
        } catch (IOException e) {
            throw new RenderException("cannot write to " + options.outDir() + " (" + e + "); choose a writable "
                    + "directory with --out", e);
        }
        return written;
    }
}
