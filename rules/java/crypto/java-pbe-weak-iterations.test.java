package ward.fixtures.pbeiterations;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

class PasswordKeys {
    private static final int ITERATIONS = 65536;

    byte[] derive(char[] password, byte[] salt) throws Exception {
        // ruleid: java-pbe-weak-iterations
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    byte[] strong(char[] password, byte[] salt) throws Exception {
        // ok: java-pbe-weak-iterations
        PBEKeySpec spec = new PBEKeySpec(password, salt, 600_000, 256);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    }

    PBEKeySpec passwordOnly(char[] password) {
        // ok: java-pbe-weak-iterations
        return new PBEKeySpec(password);
    }

    PBEParameterSpec params(byte[] salt, int iterations) {
        // ok: java-pbe-weak-iterations
        return new PBEParameterSpec(salt, iterations);
    }
}
