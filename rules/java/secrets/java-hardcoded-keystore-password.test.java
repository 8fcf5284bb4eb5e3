package ward.fixtures.keystorepassword;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.KeyManagerFactory;

class Keys {
    private static final String STORE_PASSWORD = "keystore-pass";

    KeyStore open(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            // ruleid: java-hardcoded-keystore-password
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    KeyManagerFactory keyManagers(KeyStore store) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        // ruleid: java-hardcoded-keystore-password
        kmf.init(store, "key-pass-123".toCharArray());
        return kmf;
    }

    byte[] derive(byte[] salt) throws Exception {
        // ruleid: java-hardcoded-keystore-password
        PBEKeySpec spec = new PBEKeySpec("master-password".toCharArray(), salt, 600_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    KeyStore fromEnvironment(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            // ok: java-hardcoded-keystore-password
            store.load(in, System.getenv("KEYSTORE_PASSWORD").toCharArray());
        }
        return store;
    }

    KeyStore trustStore(Path cacerts) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(cacerts)) {
            // ok: java-hardcoded-keystore-password
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    KeyStore empty() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        // ok: java-hardcoded-keystore-password
        store.load(null, null);
        return store;
    }

    Key key(KeyStore store, char[] password) throws Exception {
        // ok: java-hardcoded-keystore-password
        return store.getKey("signing", password);
    }
}
