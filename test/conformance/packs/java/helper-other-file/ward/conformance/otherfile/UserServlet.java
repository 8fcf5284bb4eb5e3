package ward.conformance.otherfile;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import ward.conformance.otherfile.db.UserStore;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class UserServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // ruleid: java-sql-injection
            UserStore.findUser(conn, request.getParameter("name"));
            // ok: java-sql-injection
            UserStore.findUser(conn, "guest");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
