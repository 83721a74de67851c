package dev.duro.grpc;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made at test time: a CA, and server and client certificates it signs, as PEM (the
 * JDK can parse X.509 but not make it, hence BouncyCastle). EC P-256 keys, so generation is fast.
 */
final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A certificate and its private key, both as PEM. */
  record Issued(X509Certificate certificate, PrivateKey key) {
    byte[] certificatePem() {
      return pem("CERTIFICATE", encoded(certificate));
    }

    /** PKCS#8, as gRPC requires. */
    byte[] keyPem() {
      return pem("PRIVATE KEY", key.getEncoded());
    }

    private static byte[] encoded(X509Certificate c) {
      try {
        return c.getEncoded();
      } catch (java.security.cert.CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private TestCertificates() {}

  /** A self-signed certificate authority. */
  static Issued authority(String name) {
    KeyPair keys = newKeys();
    return new Issued(
        sign(name, keys, name, keys.getPrivate(), true, null, null), keys.getPrivate());
  }

  /** A server certificate for {@code localhost} and {@code 127.0.0.1}, signed by {@code ca}. */
  static Issued server(Issued ca) {
    KeyPair keys = newKeys();
    GeneralNames names =
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            });
    return new Issued(
        sign(
            "CN=localhost",
            keys,
            ca.certificate().getSubjectX500Principal().getName(),
            ca.key(),
            false,
            names,
            KeyPurposeId.id_kp_serverAuth),
        keys.getPrivate());
  }

  /** A client certificate with subject {@code CN=<commonName>}, signed by {@code ca}. */
  static Issued client(Issued ca, String commonName) {
    KeyPair keys = newKeys();
    return new Issued(
        sign(
            "CN=" + commonName,
            keys,
            ca.certificate().getSubjectX500Principal().getName(),
            ca.key(),
            false,
            null,
            KeyPurposeId.id_kp_clientAuth),
        keys.getPrivate());
  }

  private static KeyPair newKeys() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate sign(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      PrivateKey issuerKey,
      boolean isCa,
      GeneralNames altNames,
      KeyPurposeId purpose) {
    try {
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new X500Name(issuer),
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Name(subject),
              subjectKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
      if (isCa) {
        b.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      }
      if (altNames != null) {
        b.addExtension(Extension.subjectAlternativeName, false, altNames);
      }
      return new JcaX509CertificateConverter()
          .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot make test certificate " + subject, e);
    }
  }

  private static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }
}
