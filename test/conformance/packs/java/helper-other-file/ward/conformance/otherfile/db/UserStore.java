package ward.conformance.otherfile.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

public class UserStore {
    private final Connection conn;

    public UserStore(Connection conn) {
        this.conn = conn;
    }

    public static ResultSet findUser(Connection conn, String name) throws SQLException {
        return conn.createStatement().executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }
}
