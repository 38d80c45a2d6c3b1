package io.switchboard.system.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.switchboard.platform.Service;
import io.switchboard.system.harness.SystemStack;

/**
 * The services' own databases, read directly over JDBC with each service's role (the passwords are
 * the platform's secrets), in the run's own schema: the fault checks look at what was really stored,
 * not at what an API says.
 */
final class ServiceDatabases {

    private final SystemStack stack;

    ServiceDatabases(SystemStack stack) {
        this.stack = stack;
    }

    Connection open(Service service) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(service), service.databaseRole(),
                stack.platform().secrets().dbPassword(service));
    }
}
