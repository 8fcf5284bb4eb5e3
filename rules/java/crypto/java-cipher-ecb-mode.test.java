package ward.fixtures.cipherecb;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;

class Encryptor {
    private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";

    byte[] encrypt(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-cipher-ecb-mode
        Cipher cipher = Cipher.getInstance("AES");
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    Cipher explicit() throws Exception {
        // ruleid: java-cipher-ecb-mode
        return Cipher.getInstance(TRANSFORMATION);
    }

    Cipher des() throws Exception {
        // ok: java-cipher-ecb-mode
        return Cipher.getInstance("DES/ECB/NoPadding");
    }

    Cipher cbc() throws Exception {
        // ok: java-cipher-ecb-mode
        return Cipher.getInstance("AES/CBC/PKCS5Padding");
    }

    Cipher gcm() throws Exception {
        // ok: java-cipher-ecb-mode
        return Cipher.getInstance("AES/GCM/NoPadding");
    }

    Cipher rsa() throws Exception {
        // ok: java-cipher-ecb-mode
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }
}
