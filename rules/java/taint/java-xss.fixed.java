package ward.fixtures.taint.xss;

import java.io.IOException;
import java.io.PrintWriter;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;
import org.springframework.web.util.HtmlUtils;

class GreetServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html");
        PrintWriter out = response.getWriter();
        // ruleid: java-xss
        out.println("<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>");
        // ok: java-xss
        out.println("<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>");
        // ok: java-xss
        out.println("<p>" + Encode.forHtml(request.getHeader("User-Agent")) + "</p>");
        // ruleid: java-xss
        response.getWriter().write(HtmlUtils.htmlEscape(request.getParameter("q")));
        // ok: java-xss
        out.println("<p>" + name.length() + " characters</p>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder html = new StringBuilder("<ul>");
        for (String tag : request.getParameterValues("tag")) {
            html.append("<li>").append(tag).append("</li>");
        }
        html.append("</ul>");
        // ruleid: java-xss
        response.getWriter().print(html.toString());
    }
}
