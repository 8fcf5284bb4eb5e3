package ward.fixtures.hostnameverifier;

import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import org.apache.http.conn.ssl.NoopHostnameVerifier;

class Clients {

    void global() {
        // ruleid: java-hostname-verification-disabled
        HttpsURLConnection.setDefaultHostnameVerifier((hostname, session) -> true);
    }

    void perConnection(HttpsURLConnection connection) {
        // ruleid: java-hostname-verification-disabled
        HostnameVerifier any = (host, session) -> {
            return true;
        };
        connection.setHostnameVerifier(any);
    }

    HostnameVerifier apache() {
        // ruleid: java-hostname-verification-disabled
        return NoopHostnameVerifier.INSTANCE;
    }

    static class TrustAllHosts implements HostnameVerifier {
        @Override
        // ruleid: java-hostname-verification-disabled
        public boolean verify(String hostname, SSLSession session) {
            return true;
        }
    }

    static class InternalHosts implements HostnameVerifier {
        private final HostnameVerifier fallback = HttpsURLConnection.getDefaultHostnameVerifier();

        @Override
        // ok: java-hostname-verification-disabled
        public boolean verify(String hostname, SSLSession session) {
            return hostname.endsWith(".internal.example") && fallback.verify(hostname, session);
        }
    }

    void pinned(HttpsURLConnection connection) {
        // ok: java-hostname-verification-disabled
        connection.setHostnameVerifier((host, session) -> "api.example.com".equals(host));
    }
}
