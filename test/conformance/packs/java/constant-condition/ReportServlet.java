package ward.conformance.constcond;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ReportServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String region = request.getParameter("region");
        int num = 86;
        String wanted;
        if ((7 * 42) - num > 200) wanted = "EU";
        else wanted = region;
        int num2 = 106;
        String other = (7 * 42) - num2 > 200 ? "EU" : region;
        try (Statement st = conn.createStatement()) {
            // ok: java-sql-injection
            st.executeQuery("SELECT * FROM sales WHERE region = '" + wanted + "'");
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM sales WHERE region = '" + other + "'");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
