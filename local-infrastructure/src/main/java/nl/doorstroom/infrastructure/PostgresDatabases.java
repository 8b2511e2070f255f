package nl.doorstroom.infrastructure;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** Each service has a database of its own on the PostgreSQL server; created here when missing. */
public final class PostgresDatabases {

    private PostgresDatabases() {
    }

    /** @param serverUrl a JDBC URL without database, e.g. {@code jdbc:postgresql://localhost:54320} */
    public static void ensure(String serverUrl, String user, String password, List<String> databases) {
        try (var connection = DriverManager.getConnection(serverUrl + "/postgres", user, password);
             var statement = connection.createStatement()) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("not a plain database name: " + database);
                }
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?");
                exists.setString(1, database);
                if (!exists.executeQuery().next()) {
                    statement.execute("create database " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the services' databases on " + serverUrl, e);
        }
    }
}
