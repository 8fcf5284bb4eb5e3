package ward.fixtures.processshell;

import java.io.IOException;
import java.util.Arrays;

class Jobs {

    Process backup(String dir) throws IOException {
        // ruleid: java-process-shell-command
        return new ProcessBuilder(new String[] { "tar", "-czf", "backup.tgz", dir }).start();
    }

    Process windows(String file) throws IOException {
        // ruleid: java-process-shell-command
        ProcessBuilder pb = new ProcessBuilder("cmd.exe", "/c", "type " + file + " > out.txt");
        return pb.start();
    }

    Process array(String host) throws IOException {
        // ruleid: java-process-shell-command
        return Runtime.getRuntime().exec(new String[] { "/bin/bash", "-c", "ping -c 1 " + host });
    }

    Process list(String pattern) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java-process-shell-command
        pb.command(Arrays.asList("sh", "-c", "ls " + pattern));
        return pb.start();
    }

    Process direct(String dir) throws IOException {
        // ok: java-process-shell-command
        return new ProcessBuilder("tar", "-czf", "backup.tgz", dir).start();
    }

    Process constantScript() throws IOException {
        // ok: java-process-shell-command
        return new ProcessBuilder("sh", "-c", "ls -la /tmp | wc -l").start();
    }

    Process constantArray() throws IOException {
        // ok: java-process-shell-command
        return Runtime.getRuntime().exec(new String[] { "sh", "-c", "uptime" });
    }

    // The taint analysis shows these shell commands hold only constants: not reported.
    Process status(String verbose) throws IOException {
        char mode = 's';
        String command;
        switch (mode) {
            case 'v':
                command = "git status " + verbose;
                break;
            default:
                command = "git status --short";
        }
        // ok: java-process-shell-command
        return new ProcessBuilder("sh", "-c", command).start();
    }
}
