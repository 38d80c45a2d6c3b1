package io.switchboard.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parsed command line of the {@link Launcher}. */
record LauncherArgs(String command, Profile profile, boolean services, boolean reset, int partitions, boolean detach,
                    Optional<Service> service) {

    static final String USAGE = """
            usage: Launcher <command> [options]
              up      [--profile dev|test] [--services] [--reset] [--partitions N] [--detach]
                      start Kafka, PostgreSQL and Keycloak (and with --services the four services, dev only);
                      prints URLs and demo logins when ready, then runs until Ctrl-C (or exits at once with --detach)
              down    [--profile P]              stop a running profile (also one started with --detach)
              status  [--profile P]              what runs and whether it answers (exit 0 = up)
              env     [--profile P] [--service S] the environment variables a service needs (S = mention|ticket|routing|gateway)
              reset   [--profile P]              delete the profile's state (it must be stopped)
            The profile defaults to dev; state lives in <repo>/.switchboard/<profile>/.""";

    static LauncherArgs parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        String command = args[0];
        if (!List.of("up", "down", "status", "env", "reset", "help", "--help", "-h").contains(command)) {
            throw new IllegalArgumentException("unknown command '" + command + "'");
        }
        Profile profile = Profile.DEV;
        boolean services = false;
        boolean reset = false;
        boolean detach = false;
        int partitions = Platform.Options.DEFAULT_PARTITIONS;
        Optional<Service> service = Optional.empty();
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--profile" -> profile = Profile.parse(value != null ? value : next(args, ++i, arg));
                case "--service" -> service = Optional.of(Service.parse(value != null ? value : next(args, ++i, arg)));
                case "--partitions" -> {
                    String n = value != null ? value : next(args, ++i, arg);
                    try {
                        partitions = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--partitions needs a number, not '" + n + "'");
                    }
                }
                case "--services" -> services = true;
                case "--reset" -> reset = true;
                case "--detach" -> detach = true;
                default -> rest.add(args[i]);
            }
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unexpected argument(s) for " + command + ": " + String.join(" ", rest));
        }
        if (!command.equals("up") && (services || reset || detach)) {
            throw new IllegalArgumentException("--services, --reset and --detach belong to up");
        }
        if (service.isPresent() && !command.equals("env")) {
            throw new IllegalArgumentException("--service belongs to env");
        }
        return new LauncherArgs(command, profile, services, reset, partitions, detach, service);
    }

    private static String next(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
