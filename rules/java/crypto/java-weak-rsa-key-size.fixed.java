package ward.fixtures.weakrsa;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.RSAKeyGenParameterSpec;

class Keys {
    private static final int KEY_BITS = 1024;

    KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-rsa-key-size
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    KeyPair dsa() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("DSA");
        // ruleid: java-weak-rsa-key-size
        kpg.initialize(2048);
        return kpg.generateKeyPair();
    }

    KeyPair spec() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        // ruleid: java-weak-rsa-key-size
        kpg.initialize(new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));
        return kpg.generateKeyPair();
    }

    KeyPair strong() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        // ok: java-weak-rsa-key-size
        generator.initialize(3072);
        return generator.generateKeyPair();
    }

    KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        // ok: java-weak-rsa-key-size
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    KeyPair configured(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        // ok: java-weak-rsa-key-size
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    BigInteger exponent() {
        return RSAKeyGenParameterSpec.F4;
    }
}
