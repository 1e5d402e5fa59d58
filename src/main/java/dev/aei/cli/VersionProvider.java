package dev.aei.cli;

import dev.aei.runtime.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** What {@code aei --version} prints: the app's version and commit, and the Java and JavaFX it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return AppVersion.current().lines().toArray(String[]::new);
    }
}
