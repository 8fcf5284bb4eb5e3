package ward.conformance.trace;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class UserServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name"); // trace-line
        String label = "user:" + name; // trace-line
        String key = label.trim(); // trace-line
        try (Statement st = conn.createStatement()) {
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM users WHERE name = '" + key + "'"); // trace-line
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
