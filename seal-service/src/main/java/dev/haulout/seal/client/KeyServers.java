package dev.haulout.seal.client;

import dev.haulout.wire.SuiAddress;
import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.UserSecretKey;
import dev.haulout.seal.envelope.DataKeyResolver;
import dev.haulout.seal.session.SessionKey;
import java.util.List;
import java.util.Map;

/**
 * The {@code KeyServers} port of the architecture: fetch verified key shares for an identity on
 * behalf of a requester (whose {@link SessionKey} signs the requests) and use them. Implemented
 * over HTTP by {@link SealKeyClient}.
 */
public interface KeyServers {
  /** Verified keys for {@code session.packageId() ‖ innerId} from servers of summed weight ≥ threshold. */
  List<VerifiedUserSecretKey> fetchKeys(
      SessionKey session, byte[] ptb, byte[] innerId, Map<SuiAddress, Integer> weights, int threshold);

  /** Verified keys for {@code object}'s identity, weights and threshold taken from the object. */
  List<UserSecretKey> userSecretKeys(EncryptedObject object, SessionKey session, byte[] ptb);

  /** Fetches keys and decrypts {@code object}. */
  byte[] decrypt(EncryptedObject object, SessionKey session, byte[] ptb, boolean checkShareConsistency);

  /** Resolves envelope data keys through the key servers. */
  DataKeyResolver dataKeyResolver(SessionKey session, String policyModule);
}
