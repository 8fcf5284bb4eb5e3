package ward.fixtures.staticiv;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

class Crypter {
    private static final byte[] IV = { 0x1f, 0x2e, 0x3d, 0x4c, 0x5b, 0x6a, 0x79, (byte) 0x88, 0x17, 0x26, 0x35, 0x44, 0x53, 0x62, 0x71, 0x00 };
    private static final String IV_TEXT = "0123456789abcdef";
    private final SecureRandom random = new SecureRandom();

    void fieldIv(Cipher cipher, SecretKey key) throws Exception {
        // ruleid: java-static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(IV));
    }

    void zeroIv(Cipher cipher, SecretKey key) throws Exception {
        // ruleid: java-static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
    }

    void textIv(Cipher cipher, SecretKey key) throws Exception {
        // ruleid: java-static-iv
        IvParameterSpec spec = new IvParameterSpec(IV_TEXT.getBytes(StandardCharsets.UTF_8));
        cipher.init(Cipher.DECRYPT_MODE, key, spec);
    }

    void literalGcm(Cipher cipher, SecretKey key) throws Exception {
        // ruleid: java-static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, "nonce-123456".getBytes()));
    }

    void randomIv(Cipher cipher, SecretKey key) throws Exception {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        // ok: java-static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
    }

    void finalButFilled(Cipher cipher, SecretKey key) throws Exception {
        final byte[] iv = new byte[16];
        random.nextBytes(iv);
        // ok: java-static-iv
        cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
    }

    void ivFromMessage(Cipher cipher, SecretKey key, byte[] message) throws Exception {
        // ok: java-static-iv
        cipher.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(message, 0, 16));
    }
}
