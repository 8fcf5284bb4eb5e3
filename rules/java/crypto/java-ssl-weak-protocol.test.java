package ward.fixtures.sslweak;

import javax.net.ssl.SSLContext;

class Contexts {

    SSLContext legacy() throws Exception {
        // ruleid: java-ssl-weak-protocol
        SSLContext context = SSLContext.getInstance("SSL");
        context.init(null, null, null);
        return context;
    }

    SSLContext tls10() throws Exception {
        // ruleid: java-ssl-weak-protocol
        return SSLContext.getInstance("TLSv1");
    }

    SSLContext tls() throws Exception {
        // ok: java-ssl-weak-protocol
        return SSLContext.getInstance("TLS");
    }

    SSLContext tls13() throws Exception {
        // ok: java-ssl-weak-protocol
        return SSLContext.getInstance("TLSv1.3");
    }
}
