package ward.fixtures.insecurerandom;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

class TokenService {
    private static final Random RANDOM = new Random();
    private final Random jitter = new Random();

    String newSessionId() {
        // ruleid: java-insecure-random
        String sessionId = Long.toHexString(new SecureRandom().nextLong());
        return sessionId;
    }

    String resetCode() {
        // ruleid: java-insecure-random
        int resetCode = new SecureRandom().nextInt(100000, 1000000);
        return Integer.toString(resetCode);
    }

    String apiKey() {
        byte[] secretKey = new byte[24];
        // ruleid: java-insecure-random
        RANDOM.nextBytes(secretKey);
        return Base64.getEncoder().encodeToString(secretKey);
    }

    double nonce() {
        // ruleid: java-insecure-random
        double nonce = new SecureRandom().nextDouble();
        return nonce;
    }

    String generateToken() {
        // ruleid: java-insecure-random
        return Integer.toHexString(RANDOM.nextInt());
    }

    void shuffle(byte[] bytes) {
        // ok: java-insecure-random
        RANDOM.nextBytes(bytes);
    }

    String saltFrom(Random random) {
        // ok: java-insecure-random
        int salt = random.nextInt();
        return Integer.toHexString(salt);
    }

    private final Random strong = new java.security.SecureRandom();

    String strongToken() {
        // ok: java-insecure-random
        String token = Long.toHexString(strong.nextLong());
        return token;
    }

    long retryDelay(int attempt) {
        // ok: java-insecure-random
        long delay = 100L * attempt + jitter.nextInt(50);
        return delay;
    }

    String pick(List<String> servers) {
        // ok: java-insecure-random
        int index = ThreadLocalRandom.current().nextInt(servers.size());
        return servers.get(index);
    }

    String secureToken() {
        byte[] bytes = new byte[32];
        // ok: java-insecure-random
        new java.security.SecureRandom().nextBytes(bytes);
        String token = Base64.getUrlEncoder().encodeToString(bytes);
        return token;
    }
}
