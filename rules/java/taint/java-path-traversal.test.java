package ward.fixtures.taint.path;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

class DownloadServlet extends HttpServlet {
    private static final String ROOT = "/srv/files/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("file");
        File f = new File(ROOT + name);
        // ruleid: java-path-traversal
        try (InputStream in = new FileInputStream(f)) {
            in.transferTo(response.getOutputStream());
        }
        // ruleid: java-path-traversal
        try (InputStream in = new FileInputStream(new File(ROOT, name))) {
            in.transferTo(response.getOutputStream());
        }
        // ok: java-path-traversal
        try (InputStream in = new FileInputStream(new File(ROOT, FilenameUtils.getName(name)))) {
            in.transferTo(response.getOutputStream());
        }
        File checked = new File(ROOT, name);
        if (!checked.getCanonicalPath().startsWith(new File(ROOT).getCanonicalPath() + File.separator)) {
            response.sendError(403);
            return;
        }
        // ok: java-path-traversal
        try (InputStream in = new FileInputStream(checked)) {
            in.transferTo(response.getOutputStream());
        }
    }
}

@RestController
class ReportController {
    private final Path base = Paths.get("/srv/reports").toAbsolutePath().normalize();

    @GetMapping("/reports/{name}")
    byte[] report(@PathVariable String name) throws IOException {
        // ruleid: java-path-traversal
        byte[] raw = Files.readAllBytes(Paths.get("/srv/reports", name));
        Path file = base.resolve(name).normalize();
        if (!file.startsWith(base)) {
            throw new SecurityException("outside the report folder");
        }
        // ok: java-path-traversal
        return raw.length > 0 ? raw : Files.readAllBytes(file);
    }

    @GetMapping("/logs/{day}")
    byte[] log(@PathVariable String day) throws IOException {
        // ruleid: java-path-traversal
        return Files.readAllBytes(base.resolve("logs").resolve(day + ".log"));
    }

    // A name with its separators removed cannot leave the folder.
    @PostMapping("/uploads")
    void upload(@RequestParam MultipartFile file) throws IOException {
        String name = safeName(file.getOriginalFilename());
        // ok: java-path-traversal
        file.transferTo(new File("/srv/uploads/" + name));
        String spaces = file.getOriginalFilename().replaceAll("\\s+", "");
        // ruleid: java-path-traversal
        file.transferTo(new File("/srv/uploads/" + spaces));
        String slashes = file.getOriginalFilename().replaceAll("[/]", "");
        // ruleid: java-path-traversal
        file.transferTo(new File("/srv/uploads/" + slashes));
        String back = file.getOriginalFilename().replaceAll("[\\\\]", "/");
        // ruleid: java-path-traversal
        file.transferTo(new File("/srv/uploads/" + back));
    }

    private static String safeName(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|]", "").trim();
    }
}
