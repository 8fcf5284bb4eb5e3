package ward.fixtures.runtimeexec;

import java.io.File;
import java.io.IOException;
import java.util.List;

class Tools {
    private static final String CONVERT = "/usr/bin/convert";

    Process archive(String dir) throws IOException {
        // ruleid: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("tar -czf backup.tgz " + dir);
    }

    Process resize(File input, int width) throws IOException {
        Runtime rt = Runtime.getRuntime();
        // ruleid: java-runtime-exec-built-string
        return rt.exec(CONVERT + " -resize " + width + " " + input.getPath());
    }

    Process ping(String host) throws IOException {
        // ruleid: java-runtime-exec-built-string
        return Runtime.getRuntime().exec(String.format("ping -c 1 %s", host));
    }

    Process run(String commandLine) throws IOException {
        // ruleid: java-runtime-exec-built-string
        return Runtime.getRuntime().exec(commandLine);
    }

    Process piped(String name) throws IOException {
        // ruleid: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("grep " + name + " /etc/hosts | head -1");
    }

    Process fixed() throws IOException {
        // ok: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("uptime");
    }

    Process array(String dir) throws IOException {
        // ok: java-runtime-exec-built-string
        return Runtime.getRuntime().exec(new String[] { "tar", "-czf", "backup.tgz", dir });
    }

    Process list(List<String> argv) throws IOException {
        String[] cmd = argv.toArray(new String[0]);
        // ok: java-runtime-exec-built-string
        return Runtime.getRuntime().exec(cmd);
    }

    // The taint analysis shows these command lines hold only constants and numbers: not reported.
    Process kill(int pid) throws IOException {
        // ok: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("kill -TERM " + pid);
    }

    Process rotate(String keep) throws IOException {
        int days = Integer.parseInt(keep);
        String dir = keep;
        dir = "/var/log/app";
        // ok: java-runtime-exec-built-string
        return Runtime.getRuntime().exec("find " + dir + " -mtime +" + days + " -delete");
    }
}
