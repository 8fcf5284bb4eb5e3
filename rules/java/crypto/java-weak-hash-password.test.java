package ward.fixtures.weakhashpassword;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.apache.commons.codec.digest.DigestUtils;

class UserStore {

    String hashPassword(String password, String salt) throws Exception {
        // ruleid: java-weak-hash-password
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(salt.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md.digest(password.getBytes(StandardCharsets.UTF_8)));
    }

    boolean checkPwd(String candidate, String stored) {
        // ruleid: java-weak-hash-password
        return DigestUtils.md5Hex(candidate).equals(stored);
    }

    void register(String user, String plain) {
        // ruleid: java-weak-hash-password
        String passwordHash = DigestUtils.sha1Hex(plain);
        save(user, passwordHash);
    }

    String fingerprint(byte[] certificate) throws Exception {
        // ok: java-weak-hash-password
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate));
    }

    boolean passwordMatches(char[] candidate, byte[] salt, byte[] stored) throws Exception {
        // ok: java-weak-hash-password
        javax.crypto.SecretKeyFactory f = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        byte[] hash = f.generateSecret(new javax.crypto.spec.PBEKeySpec(candidate, salt, 600_000, 256)).getEncoded();
        return MessageDigest.isEqual(hash, stored);
    }

    void save(String user, String hash) {
    }
}
