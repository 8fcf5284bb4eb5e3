package ward.conformance.samefile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class UserServlet extends HttpServlet {
    private Connection conn;

    private void findByEmail(String email) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.executeQuery("SELECT * FROM users WHERE email = '" + email + "'");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // ruleid: java-sql-injection
            findByEmail(request.getParameter("email"));
            // ok: java-sql-injection
            findByEmail("admin@example.com");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
