package io.switchboard.system.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.switchboard.platform.RunningPlatform;
import io.switchboard.platform.Service;

/**
 * The services' own databases, read directly over JDBC with each service's role (the passwords are
 * the platform's secrets): the fault checks look at what was really stored, not at what an API says.
 */
final class ServiceDatabases {

    private final RunningPlatform platform;

    ServiceDatabases(RunningPlatform platform) {
        this.platform = platform;
    }

    Connection open(Service service) throws SQLException {
        return DriverManager.getConnection(platform.jdbcUrl(service.database()), service.databaseRole(),
                platform.secrets().dbPassword(service));
    }
}
