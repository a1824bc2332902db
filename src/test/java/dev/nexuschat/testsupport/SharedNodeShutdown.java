package dev.nexuschat.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the node the ITs share once every test engine of the run is done (registered through {@code
 * META-INF/services}). A Jupiter root-store resource would stop it as soon as the Jupiter tests
 * end, and the jqwik fuzz properties that run after them would have to start it again.
 */
public final class SharedNodeShutdown implements LauncherSessionListener {
  @Override
  public void launcherSessionClosed(LauncherSession session) {
    NexusServer.stopShared();
  }
}
