package io.switchboard.platform;

/**
 * A failure the launcher reports as one readable line (no stack trace), with the process exit code
 * to use.
 */
public class PlatformException extends RuntimeException {

    /** Something went wrong while starting, stopping or talking to the platform. */
    public static final int FAILED = 1;
    /** Bad usage or a conflict the user has to resolve (a port in use, the profile already running). */
    public static final int CONFLICT = 2;

    private final int exitCode;

    public PlatformException(String message) {
        this(message, FAILED, null);
    }

    public PlatformException(String message, Throwable cause) {
        this(message, FAILED, cause);
    }

    public PlatformException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static PlatformException conflict(String message) {
        return new PlatformException(message, CONFLICT, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
