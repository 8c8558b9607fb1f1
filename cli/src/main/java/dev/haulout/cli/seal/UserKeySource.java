package dev.haulout.cli.seal;

import dev.haulout.seal.crypto.EncryptedObject;
import dev.haulout.seal.crypto.UserSecretKey;
import java.util.List;

/**
 * Where {@code haulout seal decrypt} gets user secret keys for an object's identity. Today:
 * {@link MasterKeyUserKeySource} derives them from the master keys in keys.json (testing). The
 * key-server client ({@code dev.haulout.seal.client}) plugs in here as a second implementation
 * that fetches them over {@code /v1/fetch_key} from the servers' URLs.
 */
interface UserKeySource {
  List<UserSecretKey> userSecretKeys(EncryptedObject object);
}
