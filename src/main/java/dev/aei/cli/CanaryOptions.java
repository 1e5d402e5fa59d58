package dev.aei.cli;

import dev.aei.protocol.CanaryPattern;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The prompt marker formats to check besides this tool's own. Use as a picocli {@code @Mixin}. */
public final class CanaryOptions {

    @Option(names = "--canary", paramLabel = "REGEX",
            description = {"Also treat text matching REGEX as a prompt marker (repeat for more); a named group "
                    + "(?<user>…) says whose prompt it marked, so captures made by other tools are checked by their "
                    + "own markers, e.g. '\\[\\[canary:(?<user>[^:\\]]+):[0-9a-f]{8}]]'.",
                    "This tool's own markers (cnry- and 10 hex digits) are always checked."})
    List<String> patterns = new ArrayList<>();

    /** The formats given; throws {@link IllegalArgumentException} naming a bad one. */
    public List<CanaryPattern> patterns() {
        List<CanaryPattern> result = new ArrayList<>();
        for (String regex : patterns) {
            try {
                result.add(new CanaryPattern(regex));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--canary: " + e.getMessage());
            }
        }
        return result;
    }
}
