package io.switchboard.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The repository the platform belongs to, and the per-profile state directory inside it
 * ({@code <repo>/.switchboard/<profile>/}, git-ignored).
 */
public final class Workspace {

    /** System property naming the repository root explicitly. */
    public static final String HOME_PROPERTY = "switchboard.home";

    private final Path repoRoot;

    public Workspace(Path repoRoot) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    /**
     * The repository root: {@code -Dswitchboard.home}, else the nearest directory holding {@code mvnw}
     * walking up from the working directory, else the parent of the platform module this was built from.
     */
    public static Workspace find() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return new Workspace(Path.of(home));
        }
        Optional<Path> fromWorkingDir = walkUp(Path.of("").toAbsolutePath());
        if (fromWorkingDir.isPresent()) {
            return new Workspace(fromWorkingDir.get());
        }
        return BuildInfo.get().platformModuleDir()
                .map(Path::getParent)
                .filter(dir -> Files.isRegularFile(dir.resolve("mvnw")))
                .map(Workspace::new)
                .orElseThrow(() -> new PlatformException("cannot find the Switchboard repository (a directory with mvnw) above "
                        + Path.of("").toAbsolutePath() + "; run from inside it or pass -D" + HOME_PROPERTY + "=<repo>"));
    }

    private static Optional<Path> walkUp(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    public StateDir state(Profile profile) {
        return new StateDir(repoRoot.resolve(".switchboard").resolve(profile.id()), profile);
    }

    /** The module directory of a service, e.g. {@code <repo>/ticket-service}. */
    public Path moduleDir(Service service) {
        return repoRoot.resolve(service.moduleName());
    }
}
