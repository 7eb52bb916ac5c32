package cn.qingtian.portal.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The source of the differential-privacy noise (decision D18,
 * docs/decisions/0018-disclosure-gate-history.md; docs/disclosure-control.md, attack finding 7): a
 * cell's noise is a function of a secret kept in the private schema and the cell's identity, which
 * names the table, year, row and column and carries a hash of the microdata rows that fall in the
 * cell. The same data therefore always get the same noise: re-importing a release, or fixing a typo
 * elsewhere, publishes byte-identical cells and spends no new budget, so an attacker cannot average
 * fresh draws away. When the rows behind a cell change, its noise is drawn afresh and the ledger
 * counts ε again.
 *
 * <p>The draw is the exact integer sampler of {@link DiscreteLaplace}, fed from HMAC-SHA256 in
 * counter mode keyed with HMAC-SHA256(secret, identity): without the secret the stream is
 * indistinguishable from random, so the noise is as good as {@code SecureRandom}'s for anyone
 * outside the database.
 */
public final class KeyedNoise {

  private static final String HMAC = "HmacSHA256";

  private final byte[] secret;

  public KeyedNoise(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the noise secret must have at least 256 bits");
    }
    this.secret = secret.clone();
  }

  /** HMAC-SHA256(secret, identity): the seed of the identity's noise. */
  byte[] seed(String identity) {
    return hmac(secret, identity.getBytes(StandardCharsets.UTF_8));
  }

  /** The sampler for one cell: the same identity always gives the same draws. */
  DiscreteLaplace laplace(String identity) {
    return new DiscreteLaplace(new Stream(seed(identity)));
  }

  /**
   * A digest of the draws for a set of identities (in order): equal when and only when the same
   * noise is reused. It is a hash of keyed seeds, so it tells nothing about the rows without the
   * secret, and may be published in the ledger.
   */
  String draws(List<String> identities) {
    Mac mac = mac(seed("ledger"));
    for (String identity : identities) {
      mac.update(seed(identity));
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  private static byte[] hmac(byte[] key, byte[] message) {
    return mac(key).doFinal(message);
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
    }
  }

  /** HMAC-SHA256(seed, counter) for counter 0, 1, 2, …: 64 bits at a time. */
  private static final class Stream implements RandomGenerator {

    private final Mac mac;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = block.length;

    Stream(byte[] seed) {
      mac = mac(seed);
    }

    @Override
    public long nextLong() {
      if (used == block.length) {
        byte[] next = new byte[8];
        for (int i = 0; i < 8; i++) {
          next[i] = (byte) (counter >>> (8 * (7 - i)));
        }
        counter++;
        System.arraycopy(mac.doFinal(next), 0, block, 0, block.length);
        used = 0;
      }
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (block[used + i] & 0xff);
      }
      used += 8;
      return value;
    }
  }
}
