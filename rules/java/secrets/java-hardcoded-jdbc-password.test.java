package ward.fixtures.jdbcpassword;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import com.zaxxer.hikari.HikariConfig;

class Database {
    private static final String URL = "jdbc:postgresql://db.internal:5432/orders";
    private static final String PASSWORD = "letmein-orders";

    Connection connect() throws Exception {
        // ruleid: java-hardcoded-jdbc-password
        return DriverManager.getConnection(URL, "orders", PASSWORD);
    }

    HikariConfig pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername("orders");
        // ruleid: java-hardcoded-jdbc-password
        config.setPassword("hunter2-orders");
        return config;
    }

    Connection withProperties() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "orders");
        // ruleid: java-hardcoded-jdbc-password
        props.setProperty("password", "hunter2-orders");
        return DriverManager.getConnection(URL, props);
    }

    Connection fromEnvironment() throws Exception {
        // ok: java-hardcoded-jdbc-password
        return DriverManager.getConnection(URL, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    Connection embedded() throws Exception {
        // ok: java-hardcoded-jdbc-password
        return DriverManager.getConnection("jdbc:h2:mem:test", "sa", "");
    }

    HikariConfig configured(String password) {
        HikariConfig config = new HikariConfig();
        // ok: java-hardcoded-jdbc-password
        config.setPassword(password);
        return config;
    }
}
