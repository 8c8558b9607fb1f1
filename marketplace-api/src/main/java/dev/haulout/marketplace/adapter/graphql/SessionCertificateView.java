package dev.haulout.marketplace.adapter.graphql;

import dev.haulout.seal.session.SessionCertificate;
import dev.haulout.wire.Hex;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** A Seal session certificate, as the key servers' {@code fetch_key} request carries it. */
@Name("SessionCertificate")
@Description("A Seal session certificate signed by the caller's managed wallet (Sui personal message).")
public record SessionCertificateView(
    @Description("The wallet address that signed (the key servers check access for it).") String user,
    @Description("The session public key, hex.") String sessionVk,
    @Description("Creation time, ms since the epoch.") long creationTimeMs,
    int ttlMin,
    @Description("Serialized Sui signature, base64.") String signature,
    @Description("The policy package the certificate names (seal_approve's package).") String packageId) {

  static SessionCertificateView of(SessionCertificate c, String packageId) {
    return new SessionCertificateView(c.user().toString(), Hex.encode(c.sessionVk()), c.creationTimeMs(), c.ttlMin(),
        c.signature(), packageId);
  }
}
