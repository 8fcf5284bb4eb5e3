package ward.conformance.handler;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class OrderServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Statement st = conn.createStatement()) {
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM orders WHERE customer = '" + request.getParameter("customer") + "'");
            // ok: java-sql-injection
            st.executeQuery("SELECT * FROM orders WHERE status = 'open'");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
