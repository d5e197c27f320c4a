package dev.onair.system;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared test server and the test sign-in providers when the test run ends, rather than in a JVM shutdown hook. */
public class OnAirServerSession implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        OnAirServer.stopIfStarted();
        TestProviders.stopIfStarted();
        LocalS3.stopIfStarted();
    }
}
