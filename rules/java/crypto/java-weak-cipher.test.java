package ward.fixtures.weakcipher;

import javax.crypto.Cipher;

class LegacyCrypto {
    private static final String ALGORITHM = "DESede";

    Cipher des() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("DES/CBC/PKCS5Padding");
    }

    Cipher tripleDes() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance(ALGORITHM);
    }

    Cipher rc4() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("RC4");
    }

    Cipher pbe() throws Exception {
        // ruleid: java-weak-cipher
        return Cipher.getInstance("PBEWithMD5AndDES");
    }

    Cipher aesGcm() throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher rsa() throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    Cipher configured(String transformation) throws Exception {
        // ok: java-weak-cipher
        return Cipher.getInstance(transformation);
    }
}
