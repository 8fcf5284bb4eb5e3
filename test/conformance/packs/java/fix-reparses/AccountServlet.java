package ward.conformance.fix;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class AccountServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        try {
            Statement st = conn.createStatement();
            // ruleid: java-sql-injection
            ResultSet rs = st.executeQuery("SELECT * FROM accounts WHERE id = '" + id + "' AND active = 1");
            if (!rs.next()) response.sendError(404);
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
