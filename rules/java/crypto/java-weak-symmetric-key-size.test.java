package ward.fixtures.weaksymmetric;

import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

class SymmetricKeys {

    SecretKey small() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("Blowfish");
        // ruleid: java-weak-symmetric-key-size
        generator.init(64);
        return generator.generateKey();
    }

    SecretKey aes() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        // ok: java-weak-symmetric-key-size
        generator.init(256);
        return generator.generateKey();
    }

    SecretKey randomOnly() throws Exception {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        // ok: java-weak-symmetric-key-size
        generator.init(new SecureRandom());
        return generator.generateKey();
    }
}
